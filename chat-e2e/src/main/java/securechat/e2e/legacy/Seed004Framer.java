package securechat.e2e.legacy;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.util.Objects;

/**
 * Seed 004's frames: an 8-byte big-endian length, then that many bytes of UTF-8 JSON.
 *
 * <pre>
 *   00 00 00 00 00 00 00 11  7b 22 74 79 70 65 22 3a ...   {"type":...   (17 bytes)
 *   └──── length: 17 ──────┘ └──── the JSON text ──────┘
 * </pre>
 *
 * <p>The length comes from the peer, so it is checked before anything is read: over {@link
 * #MAX_FRAME_BYTES} the stream is refused. The seed has no limit; without one, a length of {@code
 * FF FF FF FF FF FF FF FF} would ask us to read 16 EiB because a peer said so. There is no way to
 * find the next frame after a bad length, so the connection ends there.
 */
public final class Seed004Framer {
  /** The length prefix: 8 bytes, big-endian, unsigned. */
  public static final int HEADER_BYTES = 8;

  /** The longest JSON text we read or write: 1 MiB. */
  public static final int MAX_FRAME_BYTES = 1024 * 1024;

  private Seed004Framer() {}

  /** Writes {@code json} as one frame, header and text in one write. */
  public static void writeFrame(OutputStream out, String json) throws IOException {
    byte[] text = json.getBytes(UTF_8);
    if (text.length > MAX_FRAME_BYTES) {
      throw new IllegalArgumentException(
          "frame is " + text.length + " bytes; the maximum is " + MAX_FRAME_BYTES);
    }
    out.write(
        ByteBuffer.allocate(HEADER_BYTES + text.length).putLong(text.length).put(text).array());
    out.flush();
  }

  /**
   * Reads one frame's JSON text, however TCP cut or joined the frames.
   *
   * @return the text, or {@code null} if the stream ended cleanly between two frames
   * @throws IOException if the stream ends inside a frame, announces a frame over {@link
   *     #MAX_FRAME_BYTES}, or the text is not UTF-8; the sentence says which
   */
  public static String readFrame(InputStream in) throws IOException {
    Objects.requireNonNull(in, "in");
    byte[] header = in.readNBytes(HEADER_BYTES);
    if (header.length == 0) {
      return null;
    }
    if (header.length < HEADER_BYTES) {
      throw new EOFException(
          "the connection ended inside a length prefix, after " + header.length + " of 8 bytes");
    }
    long untrustedLength = ByteBuffer.wrap(header).getLong();
    if (untrustedLength < 0 || untrustedLength > MAX_FRAME_BYTES) {
      throw new IOException(
          "the peer announced a frame of "
              + Long.toUnsignedString(untrustedLength)
              + " bytes; the maximum is "
              + MAX_FRAME_BYTES);
    }
    byte[] text = in.readNBytes((int) untrustedLength);
    if (text.length < untrustedLength) {
      throw new EOFException(
          "the connection ended inside a frame, after "
              + text.length
              + " of "
              + untrustedLength
              + " bytes");
    }
    return strictUtf8(text);
  }

  private static String strictUtf8(byte[] text) throws IOException {
    try {
      return UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(text))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IOException("a " + text.length + "-byte frame is not UTF-8 text", e);
    }
  }
}
