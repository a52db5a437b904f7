package securechat.core.channel;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import securechat.core.protocol.ErrorCode;
import securechat.core.protocol.ProtocolException;

class LineFramerTest {

  /** Delivers its bytes at most {@code chunk} at a time, as a slow network does. */
  private static InputStream trickle(byte[] bytes, int chunk) {
    return new ByteArrayInputStream(bytes) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, chunk));
      }
    };
  }

  private static LineFramer framer(String text, int max) {
    return new LineFramer(new ByteArrayInputStream(text.getBytes(UTF_8)), max);
  }

  @Test
  void linesSplitAcrossReadsAreJoined() throws Exception {
    LineFramer framer = new LineFramer(trickle("hello world\nsecond\n".getBytes(UTF_8), 3), 100);
    assertThat(framer.readLine()).isEqualTo("hello world");
    assertThat(framer.readLine()).isEqualTo("second");
    assertThat(framer.readLine()).isNull();
  }

  @Test
  void crBeforeLfIsDroppedButLoneCrStaysInTheLine() throws Exception {
    LineFramer framer = framer("dos line\r\nodd\rline\n", 100);
    assertThat(framer.readLine()).isEqualTo("dos line");
    assertThat(framer.readLine()).isEqualTo("odd\rline");
  }

  @Test
  void multiByteCharacterSplitBetweenReadsDecodes() throws Exception {
    byte[] bytes = "caf\u00e9 \u263a\n".getBytes(UTF_8);
    LineFramer framer = new LineFramer(trickle(bytes, 1), 100);
    assertThat(framer.readLine()).isEqualTo("caf\u00e9 \u263a");
  }

  @Test
  void invalidUtf8IsRejectedAndTheNextLineStillArrives() throws Exception {
    byte[] bytes = {'a', (byte) 0xC3, (byte) 0x28, '\n', 'o', 'k', '\n'};
    LineFramer framer = new LineFramer(new ByteArrayInputStream(bytes), 100);
    assertThatThrownBy(framer::readLine)
        .isInstanceOfSatisfying(
            ProtocolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_UTF8));
    assertThat(framer.readLine()).isEqualTo("ok");
  }

  @Test
  void oversizeLineIsRejectedAndTheNextLineStillArrives() throws Exception {
    String text = "x".repeat(50) + "\n" + "fine\n";
    LineFramer framer = new LineFramer(trickle(text.getBytes(UTF_8), 7), 10);
    assertThatThrownBy(framer::readLine)
        .isInstanceOf(ProtocolException.class)
        .hasMessage("line is longer than 10 bytes; it was discarded");
    assertThat(framer.readLine()).isEqualTo("fine");
  }

  @Test
  void lineOfExactlyTheMaximumPassesWithOrWithoutCr() throws Exception {
    LineFramer framer = framer("0123456789\n0123456789\r\n01234567890\n", 10);
    assertThat(framer.readLine()).isEqualTo("0123456789");
    assertThat(framer.readLine()).isEqualTo("0123456789");
    assertThatThrownBy(framer::readLine).isInstanceOf(ProtocolException.class);
  }

  @Test
  void oversizeLineNeverBuffersPastTheLimit() throws Exception {
    // 10 MB without a newline, then a good line: memory stays at the limit, the line arrives.
    InputStream endless =
        new InputStream() {
          long left = 10_000_000;
          final byte[] tail = "\nafter\n".getBytes(UTF_8);
          int tailAt;

          @Override
          public int read() {
            if (left-- > 0) {
              return 'z';
            }
            return tailAt < tail.length ? tail[tailAt++] : -1;
          }

          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            int n = 0;
            int c;
            while (n < len && (c = read()) >= 0) {
              b[off + n++] = (byte) c;
            }
            return n == 0 ? -1 : n;
          }
        };
    LineFramer framer = new LineFramer(endless, 1024);
    assertThatThrownBy(framer::readLine).isInstanceOf(ProtocolException.class);
    assertThat(framer.readLine()).isEqualTo("after");
  }

  @Test
  void partialLineAtEndOfStreamIsDropped() throws Exception {
    LineFramer framer = framer("complete\nhalf a li", 100);
    assertThat(framer.readLine()).isEqualTo("complete");
    assertThat(framer.readLine()).isNull();
  }

  @Test
  void emptyLinesAreLines() throws Exception {
    LineFramer framer = framer("\n\nx\n", 100);
    assertThat(framer.readLine()).isEmpty();
    assertThat(framer.readLine()).isEmpty();
    assertThat(framer.readLine()).isEqualTo("x");
  }

  @Test
  void hasBufferedLineSaysWhetherTheNextReadNeedsTheStream() throws Exception {
    LineFramer framer = framer("one\ntwo\nthree", 100);
    assertThat(framer.hasBufferedLine()).as("nothing read yet").isFalse();

    assertThat(framer.readLine()).isEqualTo("one");
    assertThat(framer.hasBufferedLine()).as("two is whole in the buffer").isTrue();
    assertThat(framer.readLine()).isEqualTo("two");
    assertThat(framer.hasBufferedLine()).as("three has no newline yet").isFalse();
  }

  @Test
  void hasBufferedLineIsFalseWhileTheRestOfAnOversizeLineIsDiscarded() throws Exception {
    InputStream in = trickle("x".repeat(30).concat("\nnext\n").getBytes(UTF_8), 12);
    LineFramer framer = new LineFramer(in, 10);

    assertThatThrownBy(framer::readLine).isInstanceOf(ProtocolException.class);
    assertThat(framer.hasBufferedLine()).isFalse();
    assertThat(framer.readLine()).isEqualTo("next");
  }
}
