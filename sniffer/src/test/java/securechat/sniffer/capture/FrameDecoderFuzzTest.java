package securechat.sniffer.capture;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.pcap4j.packet.namednumber.DataLinkType;

/**
 * Fuzzes {@link FrameDecoder}, which reads a captured frame's link-layer, IP and TCP headers field
 * by field. It documents that it never reads past a frame's end and gives no segment for what it
 * cannot read: any exception is a bug, and a segment's payload must lie inside the frame.
 *
 * <p>Input: one byte that picks the link type (every type the decoder reads, and one it does not),
 * then the frame. Seeds: {@code FrameDecoderFuzzTestInputs/frames/}, frames of the committed
 * captures (Ethernet on loopback, IPv4 and IPv6) and the same packets under other link types.
 */
class FrameDecoderFuzzTest {
  private static final int[] LINK_TYPES = {0, 1, 12, 14, 101, 108, 113, 228, 229, 276, 147};
  private static final Instant TIME = Instant.parse("2025-03-01T10:00:00Z");

  @FuzzTest
  void frames(byte[] untrustedBytes) {
    if (untrustedBytes.length == 0) {
      return;
    }
    int linkType = LINK_TYPES[(untrustedBytes[0] & 0xff) % LINK_TYPES.length];
    byte[] frame = Arrays.copyOfRange(untrustedBytes, 1, untrustedBytes.length);
    FrameDecoder decoder = new FrameDecoder(DataLinkType.getInstance(linkType));
    Optional<TcpSegment> segment = decoder.decode(1, TIME, frame);
    // The smallest IP and TCP headers take 40 bytes; the payload is what is left at most.
    segment.ifPresent(
        tcp -> assertThat(tcp.payload().length).isLessThanOrEqualTo(frame.length - 40));
  }
}
