package securechat.ecdhe.seed;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Reads seed 000 v1 tokens: Fernet tokens written one after another with nothing between them.
 *
 * <p><b>What the seed does wrong.</b> The original reads each message with one {@code recv(1024)}
 * and decrypts whatever came. TCP is a byte stream, not a message stream, so that only works while
 * every token is shorter than 1024 bytes and arrives alone, in one piece. A token of 1024
 * characters or more (a message of 704 bytes or more) arrives in several reads and none of them
 * decrypts; two tokens that arrive in one read do not decrypt as one, and one of them is lost; a
 * token split by the network, short or not, fails too.
 *
 * <p><b>What we do.</b> Keep everything read so far and cut tokens off its front, wherever the
 * reads happened to end. Raw v1 has no delimiter, so the cut comes from what a token looks like
 * (Fernet spec, Token Format): it is padded base64url, so its length is a multiple of 4 and {@code
 * =} appears only at its end; and it starts with version {@code 0x80} and a 64-bit time whose top
 * bits are zero for thousands of years, which base64url writes {@code gAAAAA}. A token ends at the
 * first of:
 *
 * <ol>
 *   <li>its padding: one or two {@code =}, up to a multiple of 4 characters (two thirds of all
 *       token lengths end this way);
 *   <li>the start of the next token: {@code gAAAAA} at a multiple of 4 characters from this token's
 *       start and at least {@value #MIN_TOKEN_CHARS} in. Random base64 contains that at a given
 *       place about once in 2<sup>36</sup>, so a cut there is a false one about once in a billion
 *       tokens, and then only the one message is refused;
 *   <li>the end of what has arrived, for a token without padding (lengths 140, 204, 268, …) and
 *       only once it is authentic: its HMAC is what tells "complete" from "the rest is still on its
 *       way". An unpadded token that is not authentic waits until the next token or the end of the
 *       connection cuts it, and is then refused: late, but never merged with the next.
 * </ol>
 *
 * <p>Bytes that do not start with {@code gAAAAA} are returned up to the next {@code gAAAAA} as one
 * would-be token, so that the caller refuses them out loud instead of dropping them silently. A run
 * of {@link SeedFraming#MAX_TOKEN_BYTES} without any end ends the session.
 */
final class RawTokenReader implements TokenReader {
  /** Base64url of 0x80 and 28 zero bits: the version byte and the time's top bits. */
  static final String TOKEN_START = "gAAAAA";

  /** The shortest token: 73 bytes (an empty message), 100 characters of base64. */
  static final int MIN_TOKEN_CHARS = 100;

  // Unpadded tokens are 105 + 48j bytes, 140 + 64j characters.
  private static final int FIRST_UNPADDED_CHARS = 140;
  private static final int UNPADDED_STEP_CHARS = 64;

  private final InputStream in;
  private final Predicate<String> isAuthentic;
  private final StringBuilder pending = new StringBuilder();
  private final byte[] readBuffer = new byte[8192];

  /**
   * @param isAuthentic true when a complete token's HMAC matches this session's key; consulted only
   *     for tokens without padding
   */
  RawTokenReader(InputStream in, Predicate<String> isAuthentic) {
    this.in = Objects.requireNonNull(in, "in");
    this.isAuthentic = Objects.requireNonNull(isAuthentic, "isAuthentic");
  }

  @Override
  public String readToken() throws IOException {
    while (true) {
      int end = tokenEnd();
      if (end > 0) {
        return take(end);
      }
      if (pending.length() > SeedFraming.MAX_TOKEN_BYTES) {
        throw new IOException(
            "no token ends within "
                + pending.length()
                + " bytes of raw text; the maximum is "
                + SeedFraming.MAX_TOKEN_BYTES);
      }
      int count = in.read(readBuffer);
      if (count < 0) {
        // The connection is over: whatever is left is the last (perhaps broken) token.
        return pending.isEmpty() ? null : take(pending.length());
      }
      // ISO-8859-1 keeps one char per byte; bytes outside base64url make the token malformed.
      pending.append(new String(readBuffer, 0, count, ISO_8859_1));
    }
  }

  /** Where the token at the front of {@link #pending} ends, or -1 until more bytes arrive. */
  private int tokenEnd() {
    if (pending.isEmpty()) {
      return -1;
    }
    if (!startsLikeToken()) {
      return pending.indexOf(TOKEN_START, 1);
    }
    int padding = pending.indexOf("=");
    int nextStart = nextAlignedTokenStart();
    if (padding >= 0 && (nextStart < 0 || padding < nextStart)) {
      int end = roundUpToMultipleOf4(padding + 1);
      return end <= pending.length() ? end : -1;
    }
    if (nextStart > 0) {
      return nextStart;
    }
    return isCompleteUnpaddedToken() ? pending.length() : -1;
  }

  /** True if the front is {@code gAAAAA}, or what has arrived of it so far. */
  private boolean startsLikeToken() {
    int shown = Math.min(pending.length(), TOKEN_START.length());
    return pending.substring(0, shown).equals(TOKEN_START.substring(0, shown));
  }

  private int nextAlignedTokenStart() {
    for (int at = MIN_TOKEN_CHARS; at + TOKEN_START.length() <= pending.length(); at += 4) {
      if (TOKEN_START.contentEquals(pending.subSequence(at, at + TOKEN_START.length()))) {
        return at;
      }
    }
    return -1;
  }

  private boolean isCompleteUnpaddedToken() {
    int length = pending.length();
    return length >= FIRST_UNPADDED_CHARS
        && (length - FIRST_UNPADDED_CHARS) % UNPADDED_STEP_CHARS == 0
        && isAuthentic.test(pending.toString());
  }

  private String take(int end) {
    String token = pending.substring(0, end);
    pending.delete(0, end);
    return token;
  }

  private static int roundUpToMultipleOf4(int length) {
    return (length + 3) / 4 * 4;
  }
}
