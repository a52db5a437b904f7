package securechat.sniffer.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static securechat.sniffer.stream.Direction.CLIENT_TO_SERVER;
import static securechat.sniffer.stream.Direction.SERVER_TO_CLIENT;
import static securechat.sniffer.stream.Segments.CLIENT;
import static securechat.sniffer.stream.Segments.SERVER;
import static securechat.sniffer.stream.Segments.text;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import securechat.grader.Hint;
import securechat.grader.Points;
import securechat.sniffer.capture.TcpSegment;

/** Public smoke tests: one connection whose segments arrive in order. */
class TcpReassemblerSmokeTest {
  private final Segments capture = new Segments();

  @Test
  @DisplayName("segments of one direction, in order, give back the bytes, one chunk per segment")
  @Points(3)
  @Hint(
      "Flow's rules: offset 0 is the byte after the SYN's sequence number; deliver each segment's"
          + " bytes with TcpStream.deliver as soon as nothing is missing before them.")
  void inOrderSegmentsGiveBackTheBytes() {
    TcpSegment syn = capture.syn(CLIENT, SERVER, 100);
    TcpSegment hello = capture.data(CLIENT, SERVER, 101, "hello ");
    TcpSegment world = capture.data(CLIENT, SERVER, 107, "world\n");

    List<TcpStream> streams = Segments.reassemble(syn, hello, world);

    assertThat(streams).hasSize(1);
    TcpStream stream = streams.get(0);
    assertThat(stream.index()).isZero();
    assertThat(stream.client()).isEqualTo(CLIENT);
    assertThat(text(stream, CLIENT_TO_SERVER)).isEqualTo("hello world\n");
    assertThat(text(stream, SERVER_TO_CLIENT)).isEmpty();
    assertThat(stream.chunks(CLIENT_TO_SERVER))
        .extracting(Chunk::offset, Chunk::firstFrame)
        .containsExactly(tuple(0L, hello.frame()), tuple(6L, world.frame()));
    assertThat(stream.gaps(CLIENT_TO_SERVER)).isEmpty();
    assertThat(stream.packets()).isEqualTo(3);
  }

  @Test
  @DisplayName("both directions of a connection are reassembled apart, chunks in delivery order")
  @Points(3)
  @Hint(
      "TcpReassembler.accept: one Connection per 4-tuple, whichever way a segment travels; each"
          + " direction has its own Flow, with its own sequence numbers.")
  void bothDirectionsAreKeptApart() {
    List<TcpStream> streams =
        Segments.reassemble(
            capture.syn(CLIENT, SERVER, 100),
            capture.syn(SERVER, CLIENT, 9000),
            capture.data(SERVER, CLIENT, 9001, "WELCOME\n"),
            capture.data(CLIENT, SERVER, 101, "/list\n"),
            capture.data(SERVER, CLIENT, 9009, "LIST a b\n"),
            capture.data(CLIENT, SERVER, 107, "/quit\n"));

    assertThat(streams).hasSize(1);
    TcpStream stream = streams.get(0);
    assertThat(text(stream, CLIENT_TO_SERVER)).isEqualTo("/list\n/quit\n");
    assertThat(text(stream, SERVER_TO_CLIENT)).isEqualTo("WELCOME\nLIST a b\n");
    assertThat(stream.chunks())
        .extracting(Chunk::direction)
        .containsExactly(SERVER_TO_CLIENT, CLIENT_TO_SERVER, SERVER_TO_CLIENT, CLIENT_TO_SERVER);
    assertThat(stream.chunks(SERVER_TO_CLIENT)).extracting(Chunk::offset).containsExactly(0L, 8L);
    assertThat(stream.gaps(CLIENT_TO_SERVER)).isEmpty();
    assertThat(stream.gaps(SERVER_TO_CLIENT)).isEmpty();
  }
}
