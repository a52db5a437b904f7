package securechat.ecdhe.seed;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Reads seed 000 v2 frames: a 4-byte big-endian unsigned length, then that many bytes of token.
 * However TCP cuts or joins the frames, {@link InputStream#readNBytes} gathers exactly one.
 *
 * <p>The length comes from the peer, so it is checked before anything is allocated: over {@link
 * SeedFraming#MAX_TOKEN_BYTES} the stream is refused. There is no way to find the next frame after
 * a bad length, so the session ends there.
 */
final class Len32TokenReader implements TokenReader {
  private static final int PREFIX_BYTES = 4;

  private final InputStream in;

  Len32TokenReader(InputStream in) {
    this.in = Objects.requireNonNull(in, "in");
  }

  @Override
  public String readToken() throws IOException {
    byte[] prefix = in.readNBytes(PREFIX_BYTES);
    if (prefix.length == 0) {
      return null;
    }
    if (prefix.length < PREFIX_BYTES) {
      throw new EOFException(
          "the connection ended inside a length prefix, after " + prefix.length + " of 4 bytes");
    }
    long untrustedLength = Integer.toUnsignedLong(ByteBuffer.wrap(prefix).getInt());
    if (untrustedLength > SeedFraming.MAX_TOKEN_BYTES) {
      throw new IOException(
          "the peer announced a token of "
              + untrustedLength
              + " bytes; the maximum is "
              + SeedFraming.MAX_TOKEN_BYTES);
    }
    byte[] token = in.readNBytes((int) untrustedLength);
    if (token.length < untrustedLength) {
      throw new EOFException(
          "the connection ended inside a token, after "
              + token.length
              + " of "
              + untrustedLength
              + " bytes");
    }
    return new String(token, US_ASCII);
  }
}
