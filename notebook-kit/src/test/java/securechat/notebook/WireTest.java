package securechat.notebook;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import securechat.sniffer.capture.CaptureCounts;
import securechat.sniffer.capture.Endpoint;
import securechat.sniffer.capture.TcpSegment;
import securechat.sniffer.dissect.WireMessage;

/** A wire built from segments written by hand: two plain-stage connections, alice's and bob's. */
class WireTest {
  private static final Endpoint SERVER = endpoint(7001);
  private static final String HOW = "wire: made by hand for this test";

  private final List<TcpSegment> segments = new ArrayList<>();
  private final long[] sent = new long[4]; // next sequence number per side and connection

  WireTest() {
    open(0, endpoint(50000));
    say(0, false, "WELCOME plain securechat-lab\n");
    say(0, true, "/register alice alice-pw-1\n");
    say(0, false, "OK registered and logged in as alice; 1 online\n");
    open(1, endpoint(50001));
    say(1, false, "WELCOME plain securechat-lab\n");
    say(1, true, "/register bob bob-pw-2\n");
    say(0, true, "/whisper bob the code is 4711\n");
    say(1, false, "WHISPER alice bob the code is 4711\n");
  }

  @Test
  void containsFindsTextInEitherDirection() {
    Wire wire = wire(false, Optional.empty());

    assertThat(wire.contains("alice-pw-1")).isTrue();
    assertThat(wire.contains("WHISPER alice")).isTrue();
    assertThat(wire.contains("carol")).isFalse();
    assertThat(wire.find("4711")).hasSize(2);
  }

  @Test
  void bytesOfADirectionAreEveryConnectionsInTurn() {
    Wire wire = wire(false, Optional.empty());

    assertThat(new String(wire.clientToServer(), UTF_8))
        .isEqualTo(
            "/register alice alice-pw-1\n/whisper bob the code is 4711\n/register bob bob-pw-2\n");
    assertThat(new String(wire.serverToClient(), UTF_8)).startsWith("WELCOME").endsWith("4711\n");
  }

  @Test
  void messagesAreDissectedInTheOrderTheyCrossed() {
    List<String> kinds =
        wire(false, Optional.empty()).messages().stream().map(WireMessage::kind).toList();

    assertThat(kinds)
        .containsExactly(
            "WELCOME", "/register", "OK", "WELCOME", "/register", "/whisper", "WHISPER");
  }

  @Test
  void messagesOfAClientAreThoseOfItsConnection() {
    Wire wire = wire(false, Optional.empty());

    assertThat(wire.messagesOf("bob"))
        .extracting(WireMessage::kind)
        .containsExactly("WELCOME", "/register", "WHISPER");
    assertThat(wire.messagesOf("alice")).allMatch(message -> message.stream() == 0);
  }

  @Test
  void messagesOfAStrangerSaysWhoTookPart() {
    assertThatThrownBy(() -> wire(false, Optional.empty()).messagesOf("carol"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no client 'carol' in this run; the clients are alice, bob");
  }

  @Test
  void linesAreTheSniffersViewOfEachConnection() {
    List<String> lines = wire(false, Optional.empty()).lines();

    assertThat(lines.get(0)).isEqualTo("stream 0 127.0.0.1:50000 → 127.0.0.1:7001 (plain)");
    assertThat(lines)
        .anyMatch(
            line -> line.contains("C→S /register") && line.contains("<password: alice-pw-1>"));
    assertThat(lines).contains("stream 1 127.0.0.1:50001 → 127.0.0.1:7001 (plain)");
  }

  @Test
  void readAsDissectsWithTheStageNamedAsLabSniffStageDoes() {
    Wire wire = wire(false, Optional.empty());

    assertThat(wire.readAs("raw").messages()).extracting(WireMessage::kind).containsOnly("bytes");
    assertThat(wire.readAs("raw").contains("4711")).isTrue();
    assertThatThrownBy(() -> wire.readAs("e2e"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown stage 'e2e'; the sniffer reads plain, tls, ecdhe or raw");
  }

  @Test
  void reportStartsWithHowTheWireWasSeen() {
    assertThat(wire(false, Optional.empty()).report()).startsWith(HOW).contains("summary");
  }

  @Test
  void savePcapOfARelayedWireSaysThereIsNone(@TempDir Path dir) {
    assertThatThrownBy(() -> wire(false, Optional.empty()).savePcap(dir.resolve("x.pcap")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no pcap file: this wire was recorded by the relay, not captured by libpcap");
  }

  @Test
  void savePcapOfARunStillOpenSaysToCloseItFirst(@TempDir Path dir) {
    assertThatThrownBy(() -> wire(true, Optional.empty()).savePcap(dir.resolve("x.pcap")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "the pcap file is finished when the run is: close it, then lab.wire().savePcap()");
  }

  @Test
  void savePcapWritesTheCaptureForItsOwnerOnly(@TempDir Path dir) throws Exception {
    byte[] capture = {(byte) 0xd4, (byte) 0xc3, (byte) 0xb2, (byte) 0xa1, 2, 0, 4, 0};

    Path file = wire(true, Optional.of(capture)).savePcap(dir.resolve("plain.pcap"));

    assertThat(Files.readAllBytes(file)).isEqualTo(capture);
    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
  }

  private Wire wire(boolean live, Optional<byte[]> pcap) {
    CaptureCounts counts = new CaptureCounts(segments.size(), segments.size(), 0);
    return Wire.of(segments, counts, List.of("alice", "bob"), live, HOW, pcap);
  }

  private void open(int connection, Endpoint client) {
    segments.add(segment(client, SERVER, 0, true, new byte[0]));
    segments.add(segment(SERVER, client, 0, true, new byte[0]));
    sent[2 * connection] = 1;
    sent[2 * connection + 1] = 1;
  }

  private void say(int connection, boolean fromClient, String line) {
    Endpoint client = endpoint(50000 + connection);
    int side = 2 * connection + (fromClient ? 0 : 1);
    byte[] payload = line.getBytes(UTF_8);
    segments.add(
        fromClient
            ? segment(client, SERVER, sent[side], false, payload)
            : segment(SERVER, client, sent[side], false, payload));
    sent[side] += payload.length;
  }

  private TcpSegment segment(
      Endpoint from, Endpoint to, long sequence, boolean syn, byte[] payload) {
    long frame = segments.size() + 1;
    return new TcpSegment(
        frame, Instant.EPOCH.plusMillis(frame), from, to, sequence, syn, false, false, payload);
  }

  private static Endpoint endpoint(int port) {
    return new Endpoint(InetAddress.getLoopbackAddress(), port);
  }
}
