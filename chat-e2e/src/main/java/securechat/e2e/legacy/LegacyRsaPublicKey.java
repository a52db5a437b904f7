package securechat.e2e.legacy;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.math.BigInteger;
import java.util.Base64;
import java.util.Objects;
import securechat.core.protocol.ProtocolException;

/**
 * A seed 004 RSA public key: the modulus {@code n} and the public exponent {@code e}, and the
 * seed's own text form of them.
 *
 * <p>The key text is PEM-like but not PEM: under the usual header sits the base64 of the ASCII text
 * {@code n,e,0} (decimal integers; the third field is always {@code 0}, the seed never says why),
 * in 64-column lines each ending {@code \n}:
 *
 * <pre>
 *   -----BEGIN PUBLIC KEY-----
 *   MjU3NTg0NjIwNjE5NDQ5...        base64 of "25758462061944...,65537,0"
 *   -----END PUBLIC KEY-----
 * </pre>
 *
 * <p>The header says PUBLIC KEY, yet what follows is not DER SubjectPublicKeyInfo: {@code openssl}
 * cannot read it. This key belongs to the seed 004 replica only; it is weak on purpose (see {@link
 * LegacyTextbookRsa}).
 */
public record LegacyRsaPublicKey(BigInteger n, BigInteger e) {
  static final String BEGIN = "-----BEGIN PUBLIC KEY-----";
  static final String END = "-----END PUBLIC KEY-----";

  /**
   * The largest modulus we accept from a peer. {@code modPow} costs grow with the modulus: without
   * a limit, one key text with a huge {@code n} would keep a thread busy for minutes.
   */
  static final int MAX_MODULUS_BITS = 4096;

  /** The smallest modulus we accept: below it, nothing the protocol encrypts would fit. */
  static final int MIN_MODULUS_BITS = 512;

  /** 2^4096 has 1234 decimal digits. */
  private static final int MAX_DECIMAL_DIGITS = 1234;

  private static final int MAX_KEY_TEXT_CHARS = 4096;

  public LegacyRsaPublicKey {
    Objects.requireNonNull(n, "n");
    Objects.requireNonNull(e, "e");
  }

  /** The length of a ciphertext or signature under this key, in bytes (RFC 8017's {@code k}). */
  public int modulusBytes() {
    return (n.bitLength() + 7) / 8;
  }

  /** The seed's key text: header, base64 of {@code n,e,0} in 64-column lines, footer. */
  public String toKeyText() {
    String fields = n + "," + e + ",0";
    Base64.Encoder mime = Base64.getMimeEncoder(64, "\n".getBytes(US_ASCII));
    return BEGIN + "\n" + mime.encodeToString(fields.getBytes(US_ASCII)) + "\n" + END + "\n";
  }

  /**
   * Reads a key text written by {@link #toKeyText} (line breaks and the final newline may differ).
   *
   * @throws Seed004FormatException if it is not a key text, or the key is too small or too large
   */
  public static LegacyRsaPublicKey parseKeyText(String untrustedKeyText)
      throws Seed004FormatException {
    String text = untrustedKeyText.strip();
    if (text.length() > MAX_KEY_TEXT_CHARS || !text.startsWith(BEGIN) || !text.endsWith(END)) {
      throw new Seed004FormatException(
          "a public key text must lie between '"
              + BEGIN
              + "' and '"
              + END
              + "', not "
              + ProtocolException.quote(text));
    }
    String body = text.substring(BEGIN.length(), text.length() - END.length());
    String fields;
    try {
      fields = new String(Base64.getMimeDecoder().decode(body.strip()), US_ASCII);
    } catch (IllegalArgumentException notBase64) {
      throw new Seed004FormatException("a public key text holds no base64: " + notBase64);
    }
    return parseFields(fields);
  }

  /** Reads {@code n,e,0}, checking what {@code modPow} will need. */
  private static LegacyRsaPublicKey parseFields(String fields) throws Seed004FormatException {
    String[] parts = fields.split(",", -1);
    if (parts.length != 3 || !parts[2].equals("0")) {
      throw new Seed004FormatException(
          "a public key must read 'n,e,0', not " + ProtocolException.quote(fields));
    }
    BigInteger n = decimal(parts[0], "n");
    BigInteger e = decimal(parts[1], "e");
    if (n.bitLength() < MIN_MODULUS_BITS || n.bitLength() > MAX_MODULUS_BITS) {
      throw new Seed004FormatException(
          "a public key's modulus has "
              + n.bitLength()
              + " bits; it must have "
              + MIN_MODULUS_BITS
              + " to "
              + MAX_MODULUS_BITS);
    }
    if (e.compareTo(BigInteger.valueOf(3)) < 0 || e.compareTo(n) >= 0 || !e.testBit(0)) {
      throw new Seed004FormatException("a public exponent must be odd, at least 3 and below n");
    }
    return new LegacyRsaPublicKey(n, e);
  }

  private static BigInteger decimal(String untrusted, String name) throws Seed004FormatException {
    if (untrusted.isEmpty()
        || untrusted.length() > MAX_DECIMAL_DIGITS
        || !untrusted.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new Seed004FormatException(
          "a public key's "
              + name
              + " must be a decimal number, not "
              + ProtocolException.quote(untrusted));
    }
    return new BigInteger(untrusted);
  }
}
