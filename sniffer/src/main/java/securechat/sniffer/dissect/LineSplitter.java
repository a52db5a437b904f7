package securechat.sniffer.dissect;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import securechat.sniffer.stream.Chunk;
import securechat.sniffer.stream.Direction;
import securechat.sniffer.stream.Gap;
import securechat.sniffer.stream.TcpStream;

/**
 * Cuts a direction's bytes into lines as {@code LineFramer} does (docs/protocol.md, Framing): only
 * {@code \n} ends a line, one {@code \r} before it is dropped. Bytes after the last {@code \n} come
 * out as one line that is not well formed, since a receiver would discard them.
 */
final class LineSplitter {
  private LineSplitter() {}

  /** Returns the lines of {@code direction}, in order. */
  static List<Line> lines(TcpStream stream, Direction direction) {
    byte[] bytes = stream.bytes(direction);
    List<Gap> gaps = stream.gaps(direction);
    CharsetDecoder strictUtf8 =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    List<Line> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= bytes.length; i++) {
      boolean end = i == bytes.length;
      if (end && start == bytes.length) {
        break;
      }
      if (end || bytes[i] == '\n') {
        boolean wellFormed = !end && !cutByGap(gaps, start, i);
        lines.add(line(stream, direction, bytes, start, i, wellFormed, strictUtf8));
        start = i + 1;
      }
    }
    return lines;
  }

  /**
   * The line of {@code bytes} from {@code start} to {@code end} (its {@code \n}, or the end of the
   * bytes when it has none); well formed if it is valid UTF-8 and {@code complete}.
   */
  private static Line line(
      TcpStream stream,
      Direction direction,
      byte[] bytes,
      int start,
      int end,
      boolean complete,
      CharsetDecoder strictUtf8) {
    boolean terminated = end < bytes.length;
    int textEnd = terminated && end > start && bytes[end - 1] == '\r' ? end - 1 : end;
    String rawText;
    boolean utf8 = true;
    try {
      rawText = strictUtf8.decode(ByteBuffer.wrap(bytes, start, textEnd - start)).toString();
    } catch (CharacterCodingException e) {
      rawText = new String(bytes, start, textEnd - start, StandardCharsets.UTF_8);
      utf8 = false;
    }
    int length = (terminated ? end + 1 : end) - start;
    Optional<Chunk> firstByte = stream.findChunk(direction, start);
    return new Line(
        direction,
        start,
        length,
        rawText,
        complete && utf8,
        firstByte.map(Chunk::firstFrame).orElse(0L),
        firstByte.map(Chunk::time).orElse(stream.lastTime()));
  }

  /** Whether bytes are missing inside the line: a gap starts after its start, up to its end. */
  private static boolean cutByGap(List<Gap> gaps, long start, long end) {
    for (Gap gap : gaps) {
      if (gap.offset() > start && gap.offset() <= end) {
        return true;
      }
    }
    return false;
  }

  /** Returns the frame that carried the byte at {@code offset}, or 0 if none did. */
  static long frameAt(TcpStream stream, Direction direction, long offset) {
    return stream.findChunk(direction, offset).map(Chunk::firstFrame).orElse(0L);
  }

  /** Returns when the byte at {@code offset} was captured, or the stream's end if never. */
  static Instant timeAt(TcpStream stream, Direction direction, long offset) {
    return stream.findChunk(direction, offset).map(Chunk::time).orElse(stream.lastTime());
  }
}
