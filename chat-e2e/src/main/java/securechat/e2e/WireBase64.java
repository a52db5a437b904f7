package securechat.e2e;

import java.util.Base64;

/** Standard Base64 for the binary fields of e2e lines, and its checked decoding. */
final class WireBase64 {
  private WireBase64() {}

  static String encode(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /**
   * Decodes {@code untrusted}, naming {@code what} in the sentence if it is not Base64.
   *
   * @throws IllegalArgumentException with a sentence for the peer or the log
   */
  static byte[] decode(String untrusted, String what) {
    try {
      return Base64.getDecoder().decode(untrusted);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(what + " is not Base64");
    }
  }
}
