package securechat.attacks.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import securechat.attacks.CaptureRights;
import securechat.attacks.LabStages;
import securechat.attacks.Victims;
import securechat.core.cli.CliErrorHandler;
import securechat.core.client.ScriptedPeer;
import securechat.sniffer.capture.BpfFilters;
import securechat.sniffer.capture.LiveCapture;
import securechat.sniffer.capture.LiveCaptureOptions;

/** {@code lab attack legacy} against the replica's real programs, and a real capture of e2e. */
@Timeout(60)
class LegacyCommandIT {
  @TempDir Path dataDir;

  private String run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        CliErrorHandler.configure(new CommandLine(new LegacyCommand()))
            .setOut(new PrintWriter(out))
            .setErr(new PrintWriter(err))
            .execute(args);
    assertThat(err.toString()).isEmpty();
    assertThat(exit).isZero();
    return out.toString();
  }

  @Test
  void everyMessageComesBackFromALiveCaptureOfTheReplicaAndFromTheFileItWrote() {
    CaptureRights.assumeCaptureOnLoopback();

    String live = run("--data-dir", dataDir.toString(), "--no-color");

    Path pcap = dataDir.resolve("attacks").resolve("legacy").resolve(LegacyCommand.CAPTURE_FILE);
    assertThat(pcap).isRegularFile();
    assertThat(live).contains("captured ").contains("verdict: SUCCEEDED").contains("messages: 2");
    String reread = run("--read", pcap.toString(), "--no-color");
    for (LegacyVictims.Line line : LegacyCommand.SCRIPT) {
      String recovered = recoveredLine(live, line);
      assertThat(reread).contains(recovered);
    }
    assertThat(reread).contains("verdict: SUCCEEDED  legacy on capture legacy.pcap");
  }

  @Test
  void everyMessageComesBackFromTheBytesARelayRecorded() {
    String relayed = run("--data-dir", dataDir.toString(), "--no-capture", "--no-color");

    assertThat(relayed)
        .contains("recorded 2 connections")
        .contains("verdict: SUCCEEDED  legacy on e2e --insecure-legacy seed004")
        .contains("messages: 2")
        .contains("keys: 2");
    LegacyCommand.SCRIPT.forEach(line -> recoveredLine(relayed, line));
    assertThat(dataDir.resolve("attacks").resolve("legacy").resolve(LegacyCommand.CAPTURE_FILE))
        .doesNotExist();
  }

  @Test
  void aLiveCaptureOfTheRealE2eStageHoldsNothingToRecover() throws Exception {
    CaptureRights.assumeCaptureOnLoopback();
    Path pcap = dataDir.resolve("e2e.pcap");
    try (Victims victims = new Victims(LabStages.e2e(), dataDir.resolve("victims"))) {
      InetSocketAddress server = victims.startServer();
      ClosedConnections ended = new ClosedConnections(server.getPort());
      LiveCaptureOptions options =
          LiveCaptureOptions.onLoopback(BpfFilters.forPorts(server.getPort())).writingTo(pcap);
      LiveCapture capture = LiveCapture.start(options, ended);
      try {
        whisperAndQuit(victims, server.getPort());
        if (!ended.await(2, LegacyVictims.WAIT)) {
          // Seen twice in fresh-clone CI runs (2026-11-24), about once in 40 runs here, never
          // explained: the peers had their BYE and had closed, yet the capture saw neither
          // connection end. What the attack reads is already in the file (the handshakes and
          // every line the peers received came before BYE), so the verdict below is still
          // checked; this says what the capture had seen, for whoever finds out why.
          System.err.printf(
              "LegacyCommandIT: no end of both connections within %d s (%s; capture %s)%n",
              LegacyVictims.WAIT.toSeconds(), ended, capture.counts());
        }
      } finally {
        capture.stop();
      }
    }

    String refused = run("--read", pcap.toString(), "--no-color");

    assertThat(refused)
        .contains("verdict: REFUSED  legacy on capture e2e.pcap")
        .contains("none of the 2 TCP connections recorded holds a seed 004 frame")
        .contains("messages: 0");
  }

  private static void whisperAndQuit(Victims victims, int port) throws Exception {
    try (ScriptedPeer alice = victims.connect("alice", port);
        ScriptedPeer bob = victims.connect("bob", port)) {
      victims.logIn(alice, "alice", true);
      victims.logIn(bob, "bob", true);
      alice.expect("JOIN bob");
      alice.send("/whisper bob hello bob, the vault code is 4711");
      bob.expectContaining("the vault code is 4711");
      bob.send("/quit");
      bob.expect("BYE");
      alice.send("/quit");
      alice.expect("BYE");
    }
  }

  /** The line the attack printed for {@code line}: sender, recipient, some DES key, the text. */
  private static String recoveredLine(String output, LegacyVictims.Line line) {
    String start = "  " + line.from() + " → " + line.to() + "  DES key '";
    String end = "'  \"" + line.text() + "\"";
    return output
        .lines()
        .filter(printed -> printed.startsWith(start) && printed.endsWith(end))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no recovered line for " + line + " in\n" + output));
  }
}
