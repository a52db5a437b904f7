package securechat.sniffer.stream;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import securechat.sniffer.capture.Endpoint;
import securechat.sniffer.capture.TcpSegment;

class TcpReassemblerTest {
  private static final Endpoint CLIENT = SyntheticConnection.endpoint("10.0.0.1", 51000);
  private static final Endpoint SERVER = SyntheticConnection.endpoint("10.0.0.2", 7001);
  private static final Instant T0 = SyntheticConnection.START;

  private long frame;

  private TcpSegment segment(Endpoint from, Endpoint to, long sequence, String payload) {
    frame++;
    return new TcpSegment(
        frame,
        T0.plusMillis(frame),
        from,
        to,
        sequence,
        false,
        false,
        false,
        payload.getBytes(US_ASCII));
  }

  private TcpSegment syn(Endpoint from, Endpoint to, long isn) {
    frame++;
    return new TcpSegment(
        frame, T0.plusMillis(frame), from, to, isn, true, false, false, new byte[0]);
  }

  private TcpSegment fin(Endpoint from, Endpoint to, long sequence) {
    frame++;
    return new TcpSegment(
        frame, T0.plusMillis(frame), from, to, sequence, false, true, false, new byte[0]);
  }

  private TcpSegment rst(Endpoint from, Endpoint to, long sequence) {
    frame++;
    return new TcpSegment(
        frame, T0.plusMillis(frame), from, to, sequence, false, false, true, new byte[0]);
  }

  private static List<TcpStream> reassemble(TcpSegment... segments) {
    TcpReassembler reassembler = new TcpReassembler();
    for (TcpSegment segment : segments) {
      reassembler.accept(segment);
    }
    reassembler.finish();
    return reassembler.streams();
  }

  private static String clientText(TcpStream stream) {
    return new String(stream.bytes(Direction.CLIENT_TO_SERVER), US_ASCII);
  }

  @Test
  void segmentsInOrderAreDeliveredAsOneStreamWithTheirFrames() {
    List<TcpStream> streams =
        reassemble(
            syn(CLIENT, SERVER, 100),
            segment(CLIENT, SERVER, 101, "hello "),
            segment(CLIENT, SERVER, 107, "world\n"));

    TcpStream stream = streams.get(0);
    assertThat(streams).hasSize(1);
    assertThat(stream.index()).isZero();
    assertThat(stream.client()).isEqualTo(CLIENT);
    assertThat(stream.server()).isEqualTo(SERVER);
    assertThat(clientText(stream)).isEqualTo("hello world\n");
    assertThat(stream.chunks()).extracting(Chunk::offset).containsExactly(0L, 6L);
    assertThat(stream.chunks()).extracting(Chunk::firstFrame).containsExactly(2L, 3L);
    assertThat(stream.packets()).isEqualTo(3);
    assertThat(stream.gaps(Direction.CLIENT_TO_SERVER)).isEmpty();
  }

  @Test
  void outOfOrderSegmentsAreHeldUntilTheHoleFills() {
    TcpStream stream =
        reassemble(
                syn(CLIENT, SERVER, 100),
                segment(CLIENT, SERVER, 107, "world\n"),
                segment(CLIENT, SERVER, 101, "hello "))
            .get(0);

    assertThat(clientText(stream)).isEqualTo("hello world\n");
    assertThat(stream.chunks()).extracting(Chunk::firstFrame).containsExactly(3L, 2L);
  }

  @Test
  void retransmittedBytesAreDeliveredOnce() {
    TcpStream stream =
        reassemble(
                syn(CLIENT, SERVER, 100),
                segment(CLIENT, SERVER, 101, "hello "),
                segment(CLIENT, SERVER, 101, "hello "),
                segment(CLIENT, SERVER, 107, "world\n"),
                segment(CLIENT, SERVER, 101, "hello world\n"))
            .get(0);

    assertThat(clientText(stream)).isEqualTo("hello world\n");
    assertThat(stream.packets()).isEqualTo(5);
  }

  @Test
  void overlappingSegmentsKeepTheBytesSeenFirst() {
    TcpStream stream =
        reassemble(
                syn(CLIENT, SERVER, 100),
                segment(CLIENT, SERVER, 104, "DEF"),
                segment(CLIENT, SERVER, 101, "abcdefgh"),
                segment(CLIENT, SERVER, 106, "XYZW"))
            .get(0);

    assertThat(clientText(stream)).isEqualTo("abcDEFghW");
  }

  @Test
  void aMissingSegmentBecomesAGapAndLaterBytesStillArrive() {
    TcpStream stream =
        reassemble(
                syn(CLIENT, SERVER, 100),
                segment(CLIENT, SERVER, 101, "one\n"),
                segment(CLIENT, SERVER, 110, "three\n"),
                fin(CLIENT, SERVER, 116))
            .get(0);

    assertThat(clientText(stream)).isEqualTo("one\nthree\n");
    assertThat(stream.gaps(Direction.CLIENT_TO_SERVER))
        .containsExactly(new Gap(Direction.CLIENT_TO_SERVER, 4, 5));
    assertThat(stream.closedWithFin(Direction.CLIENT_TO_SERVER)).isTrue();
  }

