package securechat.attacks.legacy;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import securechat.attacks.AttackOptions;
import securechat.attacks.Narrator;
import securechat.attacks.Verdict;
import securechat.attacks.legacy.LegacyVictims.Line;
import securechat.core.cli.ConfigException;
import securechat.sniffer.capture.CaptureException;

/**
 * {@code lab attack legacy}: reads every message of the seed 004 replica from a recording of its
 * traffic, with no key of anyone's. With {@code --read FILE} it attacks a capture someone made;
 * without, it starts the replica's server and two clients on loopback, records their conversation
 * (a capture on {@code lo} if this machine allows it, else a relay in the middle) and attacks that.
 *
 * <pre>
 *   ./lab attack legacy                          # self-contained: victims, recording, recovery
 *   ./lab attack legacy --read capture.pcap      # a capture of ./lab server --stage e2e
 *                                                #   --insecure-legacy seed004 and its clients
 * </pre>
 *
 * <p>Exits 0 whatever the verdict: SUCCEEDED when at least one message was recovered, REFUSED when
 * the recording holds no seed 004 package.
 */
@Command(
    name = "legacy",
    mixinStandardHelpOptions = true,
    description = {
      "Recover every DES key and message of the seed 004 replica (--insecure-legacy seed004) from"
          + " recorded traffic alone: its textbook RSA \"signature\" of each key gives the key away.",
      "Without --read, starts the replica's server and two clients on loopback and records them"
          + " first (a capture on lo where capture rights allow, else a relay in the middle)."
    })
public final class LegacyCommand implements Callable<Integer> {
  /** What the victims type in the self-contained run, in order. */
  static final List<Line> SCRIPT =
      List.of(
          new Line("alice", "bob", "hello bob, the vault code is 4711"),
          new Line("bob", "alice", "thanks alice, see you at the vault at six"));

  static final String CAPTURE_FILE = "legacy.pcap";
  static final String TARGET = "e2e --insecure-legacy seed004";

  @Spec private CommandSpec spec;

  @Mixin private AttackOptions options;

  @Option(
      names = "--read",
      paramLabel = "FILE",
      description = "Attack this capture (pcap or pcapng) instead of starting victims")
  private Path readFile;

  @Option(
      names = "--port",
      paramLabel = "N",
      description =
          "With --read: the replica's TCP port in the capture. Default: every connection"
              + " whose bytes parse as seed 004 frames")
  private Integer port;

  @Option(
      names = "--no-capture",
      description =
          "Without --read: record through a relay in the middle even where capturing on"
              + " lo would work")
  private boolean noCapture;

  @Override
  public Integer call() throws ConfigException, IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    Narrator narrator = options.narrator(out);
    Verdict verdict;
    if (readFile != null) {
      verdict = fromFile(narrator);
    } else if (port != null) {
      throw new ConfigException("--port names the replica's port in a capture; it needs --read");
    } else {
      verdict = selfContained(narrator);
    }
    narrator.verdict(verdict);
    options.writeJson(List.of(verdict), out);
    return 0;
  }

  private Verdict fromFile(Narrator narrator) throws ConfigException {
    OptionalInt onlyPort = port == null ? OptionalInt.empty() : OptionalInt.of(port);
    LegacyCaptureFile.checkArguments(readFile, onlyPort);
    narrator.aboutTo(
        "read "
            + readFile
            + (port == null ? "" : " (TCP port " + port + " only)")
            + ", put each TCP connection back together and look for seed 004 frames both ways");
    LegacyCaptureFile capture = LegacyCaptureFile.read(readFile, onlyPort);
    narrator.saw(
        capture.counts()
            + "; "
            + LegacyVerdicts.plural(capture.connections().size(), "connection"));
    return recover(capture.connections(), narrator, "capture " + readFile.getFileName());
  }

  private Verdict selfContained(Narrator narrator)
      throws ConfigException, IOException, InterruptedException {
    Path folder = options.victimsDir("legacy");
    narrator.aboutTo(
        "start the seed 004 replica (lab server --stage e2e --insecure-legacy seed004) on"
            + " 127.0.0.1 with two of its clients, alice and bob, who write to each other");
    List<RecordedConnection> connections;
    try (LegacyVictims victims = LegacyVictims.start(name -> new Random())) {
      narrator.saw("server listens on 127.0.0.1:" + victims.server().getPort());
      connections = record(victims, folder.resolve(CAPTURE_FILE), narrator);
    }
    return recover(connections, narrator, TARGET);
  }

  private List<RecordedConnection> record(LegacyVictims victims, Path file, Narrator narrator)
      throws ConfigException, IOException, InterruptedException {
    if (!noCapture) {
      narrator.aboutTo(
          "capture their conversation on lo (TCP port "
              + victims.server().getPort()
              + ") into "
              + file
              + ", as lab sniff --write would");
      try {
        LegacyCaptureFile capture = LegacyWiretap.capture(victims, SCRIPT, file);
        showConversation(narrator);
        narrator.saw("captured " + capture.counts() + "; attack the file again with:");
        narrator.saw("  lab attack legacy --read " + file);
        return capture.connections();
      } catch (CaptureException e) {
        narrator.note("no capture here (" + e.getMessage() + "); a relay records instead");
      }
    }
    narrator.aboutTo(
        "put a relay on 127.0.0.1 in front of the server, a man in the middle who only listens,"
            + " and record every byte alice's and bob's clients send and receive");
    List<RecordedConnection> recorded = LegacyWiretap.relay(victims, SCRIPT);
    showConversation(narrator);
    narrator.saw("recorded " + LegacyVerdicts.plural(recorded.size(), "connection"));
    return recorded;
  }

  private static void showConversation(Narrator narrator) {
    for (Line line : SCRIPT) {
      narrator.saw(line.from() + " typed  " + line.to() + ":" + line.text());
      narrator.saw(line.to() + "'s screen  [" + line.from() + "] " + line.text());
    }
  }

  private static Verdict recover(
      List<RecordedConnection> connections, Narrator narrator, String target) {
    narrator.aboutTo(
        "recover every DES key and message from the packages alone: K = signed_key^e mod n with"
            + " the sender's public key from the same package, then DES-ECB under K");
    LegacyRecovery.Result result = LegacyRecovery.recover(connections);
    result.messages().forEach(message -> narrator.saw(message.describe()));
    result.problems().forEach(narrator::saw);
    return LegacyVerdicts.of(result, target);
  }
}
