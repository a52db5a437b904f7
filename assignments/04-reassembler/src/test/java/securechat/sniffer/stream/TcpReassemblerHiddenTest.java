// BEGIN HIDDEN TESTS
package securechat.sniffer.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static securechat.sniffer.stream.Direction.CLIENT_TO_SERVER;
import static securechat.sniffer.stream.Direction.SERVER_TO_CLIENT;
import static securechat.sniffer.stream.Segments.CLIENT;
import static securechat.sniffer.stream.Segments.SERVER;
import static securechat.sniffer.stream.Segments.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import securechat.grader.Hint;
import securechat.grader.Points;
import securechat.sniffer.capture.Endpoint;
import securechat.sniffer.capture.TcpSegment;

/**
 * Hidden tests: what a real capture holds besides segments in order. Every expected result is
 * written by hand from the rules in TcpReassembler's and Flow's Javadoc, or is the original data.
 */
class TcpReassemblerHiddenTest {
  private static final long SEQUENCE_SPACE = 1L << 32;

  private final Segments capture = new Segments();

  private static long frameAt(TcpStream stream, Direction direction, long offset) {
    return stream.findChunk(direction, offset).orElseThrow().firstFrame();
  }

  @Test
  @DisplayName("segments that arrive out of order are held until the hole before them fills")
  @Points(1.5)
  @Hint(
      "Flow's rules: deliver bytes only when nothing is missing before them; hold the others by"
          + " offset and deliver them once the hole fills.")
  void outOfOrderSegmentsAreHeldUntilTheHoleFills() {
    TcpReassembler reassembler = new TcpReassembler();
    reassembler.accept(capture.syn(CLIENT, SERVER, 100));
    TcpSegment third = capture.data(CLIENT, SERVER, 107, "ccc");
    TcpSegment second = capture.data(CLIENT, SERVER, 104, "bbb");
    reassembler.accept(third);
    reassembler.accept(second);
    TcpStream stream = reassembler.streams().get(0);
    assertThat(stream.bytes(CLIENT_TO_SERVER)).as("bytes after a hole").isEmpty();

    TcpSegment first = capture.data(CLIENT, SERVER, 101, "aaa");
    reassembler.accept(first);
    assertThat(text(stream, CLIENT_TO_SERVER)).isEqualTo("aaabbbccc");
    assertThat(stream.chunks(CLIENT_TO_SERVER))
        .extracting(Chunk::firstFrame)
        .containsExactly(first.frame(), second.frame(), third.frame());

    Endpoint otherClient = Segments.endpoint("10.0.0.1", 51001);
    reassembler.accept(capture.syn(otherClient, SERVER, 5000));
    StringBuilder expected = new StringBuilder();
    List<TcpSegment> reversed = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String piece = String.format("p%02d", i);
      expected.append(piece);
      reversed.add(0, capture.data(otherClient, SERVER, 5001 + 3 * i, piece));
    }
    reversed.forEach(reassembler::accept);
    reassembler.finish();
    assertThat(text(reassembler.streams().get(1), CLIENT_TO_SERVER)).isEqualTo(expected.toString());
    assertThat(reassembler.streams().get(1).gaps(CLIENT_TO_SERVER)).isEmpty();
  }

  @Test
  @DisplayName("retransmitted copies of segments, delivered or still held, add no bytes")
  @Points(1)
  @Hint(
      "Flow's rules: bytes before the next offset to deliver were delivered already, and bytes at"
          + " an offset already held were seen already: both are dropped.")
  void retransmittedCopiesAddNoBytes() {
    TcpSegment syn = capture.syn(CLIENT, SERVER, 100);
    TcpSegment one = capture.data(CLIENT, SERVER, 101, "one ");
    TcpSegment three = capture.data(CLIENT, SERVER, 109, "three");
    TcpSegment two = capture.data(CLIENT, SERVER, 105, "two ");

    TcpStream stream =
        Segments.reassemble(
                syn,
                one,
                capture.data(CLIENT, SERVER, 101, "one "),
                three,
                capture.data(CLIENT, SERVER, 109, "three"),
                two,
                capture.data(CLIENT, SERVER, 105, "two "),
                capture.data(CLIENT, SERVER, 101, "one "),
                capture.syn(CLIENT, SERVER, 100))
            .get(0);

    assertThat(text(stream, CLIENT_TO_SERVER)).isEqualTo("one two three");
    assertThat(stream.chunks(CLIENT_TO_SERVER))
        .extracting(Chunk::firstFrame)
        .containsExactly(one.frame(), two.frame(), three.frame());
    assertThat(stream.gaps(CLIENT_TO_SERVER)).isEmpty();
    assertThat(stream.packets()).isEqualTo(9);
  }

  @Test
  @DisplayName("segments that partly overlap bytes already seen: the documented rule decides")
  @Points(1.5)
  @Hint(
      "TcpReassembler's Javadoc: where segments overlap, the bytes seen first win. Bytes already"
          + " delivered were seen first too.")
  void partialOverlapsKeepTheBytesSeenFirst() {
    TcpStream delivered =
        Segments.reassemble(
                capture.syn(CLIENT, SERVER, 100),
                capture.data(CLIENT, SERVER, 101, "hello "),
                capture.data(CLIENT, SERVER, 104, "LO WORLD"))
            .get(0);
    assertThat(text(delivered, CLIENT_TO_SERVER)).isEqualTo("hello WORLD");

    TcpSegment held = capture.data(CLIENT, SERVER, 111, "KLMNO");
    TcpSegment before = capture.data(CLIENT, SERVER, 109, "ijxyz");
    TcpStream stream =
        Segments.reassemble(
                capture.syn(CLIENT, SERVER, 100),
                held,
                before,
                capture.data(CLIENT, SERVER, 114, "nopqr"),
                capture.data(CLIENT, SERVER, 101, "abcdefgh"))
            .get(0);
    assertThat(text(stream, CLIENT_TO_SERVER)).isEqualTo("abcdefghijKLMNOpqr");
    assertThat(frameAt(stream, CLIENT_TO_SERVER, 8)).isEqualTo(before.frame());
    assertThat(frameAt(stream, CLIENT_TO_SERVER, 10)).isEqualTo(held.frame());
    assertThat(stream.gaps(CLIENT_TO_SERVER)).isEmpty();
  }

  @Test
  @DisplayName("a segment inside, or around, bytes already seen: the documented rule decides")
  @Points(1)
  @Hint(
      "TcpReassembler's Javadoc: where segments overlap, the bytes seen first win, whichever"
          + " segment is the longer one.")
  void containedSegmentsKeepTheBytesSeenFirst() {
    TcpStream insideHeld =
        Segments.reassemble(
                capture.syn(CLIENT, SERVER, 100),
                capture.data(CLIENT, SERVER, 103, "CDEFGH"),
                capture.data(CLIENT, SERVER, 105, "xx"),
                capture.data(CLIENT, SERVER, 101, "ab"))
            .get(0);
    assertThat(text(insideHeld, CLIENT_TO_SERVER)).isEqualTo("abCDEFGH");

    TcpSegment small = capture.data(CLIENT, SERVER, 105, "EF");
    TcpSegment big = capture.data(CLIENT, SERVER, 103, "cdefgh");
    TcpStream aroundHeld =
        Segments.reassemble(
                capture.syn(CLIENT, SERVER, 100),
                small,
                big,
                capture.data(CLIENT, SERVER, 101, "ab"))
            .get(0);
    assertThat(text(aroundHeld, CLIENT_TO_SERVER)).isEqualTo("abcdEFgh");
    assertThat(frameAt(aroundHeld, CLIENT_TO_SERVER, 2)).isEqualTo(big.frame());
    assertThat(frameAt(aroundHeld, CLIENT_TO_SERVER, 4)).isEqualTo(small.frame());
    assertThat(frameAt(aroundHeld, CLIENT_TO_SERVER, 6)).isEqualTo(big.frame());

    TcpStream insideDelivered =
        Segments.reassemble(
                capture.syn(CLIENT, SERVER, 100),
                capture.data(CLIENT, SERVER, 101, "abcdef"),
                capture.data(CLIENT, SERVER, 102, "XY"),
                capture.data(CLIENT, SERVER, 107, "g"))
            .get(0);
    assertThat(text(insideDelivered, CLIENT_TO_SERVER)).isEqualTo("abcdefg");
  }

  @Test
  @DisplayName("sequence numbers that wrap past 2^32 - 1 continue the stream, in or out of order")
  @Points(1.5)
  @Hint(
      "Flow's Javadoc, RFC 9293 §3.4: sequence numbers count modulo 2^32; offsets are 64-bit and"
          + " do not wrap.")
  void sequenceNumbersWrapAround() {
    TcpStream stream =
        Segments.reassemble(
                capture.syn(CLIENT, SERVER, 0xFFFF_FFF8L),
                capture.syn(SERVER, CLIENT, 0xFFFF_FFFFL),
                capture.data(CLIENT, SERVER, 3, "klm"),
                capture.data(CLIENT, SERVER, 0xFFFF_FFFDL, "efghij"),
                capture.data(SERVER, CLIENT, 0, "WX"),
                capture.data(CLIENT, SERVER, 0xFFFF_FFF9L, "abcd"),
                capture.data(SERVER, CLIENT, 2, "YZ"))
            .get(0);

    assertThat(text(stream, CLIENT_TO_SERVER)).isEqualTo("abcdefghijklm");
    assertThat(text(stream, SERVER_TO_CLIENT)).isEqualTo("WXYZ");
    assertThat(stream.gaps(CLIENT_TO_SERVER)).isEmpty();
    assertThat(stream.gaps(SERVER_TO_CLIENT)).isEmpty();
  }

  @Test
  @DisplayName("segments older than the first one seen are recognised as old, near the wrap too")
  @Points(1)
  @Hint(
      "Flow's Javadoc: a 32-bit sequence number is placed at the 64-bit offset nearest to the next"
          + " expected one (RFC 9293 §3.4 compares sequence numbers modulo 2^32).")
  void segmentsOlderThanTheFirstSeenAreOld() {
    TcpStream midCapture =
        Segments.reassemble(
                capture.data(CLIENT, SERVER, 5000, "later"),
                capture.data(CLIENT, SERVER, 4990, "0123456789"))
            .get(0);
    assertThat(text(midCapture, CLIENT_TO_SERVER)).isEqualTo("later");
    assertThat(midCapture.gaps(CLIENT_TO_SERVER)).isEmpty();

    TcpStream afterTheWrap =
        Segments.reassemble(
                capture.data(CLIENT, SERVER, 0x10, "after"),
                capture.data(CLIENT, SERVER, 0xFFFF_FFF0L, "0123456789abcdef"),
                capture.data(CLIENT, SERVER, 0x15, "!"))
            .get(0);
    assertThat(text(afterTheWrap, CLIENT_TO_SERVER)).isEqualTo("after!");
    assertThat(afterTheWrap.gaps(CLIENT_TO_SERVER)).isEmpty();
  }

  @Test
  @DisplayName("a lost segment is reported as a gap at the right offset with the right length")
  @Points(1.5)
  @Hint(
      "Gap's Javadoc: its offset counts delivered bytes only. A hole still open at finish() is"
          + " given up with TcpStream.recordGap, and the bytes held after it are delivered.")
  void lostSegmentsBecomeGaps() {
    TcpReassembler reassembler = new TcpReassembler();
    reassembler.accept(capture.syn(CLIENT, SERVER, 100));
    reassembler.accept(capture.syn(SERVER, CLIENT, 9000));
    reassembler.accept(capture.data(CLIENT, SERVER, 101, "one\n"));
    TcpSegment three = capture.data(CLIENT, SERVER, 109, "three\n");
    reassembler.accept(three);
    TcpSegment five = capture.data(CLIENT, SERVER, 120, "five\n");
    reassembler.accept(five);
    reassembler.accept(capture.data(SERVER, CLIENT, 9004, "xyz"));
    TcpStream stream = reassembler.streams().get(0);
    assertThat(text(stream, CLIENT_TO_SERVER)).as("before finish()").isEqualTo("one\n");
    assertThat(stream.gaps(CLIENT_TO_SERVER)).as("before finish()").isEmpty();

    reassembler.finish();
    assertThat(text(stream, CLIENT_TO_SERVER)).isEqualTo("one\nthree\nfive\n");
    assertThat(stream.gaps(CLIENT_TO_SERVER))
        .containsExactly(new Gap(CLIENT_TO_SERVER, 4, 4), new Gap(CLIENT_TO_SERVER, 10, 5));
    assertThat(frameAt(stream, CLIENT_TO_SERVER, 4)).isEqualTo(three.frame());
    assertThat(frameAt(stream, CLIENT_TO_SERVER, 10)).isEqualTo(five.frame());
    assertThat(text(stream, SERVER_TO_CLIENT)).isEqualTo("xyz");
    assertThat(stream.gaps(SERVER_TO_CLIENT)).containsExactly(new Gap(SERVER_TO_CLIENT, 0, 3));
  }

  @Test
  @DisplayName("the SYN's own sequence number, and a SYN that carries data")
  @Points(1)
  @Hint(
      "RFC 9293 §3.4: the SYN takes the initial sequence number itself; the first data byte is"
          + " ISN + 1, and a SYN may carry it.")
  void theSynTakesOneSequenceNumber() {
    Endpoint fastOpenClient = Segments.endpoint("10.0.0.1", 51001);
    TcpReassembler reassembler = new TcpReassembler();
    reassembler.accept(capture.syn(CLIENT, SERVER, 100));
    reassembler.accept(capture.data(CLIENT, SERVER, 101, "abc"));
    reassembler.accept(capture.synWithData(fastOpenClient, SERVER, 5000, "GET"));
    reassembler.accept(capture.data(fastOpenClient, SERVER, 5004, " /"));
    TcpStream plain = reassembler.streams().get(0);
    TcpStream fastOpen = reassembler.streams().get(1);
    assertThat(text(plain, CLIENT_TO_SERVER)).as("before finish()").isEqualTo("abc");
    assertThat(text(fastOpen, CLIENT_TO_SERVER)).as("before finish()").isEqualTo("GET /");

    reassembler.accept(capture.syn(CLIENT, SERVER, 100));
    reassembler.finish();
    assertThat(reassembler.streams()).hasSize(2);
    assertThat(text(plain, CLIENT_TO_SERVER)).isEqualTo("abc");
    assertThat(plain.gaps(CLIENT_TO_SERVER)).isEmpty();
    assertThat(fastOpen.gaps(CLIENT_TO_SERVER)).isEmpty();
  }

  @Test
  @DisplayName("a FIN closes its direction at the right moment, also behind a hole")
  @Points(1)
  @Hint(
      "RFC 9293 §3.4: a FIN takes the sequence number after the segment's last payload byte."
          + " Flow's rules say when TcpStream.markFin is called, and what flush() does first.")
  void aFinClosesItsDirection() {
    TcpStream withData =
        Segments.reassemble(
                capture.syn(CLIENT, SERVER, 100), capture.fin(CLIENT, SERVER, 101, "bye"))
            .get(0);
    assertThat(text(withData, CLIENT_TO_SERVER)).isEqualTo("bye");
    assertThat(withData.closedWithFin(CLIENT_TO_SERVER)).isTrue();
    assertThat(withData.closedWithFin(SERVER_TO_CLIENT)).isFalse();
    assertThat(withData.ended()).isFalse();

    TcpReassembler reassembler = new TcpReassembler();
    reassembler.accept(capture.syn(CLIENT, SERVER, 100));
    reassembler.accept(capture.data(CLIENT, SERVER, 101, "ab"));
    reassembler.accept(capture.fin(CLIENT, SERVER, 106, ""));
    TcpStream early = reassembler.streams().get(0);
    assertThat(early.closedWithFin(CLIENT_TO_SERVER)).as("bytes still missing").isFalse();
    reassembler.accept(capture.data(CLIENT, SERVER, 103, "cde"));
    assertThat(early.closedWithFin(CLIENT_TO_SERVER)).as("every byte arrived").isTrue();
    reassembler.finish();
    assertThat(text(early, CLIENT_TO_SERVER)).isEqualTo("abcde");
    assertThat(early.gaps(CLIENT_TO_SERVER)).isEmpty();

    TcpStream lost =
        Segments.reassemble(
                capture.syn(CLIENT, SERVER, 100),
                capture.data(CLIENT, SERVER, 101, "ab"),
                capture.fin(CLIENT, SERVER, 106, ""))
            .get(0);
    assertThat(lost.gaps(CLIENT_TO_SERVER)).containsExactly(new Gap(CLIENT_TO_SERVER, 2, 3));
    assertThat(lost.closedWithFin(CLIENT_TO_SERVER)).isTrue();
  }

  @Test
  @DisplayName("interleaved connections, a repeated SYN and a reused 4-tuple")
  @Points(1)
  @Hint(
      "TcpReassembler.accept: look connections up by ConnectionKey; only a SYN that"
          + " Connection.isReusedBy starts a new stream on a known 4-tuple (flush the old one"
          + " first). Flow.isNewSyn compares with the ISN of this side's SYN.")
  void interleavedConnectionsAreKeptApart() {
    Endpoint bob = Segments.endpoint("10.0.0.3", 52000);
    Endpoint carol = Segments.endpoint("10.0.0.1", 51001);
    List<TcpStream> streams =
        Segments.reassemble(
            capture.syn(CLIENT, SERVER, 100),
            capture.syn(bob, SERVER, 500),
            capture.syn(SERVER, CLIENT, 9000),
            capture.data(bob, SERVER, 501, "bob1 "),
            capture.syn(carol, SERVER, 7000),
            capture.syn(SERVER, bob, 20000),
            capture.data(SERVER, CLIENT, 9001, "hi alice"),
            capture.data(carol, SERVER, 7001, "carol"),
            capture.data(CLIENT, SERVER, 101, "alice"),
            capture.syn(SERVER, carol, 30000),
            capture.syn(bob, SERVER, 500),
            capture.data(SERVER, bob, 20001, "hi bob"),
            capture.data(SERVER, carol, 30001, "hi carol"),
            capture.data(bob, SERVER, 506, "bob2"),
            capture.rst(SERVER, CLIENT, 9009),
            capture.syn(CLIENT, SERVER, 70000),
            capture.data(CLIENT, SERVER, 70001, "alice again"));

    assertThat(streams).extracting(TcpStream::index).containsExactly(0, 1, 2, 3);
    assertThat(streams).extracting(TcpStream::client).containsExactly(CLIENT, bob, carol, CLIENT);
    assertThat(streams)
        .extracting(s -> text(s, CLIENT_TO_SERVER))
        .containsExactly("alice", "bob1 bob2", "carol", "alice again");
    assertThat(streams)
        .extracting(s -> text(s, SERVER_TO_CLIENT))
        .containsExactly("hi alice", "hi bob", "hi carol", "");
    assertThat(streams.get(0).reset()).isTrue();
    assertThat(streams.get(3).reset()).isFalse();
  }

  @Test
  @DisplayName("a large seeded shuffle of segments, copies and re-cut retransmissions")
  @Points(1.5)
  @Hint(
      "All the rules at once: order, copies, overlaps carrying the same bytes, the wrap at 2^32,"
          + " FINs. Check each rule of Flow's Javadoc against your code.")
  void aLargeSeededShuffleGivesBackBothStreams() {
    for (int seed = 0; seed < 40; seed++) {
      Random random = new Random(seed);
      byte[] toServer = new byte[1 + random.nextInt(30_000)];
      byte[] toClient = new byte[1 + random.nextInt(30_000)];
      random.nextBytes(toServer);
      random.nextBytes(toClient);
      // Odd seeds start the client's side just before the wrap, so its data crosses it.
      long clientIsn =
          seed % 2 == 1 ? SEQUENCE_SPACE - 1 - random.nextInt(20_000) : random.nextLong(1L << 32);
      long serverIsn = random.nextLong(1L << 32);

      List<TcpSegment> segments = new ArrayList<>();
      segments.add(capture.syn(CLIENT, SERVER, clientIsn));
      segments.add(capture.syn(SERVER, CLIENT, serverIsn));
      List<TcpSegment> shuffled = new ArrayList<>();
      shuffled.addAll(cutCopyAndRecut(random, CLIENT, SERVER, clientIsn, toServer));
      shuffled.addAll(cutCopyAndRecut(random, SERVER, CLIENT, serverIsn, toClient));
      Collections.shuffle(shuffled, random);
      segments.addAll(shuffled);

      List<TcpStream> streams = Segments.reassemble(segments);
      assertThat(streams).as("seed %d", seed).hasSize(1);
      TcpStream stream = streams.get(0);
      assertThat(stream.bytes(CLIENT_TO_SERVER)).as("seed %d", seed).isEqualTo(toServer);
      assertThat(stream.bytes(SERVER_TO_CLIENT)).as("seed %d", seed).isEqualTo(toClient);
      assertThat(stream.gaps(CLIENT_TO_SERVER)).as("seed %d", seed).isEmpty();
      assertThat(stream.gaps(SERVER_TO_CLIENT)).as("seed %d", seed).isEmpty();
      assertThat(stream.closedWithFin()).as("seed %d", seed).isTrue();
    }
  }

  /**
   * Cuts {@code data} into segments of 1 to 1460 bytes, adds exact copies of some, then
   * retransmissions of random ranges cut differently (the same bytes), then the FIN.
   */
  private List<TcpSegment> cutCopyAndRecut(
      Random random, Endpoint from, Endpoint to, long isn, byte[] data) {
    List<TcpSegment> segments = new ArrayList<>();
    for (int start = 0; start < data.length; ) {
      int end = Math.min(data.length, start + 1 + random.nextInt(1460));
      segments.add(range(from, to, isn, data, start, end));
      start = end;
    }
    int copies = random.nextInt(segments.size() / 2 + 1);
    for (int i = 0; i < copies; i++) {
      segments.add(segments.get(random.nextInt(segments.size())));
    }
    int recuts = random.nextInt(segments.size() / 2 + 1);
    for (int i = 0; i < recuts; i++) {
      int start = random.nextInt(data.length);
      int end = Math.min(data.length, start + 1 + random.nextInt(1460));
      segments.add(range(from, to, isn, data, start, end));
    }
    segments.add(capture.fin(from, to, (isn + 1 + data.length) % SEQUENCE_SPACE, ""));
    return segments;
  }

  private TcpSegment range(Endpoint from, Endpoint to, long isn, byte[] data, int start, int end) {
    long sequence = (isn + 1 + start) % SEQUENCE_SPACE;
    return capture.data(from, to, sequence, Arrays.copyOfRange(data, start, end));
  }

  @Test
  @DisplayName("bytes held behind a hole are bounded: past the limit the hole is given up")
  @Points(0.5)
  @Hint(
      "TcpReassembler.MAX_HELD_BYTES and Flow's rules: once more than maxHeldBytes wait behind a"
          + " hole, it becomes a gap and delivery goes on; bytes that come later are old.")
  void aHoleIsGivenUpPastTheLimit() {
    TcpReassembler reassembler = new TcpReassembler(8);
    reassembler.accept(capture.syn(CLIENT, SERVER, 100));
    reassembler.accept(capture.data(CLIENT, SERVER, 111, "12345"));
    reassembler.accept(capture.data(CLIENT, SERVER, 116, "678"));
    TcpStream stream = reassembler.streams().get(0);
    assertThat(stream.bytes(CLIENT_TO_SERVER)).as("8 bytes held, not more than 8").isEmpty();

    reassembler.accept(capture.data(CLIENT, SERVER, 119, "9"));
    assertThat(text(stream, CLIENT_TO_SERVER)).as("9 bytes held").isEqualTo("123456789");
    assertThat(stream.gaps(CLIENT_TO_SERVER)).containsExactly(new Gap(CLIENT_TO_SERVER, 0, 10));

    reassembler.accept(capture.data(CLIENT, SERVER, 101, "0123456789"));
    reassembler.accept(capture.data(CLIENT, SERVER, 120, "abc"));
    reassembler.finish();
    assertThat(text(stream, CLIENT_TO_SERVER)).isEqualTo("123456789abc");
    assertThat(stream.gaps(CLIENT_TO_SERVER)).hasSize(1);
  }
}
// END HIDDEN TESTS