  @Test
  void aHoleIsGivenUpOnceTooManyBytesWaitBehindIt() {
    TcpReassembler reassembler = new TcpReassembler(8);
    reassembler.accept(syn(CLIENT, SERVER, 100));
    reassembler.accept(segment(CLIENT, SERVER, 111, "12345"));
    reassembler.accept(segment(CLIENT, SERVER, 116, "6789"));

    TcpStream stream = reassembler.streams().get(0);
    assertThat(clientText(stream)).isEqualTo("123456789");
    assertThat(stream.gaps(Direction.CLIENT_TO_SERVER))
        .containsExactly(new Gap(Direction.CLIENT_TO_SERVER, 0, 10));
  }

  @Test
  void sequenceNumbersWrapAroundAtTwoToThe32() {
    long isn = 0xFFFF_FFFAL;
    TcpStream stream =
        reassemble(
                syn(CLIENT, SERVER, isn),
                segment(CLIENT, SERVER, 0xFFFF_FFFBL, "abcd"),
                segment(CLIENT, SERVER, 3, "ijkl"),
                segment(CLIENT, SERVER, 0xFFFF_FFFFL, "efgh"))
            .get(0);

    assertThat(clientText(stream)).isEqualTo("abcdefghijkl");
    assertThat(stream.gaps(Direction.CLIENT_TO_SERVER)).isEmpty();
  }

  @Test
  void interleavedConnectionsBecomeSeparateStreamsInOrderOfAppearance() {
    Endpoint otherClient = SyntheticConnection.endpoint("10.0.0.3", 52000);
    List<TcpStream> streams =
        reassemble(
            syn(CLIENT, SERVER, 100),
            syn(otherClient, SERVER, 500),
            segment(otherClient, SERVER, 501, "bob\n"),
            segment(CLIENT, SERVER, 101, "alice\n"));

    assertThat(streams).extracting(TcpStream::index).containsExactly(0, 1);
    assertThat(clientText(streams.get(0))).isEqualTo("alice\n");
    assertThat(clientText(streams.get(1))).isEqualTo("bob\n");
    assertThat(streams.get(1).client()).isEqualTo(otherClient);
  }

  @Test
  void bothDirectionsAreReassembledAndChunksInterleaveAsDelivered() {
    TcpStream stream =
        reassemble(
                syn(CLIENT, SERVER, 100),
                syn(SERVER, CLIENT, 9000),
                segment(SERVER, CLIENT, 9001, "WELCOME\n"),
                segment(CLIENT, SERVER, 101, "/list\n"),
                segment(SERVER, CLIENT, 9009, "LIST a\n"),
                fin(CLIENT, SERVER, 107),
                fin(SERVER, CLIENT, 9016))
            .get(0);

    assertThat(new String(stream.bytes(Direction.SERVER_TO_CLIENT), US_ASCII))
        .isEqualTo("WELCOME\nLIST a\n");
    assertThat(stream.chunks())
        .extracting(Chunk::direction)
        .containsExactly(
            Direction.SERVER_TO_CLIENT, Direction.CLIENT_TO_SERVER, Direction.SERVER_TO_CLIENT);
    assertThat(stream.closedWithFin()).isTrue();
    assertThat(stream.reset()).isFalse();
  }

  @Test
  void withoutASynTheHigherPortIsTheClient() {
    TcpStream stream =
        reassemble(segment(SERVER, CLIENT, 5000, "MSG a hi\n"), segment(CLIENT, SERVER, 77, "x\n"))
            .get(0);

    assertThat(stream.client()).isEqualTo(CLIENT);
    assertThat(new String(stream.bytes(Direction.SERVER_TO_CLIENT), US_ASCII))
        .isEqualTo("MSG a hi\n");
    assertThat(clientText(stream)).isEqualTo("x\n");
  }

  @Test
  void aRetransmittedSynDoesNotStartANewStream() {
    List<TcpStream> streams =
        reassemble(
            syn(CLIENT, SERVER, 100),
            syn(CLIENT, SERVER, 100),
            segment(CLIENT, SERVER, 101, "hi\n"));

    assertThat(streams).hasSize(1);
    assertThat(clientText(streams.get(0))).isEqualTo("hi\n");
  }

  @Test
  void aRstEndsTheConnectionAndANewSynOnTheSamePortsStartsAnotherStream() {
    List<TcpStream> streams =
        reassemble(
            syn(CLIENT, SERVER, 100),
            segment(CLIENT, SERVER, 101, "first\n"),
            rst(SERVER, CLIENT, 0),
            syn(CLIENT, SERVER, 7000),
            segment(CLIENT, SERVER, 7001, "second\n"));

    assertThat(streams).hasSize(2);
    assertThat(streams.get(0).reset()).isTrue();
    assertThat(clientText(streams.get(0))).isEqualTo("first\n");
    assertThat(clientText(streams.get(1))).isEqualTo("second\n");
    assertThat(streams.get(1).index()).isEqualTo(1);
  }

  @Test
  void aNewSynAfterBothFinsStartsAnotherStream() {
    List<TcpStream> streams =
        reassemble(
            syn(CLIENT, SERVER, 100),
            segment(CLIENT, SERVER, 101, "a\n"),
            fin(CLIENT, SERVER, 103),
            fin(SERVER, CLIENT, 40),
            syn(CLIENT, SERVER, 100_000));

    assertThat(streams).hasSize(2);
    assertThat(streams.get(0).closedWithFin()).isTrue();
  }
}
