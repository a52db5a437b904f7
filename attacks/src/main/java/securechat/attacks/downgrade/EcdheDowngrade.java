package securechat.attacks.downgrade;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import securechat.attacks.Narrator;
import securechat.attacks.Outcome;
import securechat.attacks.Verdict;
import securechat.attacks.Victims;
import securechat.attacks.wire.LineMitm;
import securechat.attacks.wire.Relay;
import securechat.core.channel.ChannelSecurity;
import securechat.core.channel.HandshakeException;
import securechat.core.cli.ConfigException;
import securechat.core.cli.Stage;
import securechat.core.client.ScriptedPeer;
import securechat.core.protocol.Limits;
import securechat.ecdhe.Curve;
import securechat.ecdhe.EcdheSecurity;

/**
 * The ecdhe half of {@code lab attack downgrade}: an active man in the middle strips the server's
 * authentication. The real ecdhe server signs every handshake; the attacker's relay answers the
 * victim with an unsigned one ({@code IDENTITY none}, what {@code --insecure-no-auth} does), and
 * talks to the real server as an ordinary client. A client that insists on the signature refuses;
 * one run with {@code --insecure-no-auth} cannot tell the attacker from the server.
 *
 * <pre>
 * alice ──ECDHE (unsigned, key A)──▶ attacker ──ECDHE (signed, key B)──▶ server
 *       ◀──────── lines in clear to the attacker, re-encrypted each way ──────▶
 * </pre>
 */
final class EcdheDowngrade {
  /** The client option that accepts an unsigned handshake: the weak victim. */
  static final String NO_AUTH = "--insecure-no-auth";

  /** What alice says to the room: the secret the attacker is after. */
  static final String SECRET = "the door code is 4711";

  private static final Optional<Path> NO_KEYLOG = Optional.empty();

  private final Narrator narrator;
  private final LineWatcher watcher = new LineWatcher();
  private final List<String> events = Collections.synchronizedList(new ArrayList<>());

  /** An attack for one run: it keeps what its relay saw. */
  EcdheDowngrade(Narrator narrator) {
    this.narrator = narrator;
  }

  /**
   * Starts the stage's real server (default options: it signs), the attacker's relay in front of
   * it, and alice's client through the relay, with {@code --insecure-no-auth} if {@code weak}.
   */
  Verdict run(Stage ecdhe, Path victimsDir, boolean weak)
      throws ConfigException, IOException, InterruptedException {
    try (Victims victims = new Victims(ecdhe, victimsDir)) {
      narrator.aboutTo(
          "start an ecdhe server on 127.0.0.1 with default options (lab server --stage ecdhe):"
              + " it signs every handshake with its identity key");
      InetSocketAddress server = victims.startServer();
      LineMitm mitm = new LineMitm(unsignedServer(), plainClient(server), watcher, events::add);
      narrator.aboutTo(
          "start a relay on 127.0.0.1 that answers clients as an ecdhe server with no identity"
              + " (IDENTITY none, as --insecure-no-auth) and talks to 127.0.0.1:"
              + server.getPort()
              + " as an ordinary client");
      try (Relay relay = Relay.start(server, 0, mitm, events::add)) {
        String command = "lab client --stage ecdhe" + (weak ? " " + NO_AUTH : "");
        narrator.aboutTo(
            "connect alice ("
                + command
                + ") to the relay on 127.0.0.1:"
                + relay.port()
                + " instead of the server, as a forged DNS answer or a rogue Wi-Fi would");
        String[] options = weak ? new String[] {NO_AUTH} : new String[0];
        String target = "ecdhe client" + (weak ? " " + NO_AUTH : "");
        try {
          return read(victims, victims.connect("alice", relay.port(), options), target);
        } catch (HandshakeException refusal) {
          narrator.saw("alice's client: " + refusal.getMessage());
          return refused(target, command, refusal.getMessage());
        }
      }
    }
  }

