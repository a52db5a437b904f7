package securechat.notebook;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import securechat.core.cli.ConfigException;
import securechat.core.client.ScriptedPeer;
import securechat.sniffer.capture.LiveCaptureOptions;
import securechat.sniffer.capture.PcapFileReader;
import securechat.sniffer.dissect.SecretSearch;
import securechat.sniffer.dissect.WireMessage;
import securechat.sniffer.stream.TcpReassembler;

/**
 * Runs stages on loopback as a notebook does, and looks at their wire: captured live where this
 * process may capture (root in CI), and through the relay, forced or as the fallback.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LabRunIT {
  private static final String WHISPER = "/whisper bob the code is 4711";
  private static final String CODE = "4711";

  private final List<String> said = new ArrayList<>();

  @Test
  void plainStageShowsTheWhisperAndThePasswordOnTheWire() throws Exception {
    Wire wire;
    try (LabRun lab = start("plain", CaptureMode.LIVE_OR_RELAY)) {
      whisper(lab);
      wire = lab.wire();
    }

    assertThat(said).hasSize(1);
    assertThat(wire.contains(CODE)).isTrue();
    assertThat(wire.contains("alice-secret-")).as("alice's password").isTrue();
    assertThat(wire.messagesOf("alice")).extracting(WireMessage::summary).contains(WHISPER);
  }

  @Test
  void tlsStageHidesTheWhisperButNotTheHandshake() throws Exception {
    try (LabRun lab = start("tls", CaptureMode.LIVE_OR_RELAY)) {
      whisper(lab);
      Wire wire = lab.wire();

      assertThat(wire.contains(CODE)).isFalse();
      assertThat(wire.contains("alice-secret-")).isFalse();
      assertThat(wire.messagesOf("alice"))
          .extracting(WireMessage::kind)
          .startsWith("ClientHello", "ServerHello")
          .contains("application_data");
    }
  }

  @Test
  void ecdheStageThroughTheRelayHidesTheWhisper() throws Exception {
    try (LabRun lab = start("ecdhe", CaptureMode.RELAY)) {
      whisper(lab);
      Wire wire = lab.wire();

      assertThat(said).hasSize(1);
      assertThat(said.get(0))
          .startsWith("wire: recorded by a relay on 127.0.0.1:")
          .endsWith("(no pcap file), because this run asked for the relay");
      assertThat(wire.live()).isFalse();
      assertThat(wire.contains(CODE)).isFalse();
      assertThat(wire.messagesOf("alice"))
          .extracting(WireMessage::kind)
          .first()
          .isEqualTo("ECDHE-HELLO");
    }
  }

  @Test
  void theRelaySeesThePlainStageAsACaptureWould() throws Exception {
    Wire wire;
    try (LabRun lab = start("plain", CaptureMode.RELAY)) {
      whisper(lab);
      wire = lab.wire();
    }

    assertThat(wire.live()).isFalse();
    assertThat(wire.streams()).hasSize(2);
    assertThat(wire.streams().get(0).server().port())
        .as("the server's port, not the relay's")
        .isNotEqualTo(0);
    assertThat(new String(wire.clientToServer(), UTF_8))
        .startsWith("/register alice alice-secret-")
        .contains(WHISPER + "\n");
    assertThat(wire.lines()).anyMatch(line -> line.contains("C→S /whisper"));
  }

  @Test
  void whenLibpcapRefusesTheRunFallsBackToTheRelayAndSaysWhy() throws Exception {
    try (LabRun lab =
        LabRun.start(
            Stages.find("plain"), CaptureMode.LIVE_OR_RELAY, "no-such-interface0", said::add)) {
      whisper(lab);

      assertThat(said).hasSize(1);
      assertThat(said.get(0))
          .startsWith("wire: recorded by a relay on 127.0.0.1:")
          .contains("because there is no interface 'no-such-interface0'");
      assertThat(lab.wire().contains(CODE)).isTrue();
    }
  }

  @Test
  void aLiveCaptureIsSavedAsAPcapThatTheSnifferReadsBack(@TempDir Path dir) throws Exception {
    LabRun lab = start("plain", CaptureMode.LIVE_OR_RELAY);
    try {
      assumeTrue(lab.wire().live(), () -> "needs capture rights on lo: " + said);
      whisper(lab);
      assertThatThrownBy(() -> lab.wire().savePcap(dir.resolve("early.pcap")))
          .isInstanceOf(IllegalStateException.class);
    } finally {
      lab.close();
    }

    Path pcap = lab.wire().savePcap(dir.resolve("plain.pcap"));

    TcpReassembler reassembler = new TcpReassembler();
    PcapFileReader.read(pcap, reassembler::accept);
    reassembler.finish();
    assertThat(reassembler.streams()).hasSize(2);
    assertThat(SecretSearch.find(reassembler.streams(), CODE)).isNotEmpty();
  }

  @Test
  void clientOptionsReachTheStageAsOnTheCommandLine() throws Exception {
    try (LabRun lab = start("tls", CaptureMode.RELAY)) {
      lab.client("alice", "--insecure-trust-all");

      assertThat(lab.screenOf("alice"))
          .anyMatch(line -> line.startsWith("warning: --insecure-trust-all"));
    }
  }

  @Test
  void closeEndsTheRunAndDeletesItsDataFolder() throws Exception {
    LabRun lab = start("plain", CaptureMode.RELAY);
    ScriptedPeer alice = lab.client("alice");
    Path dataDir = lab.dataDir();
    assertThat(dataDir).isDirectory();

    lab.close();
    lab.close();

    assertThat(dataDir).doesNotExist();
    assertThat(alice.find(line -> false, Duration.ofSeconds(5))).isEmpty();
    assertThat(alice.isClosed()).isTrue();
    assertThat(lab.wire().streams()).hasSize(1);
    assertThatThrownBy(() -> lab.client("bob"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("this run is closed: start a new one with LabRun.of(...)");
  }

  @Test
  void aBadStageOrOptionIsOneSentenceAndLeavesNothingBehind() throws Exception {
    long before = leftovers("tls");

    assertThatThrownBy(() -> LabRun.of("tsl"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("unknown stage 'tsl'; the stages are: plain, tls, ecdhe, e2e");
    assertThatThrownBy(() -> LabRun.of("tls", "--no-such-option"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("the tls stage's server does not take --no-such-option: ");
    assertThat(leftovers("tls")).isEqualTo(before);
  }

  private LabRun start(String stage, CaptureMode mode) throws Exception {
    return LabRun.start(Stages.find(stage), mode, LiveCaptureOptions.LOOPBACK, said::add);
  }

  /** alice whispers the code to bob, and bob reads it. */
  private static void whisper(LabRun lab) throws Exception {
    ScriptedPeer alice = lab.client("alice");
    ScriptedPeer bob = lab.client("bob");
    alice.send(WHISPER);
    bob.expectContaining(CODE);
  }

  /** The data folders of runs of {@code stage} in the temporary folder. */
  private static long leftovers(String stage) throws Exception {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    try (Stream<Path> files = Files.list(tmp)) {
      return files
          .filter(file -> file.getFileName().toString().startsWith("securechat-lab-" + stage + "-"))
          .count();
    }
  }
}
