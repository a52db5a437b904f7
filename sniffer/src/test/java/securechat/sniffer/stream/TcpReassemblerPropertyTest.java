package securechat.sniffer.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import securechat.sniffer.capture.Endpoint;
import securechat.sniffer.capture.TcpSegment;

/** Reassembly as a property: however a byte string is cut, shuffled and repeated, it comes back. */
class TcpReassemblerPropertyTest {
  private static final Endpoint CLIENT = SyntheticConnection.endpoint("10.0.0.1", 51000);
  private static final Endpoint SERVER = SyntheticConnection.endpoint("10.0.0.2", 7001);

  private long frame;

  private TcpSegment syn(Endpoint from, Endpoint to, long isn) {
    frame++;
    return new TcpSegment(
        frame, SyntheticConnection.START, from, to, isn, true, false, false, new byte[0]);
  }

  @Test
  void randomSegmentationReorderingAndDuplicatesAlwaysGiveTheOriginalBytes() {
    for (int seed = 0; seed < 200; seed++) {
      Random random = new Random(seed);
      byte[] original = new byte[1 + random.nextInt(5000)];
      random.nextBytes(original);
      long isn = random.nextBoolean() ? random.nextLong(1L << 32) : 0xFFFF_FF00L;
      List<TcpSegment> segments = randomSegments(random, original, isn);

      TcpReassembler reassembler = new TcpReassembler();
      reassembler.accept(syn(CLIENT, SERVER, isn));
      segments.forEach(reassembler::accept);
      reassembler.finish();

      TcpStream stream = reassembler.streams().get(0);
      assertThat(stream.bytes(Direction.CLIENT_TO_SERVER)).as("seed %d", seed).isEqualTo(original);
      assertThat(stream.gaps(Direction.CLIENT_TO_SERVER)).as("seed %d", seed).isEmpty();
    }
  }

  private List<TcpSegment> randomSegments(Random random, byte[] original, long isn) {
    List<TcpSegment> segments = new ArrayList<>();
    int position = 0;
    while (position < original.length) {
      int length = Math.min(original.length - position, 1 + random.nextInt(400));
      byte[] payload = Arrays.copyOfRange(original, position, position + length);
      long sequence = (isn + 1 + position) % (1L << 32);
      frame++;
      segments.add(
          new TcpSegment(
              frame,
              SyntheticConnection.START,
              CLIENT,
              SERVER,
              sequence,
              false,
              false,
              false,
              payload));
      position += length;
    }
    int duplicates = random.nextInt(segments.size() + 1);
    for (int i = 0; i < duplicates; i++) {
      segments.add(segments.get(random.nextInt(segments.size())));
    }
    Collections.shuffle(segments, random);
    return segments;
  }
}
