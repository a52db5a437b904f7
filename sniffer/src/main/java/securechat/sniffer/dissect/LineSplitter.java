package securechat.sniffer.dissect;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
    List<Line> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= bytes.length; i++) {
      boolean end = i == bytes.length;
      if (end && start == bytes.length) {
        break;
      }
      if (end || bytes[i] == '\n') {
        lines.add(line(stream, direction, bytes, start, i, !end));
        start = i + 1;
      }
    }
    return lines;
  }

  private static Line line(
      TcpStream stream, Direction direction, byte[] bytes, int start, int end, boolean terminated) {
    int textEnd = terminated && end > start && bytes[end - 1] == '\r' ? end - 1 : end;
    ByteBuffer text = ByteBuffer.wrap(bytes, start, textEnd - start);
    String rawText;
    boolean utf8 = true;
    try {
      rawText =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(text)
              .toString();
    } catch (CharacterCodingException e) {
      rawText = new String(bytes, start, textEnd - start, StandardCharsets.UTF_8);
      utf8 = false;
    }
    int length = (terminated ? end + 1 : end) - start;
    boolean wellFormed = terminated && utf8 && !cutByGap(stream, direction, start, end);
    return new Line(
        direction,
        start,
        length,
        rawText,
        wellFormed,
        frameAt(stream, direction, start),
        timeAt(stream, direction, start));
  }

  private static boolean cutByGap(TcpStream stream, Direction direction, long start, long end) {
    for (Gap gap : stream.gaps(direction)) {
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