  /** alice got through the relay: she registers and talks, and the attacker reads along. */
  private Verdict read(Victims victims, ScriptedPeer alice, String target)
      throws IOException, InterruptedException {
    narrator.saw("alice's client accepted the attacker's unsigned handshake");
    narrator.aboutTo("register alice and have her say '" + SECRET + "' to the room");
    try {
      victims.logIn(alice, "alice", true);
      alice.send(SECRET);
      alice.expect("MSG alice ");
    } catch (ScriptedPeer.ScriptFailure e) {
      throw new IOException("the chat through the relay failed: " + e.getMessage(), e);
    }
    // Both handshakes ended, and each line crossed the attacker, before alice's message came back.
    List<String> evidence = new ArrayList<>();
    victims.screenOf("alice").stream()
        .filter(line -> line.startsWith("warning:"))
        .forEach(line -> evidence.add("alice's client: " + line));
    synchronized (events) {
      events.forEach(event -> evidence.add("attacker: " + event));
    }
    watcher.toServer().forEach(line -> evidence.add("attacker read: alice → server  " + line));
    evidence.forEach(narrator::saw);
    return succeeded(target, evidence);
  }

  /** The attacker's face towards the victim: an ecdhe server that signs nothing. */
  private static ChannelSecurity unsignedServer() throws IOException {
    return EcdheSecurity.server(
        Optional.empty(), List.of(Curve.values()), Limits.DEFAULTS, Clock.systemUTC(), NO_KEYLOG);
  }

  /** The attacker's face towards the real server: a client that checks nothing, pins nothing. */
  private static ChannelSecurity plainClient(InetSocketAddress server) throws IOException {
    return EcdheSecurity.client(
        Curve.X25519,
        Optional.empty(),
        "127.0.0.1:" + server.getPort(),
        Limits.DEFAULTS,
        Clock.systemUTC(),
        NO_KEYLOG);
  }

  private static Verdict refused(String target, String command, String sentence) {
    return new Verdict(
        DowngradeCommand.NAME,
        target,
        Outcome.REFUSED,
        "alice's client refused the unsigned handshake before sending a single chat line",
        WHY_REFUSED,
        List.of("alice's client (" + command + "): " + sentence));
  }

  private Verdict succeeded(String target, List<String> evidence) {
    String password = watcher.findToServer("/register alice ").orElse("/register alice ?");
    String headline =
        "the attacker read alice's password ("
            + password.substring("/register alice ".length())
            + ") and her message '"
            + SECRET
            + "' in clear; the chat went on as if nothing happened";
    return new Verdict(
        DowngradeCommand.NAME, target, Outcome.SUCCEEDED, headline, WHY_SUCCEEDED, evidence);
  }

  private static final String WHY_REFUSED =
      "An ephemeral key exchange alone says nothing about who is on the other end: a man in the"
          + " middle can run one exchange with alice and another with the server and hold both"
          + " keys. What stops it is the server's Ed25519 signature over the handshake transcript"
          + " (docs/protocol.md, The ecdhe handshake): alice's client requires it, and only the"
          + " real server's identity key can make it. Removing the signature, as this attacker"
          + " did, is refused at once; replacing it with the attacker's own signature would meet"
          + " alice's pin in known_hosts (THE IDENTITY KEY HAS CHANGED) on any connection after"
          + " her first. On the very first connection trust on first use pins whatever key"
          + " comes: compare the fingerprint the server prints.";

  private static final String WHY_SUCCEEDED =
      "With --insecure-no-auth alice's client accepts IDENTITY none: it no longer asks for the"
          + " server's signature, and pins nothing. The key exchange still happens, and the lines"
          + " on the wire are still Fernet tokens, but alice shares her keys with the attacker,"
          + " who decrypts, reads and re-encrypts every line towards the real server. Encryption"
          + " without authentication stops an eavesdropper and nobody else. Without the flag, the"
          + " same relay is refused: lab attack downgrade --stage ecdhe.";
}
