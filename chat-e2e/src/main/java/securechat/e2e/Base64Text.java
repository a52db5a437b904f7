package securechat.e2e;

import java.util.Base64;
import java.util.Optional;

/**
 * Standard Base64 with padding (RFC 4648 §4), read strictly: each byte string has exactly one text.
 * Java's decoder alone also takes text without its padding, or whose last character has unused bits
 * set, so two different texts could give the same bytes; a check that compares text (an
 * associated-data line, a key in a directory) would then miss a change.
 */
final class Base64Text {
  private Base64Text() {}

  static String encode(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** The bytes of {@code untrusted}, or empty unless {@link #encode} gives back the same text. */
  static Optional<byte[]> decode(String untrusted) {
    if (untrusted == null) {
      return Optional.empty();
    }
    try {
      byte[] bytes = Base64.getDecoder().decode(untrusted);
      return encode(bytes).equals(untrusted) ? Optional.of(bytes) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * The bytes of {@code untrusted}, read strictly; a sentence naming {@code what} if it is not
   * Base64.
   *
   * @throws IllegalArgumentException with that sentence, for the peer or the log
   */
  static byte[] decode(String untrusted, String what) {
    return decode(untrusted)
        .orElseThrow(() -> new IllegalArgumentException(what + " is not Base64"));
  }
}
