package securechat.core.channel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import securechat.core.protocol.ErrorCode;
import securechat.core.protocol.ProtocolException;

/**
 * Cuts a byte stream into UTF-8 lines with a hard maximum length: the only class that knows about
 * bytes, line endings and decoding.
 *
 * <p>A line ends at {@code \n}; one {@code \r} just before it is dropped, so {@code nc -C} and
 * telnet work. A lone {@code \r} elsewhere is part of the line (and the codec then refuses it as a
 * control character): being lenient about line endings is how request-smuggling bugs start.
 *
 * <p><b>Protects</b> memory: a line is never buffered past {@code maxLineBytes}. When a line grows
 * past the limit, {@link #readLine} throws at once, and the next call skips the rest of that line
 * up to its {@code \n}, so one oversize line costs the sender one error and nothing else.
 */
public final class LineFramer {
  private final InputStream in;
  private final int maxLineBytes;
  private final byte[] buffer = new byte[8192];
  private int bufferStart;
  private int bufferEnd;
  private byte[] line = new byte[256];
  private int lineLength;
  private boolean discarding;

  public LineFramer(InputStream in, int maxLineBytes) {
    if (maxLineBytes <= 0) {
      throw new IllegalArgumentException("maxLineBytes must be positive, not " + maxLineBytes);
    }
    this.in = in;
    this.maxLineBytes = maxLineBytes;
  }

  /**
   * Returns the next line without its ending, or {@code null} at the end of the stream. Bytes after
   * the last {@code \n} (a peer that vanished mid-line) are dropped, never delivered as a line.
   */
  public String readLine() throws IOException, ProtocolException {
    lineLength = 0;
    while (true) {
      if (bufferStart == bufferEnd && !fill()) {
        return null;
      }
      int newline = indexOfNewline();
      int end = newline < 0 ? bufferEnd : newline;
      int next = newline < 0 ? bufferEnd : newline + 1;
      if (discarding) {
        bufferStart = next;
        discarding = newline < 0;
        continue;
      }
      int count = end - bufferStart;
      // One byte of headroom for the optional \r before \n; decode() checks the exact length.
      if (lineLength + count > maxLineBytes + 1) {
        bufferStart = next;
        discarding = newline < 0;
        throw tooLong();
      }
      append(count);
      bufferStart = next;
      if (newline >= 0) {
        return decode();
      }
    }
  }

  /**
   * True if a whole line is already in the buffer, so that {@link #readLine} returns it (or refuses
   * it) without reading from the stream, which could block. False when unsure.
   */
  public boolean hasBufferedLine() {
    return !discarding && indexOfNewline() >= 0;
  }

  private ProtocolException tooLong() {
    return tooLong(maxLineBytes);
  }

  /** The error for a line over the limit: the same words whatever carried the line. */
  public static ProtocolException tooLong(int maxLineBytes) {
    return new ProtocolException(
        ErrorCode.LINE_TOO_LONG,
        "line is longer than " + maxLineBytes + " bytes; it was discarded");
  }

  private boolean fill() throws IOException {
    int read = in.read(buffer, 0, buffer.length);
    if (read < 0) {
      return false;
    }
    bufferStart = 0;
    bufferEnd = read;
    return true;
  }

  private int indexOfNewline() {
    for (int i = bufferStart; i < bufferEnd; i++) {
      if (buffer[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private void append(int count) {
    if (lineLength + count > line.length) {
      line = Arrays.copyOf(line, Math.max(lineLength + count, line.length * 2));
    }
    System.arraycopy(buffer, bufferStart, line, lineLength, count);
    lineLength += count;
  }

  private String decode() throws ProtocolException {
    int length = lineLength;
    if (length > 0 && line[length - 1] == '\r') {
      length--;
    }
    return decode(line, length, maxLineBytes);
  }

  /**
   * The same checks for a line that arrived some other way (inside a protected record): at most
   * {@code maxLineBytes}, strict UTF-8.
   */
  public static String decode(byte[] bytes, int length, int maxLineBytes) throws ProtocolException {
    if (length > maxLineBytes) {
      throw tooLong(maxLineBytes);
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      return decoder.decode(ByteBuffer.wrap(bytes, 0, length)).toString();
    } catch (CharacterCodingException e) {
      throw new ProtocolException(ErrorCode.BAD_UTF8, "line is not valid UTF-8");
    }
  }
}
