package securechat.ecdhe.seed;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * How seed 000 puts its Fernet tokens on the wire after the handshake. Its two versions differ only
 * here:
 *
 * <pre>
 *   RAW   (v1, the README's)   gAAAAABo...==gAAAAABo...    the token's text, nothing else
 *   LEN32 (v2, latest code)    00 00 00 64 gAAAAABo...==   4-byte big-endian length first
 * </pre>
 *
 * <p>We write exactly what the seed writes, one write per token. We read more carefully than the
 * seed does: see {@link RawTokenReader} for raw text and {@link Len32TokenReader} for the length
 * prefix. Both refuse a token over {@link #MAX_TOKEN_BYTES}.
 */
public enum SeedFraming {
  /** v1: a token's text, one write per token, no delimiter. */
  RAW("raw"),
  /** v2: each token preceded by its length as a 4-byte big-endian unsigned integer. */
  LEN32("len32");

  /**
   * The longest token we read or write: 64 KiB of token text, a message of about 48 KiB. The seed
   * has no limit; without one, a length prefix of {@code FF FF FF FF} would make us allocate 4 GiB
   * because a peer said so.
   */
  public static final int MAX_TOKEN_BYTES = 64 * 1024;

  /** The size of the original v1 program's single read: a longer token breaks it. */
  public static final int SEED_V1_READ_BYTES = 1024;

  private final String cliName;

  SeedFraming(String cliName) {
    this.cliName = cliName;
  }

  /** The name on the command line: {@code raw} or {@code len32}. */
  public String cliName() {
    return cliName;
  }

  /** The framing called {@code name} on the command line. */
  public static SeedFraming parse(String name) {
    for (SeedFraming framing : values()) {
      if (framing.cliName.equals(name)) {
        return framing;
      }
    }
    String choices =
        Arrays.stream(values()).map(SeedFraming::cliName).collect(Collectors.joining(", "));
    throw new IllegalArgumentException(
        "unknown seed 000 framing '" + name + "'; the choices are " + choices);
  }

  /** Writes one token in one write, as the seed does. */
  void writeToken(OutputStream out, String token) throws IOException {
    Objects.requireNonNull(token, "token");
    byte[] text = token.getBytes(US_ASCII);
    if (text.length > MAX_TOKEN_BYTES) {
      throw new IllegalArgumentException(
          "token is " + text.length + " bytes; the maximum is " + MAX_TOKEN_BYTES);
    }
    byte[] frame =
        switch (this) {
          case RAW -> text;
          case LEN32 -> ByteBuffer.allocate(4 + text.length).putInt(text.length).put(text).array();
        };
    out.write(frame);
    out.flush();
  }

  /**
   * A reader of this framing's tokens from {@code in}.
   *
   * @param isAuthentic tells the raw reader whether a token without padding is complete (see {@link
   *     RawTokenReader}); the length-prefixed reader does not need it
   */
  TokenReader newReader(InputStream in, Predicate<String> isAuthentic) {
    return switch (this) {
      case RAW -> new RawTokenReader(in, isAuthentic);
      case LEN32 -> new Len32TokenReader(in);
    };
  }
}
