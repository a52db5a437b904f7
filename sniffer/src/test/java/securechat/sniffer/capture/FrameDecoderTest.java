package securechat.sniffer.capture;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pcap4j.packet.namednumber.DataLinkType;

/** Frames copied from captures/chat-loopback.pcapng ({@code tshark -x}), Ethernet as on lo. */
class FrameDecoderTest {
  private static final Instant TIME = Instant.parse("2026-11-24T05:44:57.918562877Z");

  /** Frame 4: 127.0.0.1:39084 → 127.0.0.1:7001, PSH ACK, "HELLO alice\n". */
  private static final byte[] IPV4_TCP =
      HexFormat.of()
          .parseHex(
              "000000000000000000000000080045000040"
                  + "3af74000400601bf7f0000017f00000198ac1b59e35e9a3fe20e732580180040fe3400000101"
                  + "080a9521862f42e81eb448454c4c4f20616c6963650a");

  /** Frame 21: [::1]:7002 → [::1]:39902, PSH ACK, "OK HELLO bob\n". */
  private static final byte[] IPV6_TCP =
      HexFormat.of()
          .parseHex(
              "00000000000000000000000086dd6005a6df002d0640000000000000000000000000000000"
                  + "01000000000000000000000000000000011b5a9bde290ba9a8195d7ff08018004000350000"
                  + "0101080a8f56ec3172862a014f4b2048454c4c4f20626f620a");

  /** Frame 15: a UDP datagram to 127.0.0.1:7003. */
  private static final byte[] IPV4_UDP =
      HexFormat.of()
          .parseHex(
              "000000000000000000000000080045000024dce1400040115fe57f0000017f000001ebb61b5b"
                  + "0010fe236e6f74207463700a");

  private final FrameDecoder decoder = new FrameDecoder(DataLinkType.EN10MB);

  @Test
  void anIpv4TcpFrameBecomesASegmentWithItsEndpointsFlagsAndPayload() {
    TcpSegment segment = decoder.decode(4, TIME, IPV4_TCP).orElseThrow();

    assertThat(segment.frame()).isEqualTo(4);
    assertThat(segment.time()).isEqualTo(TIME);
    assertThat(segment.source()).hasToString("127.0.0.1:39084");
    assertThat(segment.destination()).hasToString("127.0.0.1:7001");
    assertThat(segment.sequence()).isEqualTo(3814627903L);
    assertThat(segment.syn() || segment.fin() || segment.rst()).isFalse();
    assertThat(new String(segment.payload(), UTF_8)).isEqualTo("HELLO alice\n");
  }

  @Test
  void anIpv6TcpFrameBecomesASegmentWithIpv6Endpoints() {
    TcpSegment segment = decoder.decode(21, TIME, IPV6_TCP).orElseThrow();

    assertThat(segment.source()).hasToString("[0:0:0:0:0:0:0:1]:7002");
    assertThat(segment.destination()).hasToString("[0:0:0:0:0:0:0:1]:39902");
    assertThat(new String(segment.payload(), UTF_8)).isEqualTo("OK HELLO bob\n");
  }

  @Test
  void aUdpFrameIsNotASegment() {
    assertThat(decoder.decode(15, TIME, IPV4_UDP)).isEmpty();
  }

  @Test
  void everyTruncationOfATcpFrameIsDecodedOrSkippedWithoutAnException() {
    for (int length = 0; length < IPV4_TCP.length; length++) {
      byte[] cut = Arrays.copyOf(IPV4_TCP, length);
      assertThat(decoder.decode(1, TIME, cut)).as("cut to %d bytes", length).isNotNull();
    }
  }

  @Test
  void randomBytesAreSkippedWithoutAnException() {
    Random random = new Random(42);
    for (int i = 0; i < 1000; i++) {
      byte[] noise = new byte[random.nextInt(100)];
      random.nextBytes(noise);
      assertThat(decoder.decode(1, TIME, noise)).isNotNull();
    }
  }
}
