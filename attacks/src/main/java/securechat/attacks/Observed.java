package securechat.attacks;

import java.util.ArrayList;
import java.util.List;

/**
 * What the victims of a {@link RelayedWhisper} saw, read from their screens and the server's log:
 * the evidence the record attacks judge by. Lines are kept as the victims saw them, to be quoted.
 *
 * @param bobShown the whispers from alice that bob's client showed him, as protocol lines ({@code
 *     WHISPER alice bob TEXT}), in order
 * @param bobRefused what bob's client said when it refused a message ({@code [e2e] REFUSED ...})
 * @param serverOnAlice the server's log lines about alice's connection once she had logged in
 * @param aliceErrors the errors alice's client read: the server's {@code ERR} replies, and {@code
 *     ERR script ...} if her connection failed
 * @param evidence all of it for a verdict, with what the relay did: the relay's events, the
 *     server's log, alice's client, then bob's screen in its own order
 */
public record Observed(
    List<String> bobShown,
    List<String> bobRefused,
    List<String> serverOnAlice,
    List<String> aliceErrors,
    List<String> evidence) {
  public Observed {
    bobShown = List.copyOf(bobShown);
    bobRefused = List.copyOf(bobRefused);
    serverOnAlice = List.copyOf(serverOnAlice);
    aliceErrors = List.copyOf(aliceErrors);
    evidence = List.copyOf(evidence);
  }

  private static final String FROM_ALICE = "WHISPER alice bob ";
  private static final String REFUSED = "[e2e] REFUSED";

  /** Reads the evidence from {@code victims}' screens and log; {@code relayed}: the relay's. */
  static Observed of(Victims victims, List<String> relayed) {
    List<String> bobScreen = bobsEvidence(victims.screenOf("bob"));
    List<String> server = serverOnAlice(victims.serverLog());
    List<String> alice =
        received(victims.screenOf("alice"), "alice").stream()
            .filter(line -> line.startsWith("ERR "))
            .toList();
    List<String> evidence = new ArrayList<>(relayed);
    server.forEach(line -> evidence.add("server log: " + line));
    alice.forEach(line -> evidence.add("alice's client: " + line));
    bobScreen.forEach(line -> evidence.add("bob's client: " + line));
    return new Observed(
        bobScreen.stream().filter(line -> line.startsWith(FROM_ALICE)).toList(),
        bobScreen.stream().filter(line -> line.startsWith(REFUSED)).toList(),
        server,
        alice,
        evidence);
  }

  /** The texts of the whispers bob was shown from alice, without the protocol words. */
  public List<String> textsFromAlice() {
    return bobShown.stream().map(line -> line.substring(FROM_ALICE.length())).toList();
  }

  /**
   * What on bob's screen concerns alice, in order: her whispers, his client's refusals, the news
   * that she left.
   */
  private static List<String> bobsEvidence(List<String> screen) {
    String prefix = "server → bob ";
    List<String> lines = new ArrayList<>();
    for (String line : screen) {
      String shown = line.startsWith(prefix) ? line.substring(prefix.length()).strip() : line;
      if (shown.startsWith(FROM_ALICE)
          || shown.startsWith(REFUSED)
          || shown.startsWith("LEAVE alice")) {
        lines.add(shown);
      }
    }
    return lines;
  }

  /** The lines {@code name}'s client read from the server (as {@link Victims} recorded them). */
  private static List<String> received(List<String> screen, String name) {
    String prefix = "server → " + name + " ";
    return screen.stream()
        .filter(line -> line.startsWith(prefix))
        .map(line -> line.substring(prefix.length()).strip())
        .toList();
  }

  /**
   * The log lines about alice's connection after {@code PEER logged in as alice}: the server names
   * a connection by its peer address, the relay's side of it here.
   */
  private static List<String> serverOnAlice(List<String> log) {
    List<String> lines = new ArrayList<>();
    String peer = null;
    for (String line : log) {
      if (peer == null && line.endsWith(" logged in as alice")) {
        String[] timeAndPeer = line.split(" ", 3);
        peer = timeAndPeer.length == 3 ? " " + timeAndPeer[1] + " " : null;
      } else if (peer != null && line.contains(peer)) {
        lines.add(line);
      }
    }
    return lines;
  }
}
