package securechat.sniffer.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import securechat.sniffer.capture.Endpoint;
import securechat.sniffer.capture.TcpSegment;

/**
 * Fuzzes the {@link TcpReassembler} with segments in any order, with any sequence numbers and
 * flags, on two 4-tuples. It documents no failure at all, so any exception is a bug. What it
 * promises is checked too: each direction of each stream delivers at most the payload bytes it was
 * given, its chunks tile its bytes in order, and its gaps lie within them.
 *
 * <p>Input: a list of segments, each 1 byte of flags (bit 0 SYN, 1 FIN, 2 RST, 3 from the server, 4
 * the second 4-tuple), 4 bytes of sequence number, 1 byte of payload length, then the payload. A
 * small hold limit (64 bytes) makes holes be given up often.
 *
 * <p>Seeds: {@code TcpReassemblerFuzzTestInputs/segments/}, the segments of the committed captures
 * and of made-up connections with losses, retransmissions and wrapping sequence numbers.
 */
class TcpReassemblerFuzzTest {
  private static final int MAX_HELD_BYTES = 64;
  private static final Instant START = SyntheticConnection.START;
  private static final Endpoint[] CLIENTS = {
    SyntheticConnection.endpoint("127.0.0.1", 50000), SyntheticConnection.endpoint("::1", 50001)
  };
  private static final Endpoint[] SERVERS = {
    SyntheticConnection.endpoint("127.0.0.1", 7001), SyntheticConnection.endpoint("::1", 7002)
  };

  @FuzzTest
  void segments(byte[] untrustedBytes) {
    TcpReassembler reassembler = new TcpReassembler(MAX_HELD_BYTES);
    Map<String, Long> given = new HashMap<>();
    ByteBuffer input = ByteBuffer.wrap(untrustedBytes);
    for (long frame = 1; input.remaining() >= 6; frame++) {
      TcpSegment segment = segment(frame, input);
      given.merge(key(segment.source()), (long) segment.payload().length, Long::sum);
      reassembler.accept(segment);
    }
    reassembler.finish();
    Map<String, Long> delivered = new HashMap<>();
    for (TcpStream stream : reassembler.streams()) {
      checkStream(stream);
      for (Direction direction : Direction.values()) {
        Endpoint sender =
            direction == Direction.CLIENT_TO_SERVER ? stream.client() : stream.server();
        delivered.merge(key(sender), stream.length(direction), Long::sum);
      }
    }
    delivered.forEach(
        (sender, bytes) -> assertThat(bytes).isLessThanOrEqualTo(given.getOrDefault(sender, 0L)));
  }

  private static TcpSegment segment(long frame, ByteBuffer input) {
    int flags = input.get() & 0xff;
    long sequence = input.getInt() & 0xFFFF_FFFFL;
    byte[] payload = new byte[Math.min(input.get() & 0xff, input.remaining())];
    input.get(payload);
    int pair = flags >> 4 & 1;
    boolean fromServer = (flags & 8) != 0;
    Endpoint client = CLIENTS[pair];
    Endpoint server = SERVERS[pair];
    return new TcpSegment(
        frame,
        START.plusMillis(frame),
        fromServer ? server : client,
        fromServer ? client : server,
        sequence,
        (flags & 1) != 0,
        (flags & 2) != 0,
        (flags & 4) != 0,
        payload);
  }

  /** Chunks tile each direction's bytes in order; gaps sit inside them and are never empty. */
  private static void checkStream(TcpStream stream) {
    for (Direction direction : Direction.values()) {
      long offset = 0;
      for (Chunk chunk : stream.chunks(direction)) {
        assertThat(chunk.offset()).isEqualTo(offset);
        offset = chunk.end();
      }
      assertThat(offset).isEqualTo(stream.length(direction));
      for (Gap gap : stream.gaps(direction)) {
        assertThat(gap.offset()).isBetween(0L, stream.length(direction));
      }
    }
    assertThat(stream.chunks())
        .hasSize(
            stream.chunks(Direction.CLIENT_TO_SERVER).size()
                + stream.chunks(Direction.SERVER_TO_CLIENT).size());
  }

  private static String key(Endpoint sender) {
    return sender.toString();
  }
}
