package securechat.e2e.legacy;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import securechat.core.channel.RecordException;
import securechat.core.channel.RecordException.Reason;

/**
 * Textbook RSA, as seed 004 uses it: the bare RSA primitives of RFC 8017 applied to the message
 * itself, with no padding. This is the insecure construction the replica exists to show; real RSA
 * encryption wraps the message in OAEP (RFC 8017 §7.1) and real signatures in PSS (§8.1).
 *
 * <pre>{@code
 * byte[] c = LegacyTextbookRsa.encrypt(desKey, bob.publicKey());          // c = m^e mod n
 * byte[] m = LegacyTextbookRsa.decrypt(c, bob, LegacyDesEcb.KEY_BYTES);    // m = c^d mod n
 * }</pre>
 *
 * <p><b>Does not protect:</b>
 *
 * <ul>
 *   <li>against guessing: encryption is deterministic, so equal messages give equal ciphertexts and
 *       anyone can test a guess by encrypting it under the public key;
 *   <li>integrity: ciphertexts are malleable, {@code c * 2^e} decrypts to {@code 2m};
 *   <li>secrecy of a "signed" value: {@link #sign} hides nothing, since anyone can raise the result
 *       to {@code e} with the public key ({@link #recover}): the flaw {@link LegacyKeyRecovery}
 *       exploits.
 * </ul>
 *
 * <p>Byte strings become integers and back as RFC 8017 §4.1 (I2OSP) and §4.2 (OS2IP) say: unsigned
 * big-endian. A ciphertext or signature is always {@code k} bytes, the modulus length.
 */
public final class LegacyTextbookRsa {

  private LegacyTextbookRsa() {}

  /**
   * RFC 8017 §5.1.1 RSAEP on the message itself: {@code m^e mod n}, {@code k} bytes.
   *
   * @throws IllegalArgumentException if the message, read as an integer, is not below {@code n}
   */
  public static byte[] encrypt(byte[] message, LegacyRsaPublicKey key) {
    return i2osp(power(os2ipBelow(message, key.n()), key.e(), key.n()), key.modulusBytes());
  }

  /**
   * RFC 8017 §5.1.2 RSADP: {@code c^d mod n}, as a message of {@code messageBytes}.
   *
   * @throws RecordException MALFORMED if the ciphertext is not below {@code n}; TAMPERED if the
   *     result does not fit in {@code messageBytes} (another key, or a changed ciphertext)
   */
  public static byte[] decrypt(byte[] ciphertext, LegacyRsaKeyPair key, int messageBytes)
      throws RecordException {
    BigInteger c = untrustedBelow(ciphertext, key.publicKey().n(), "ciphertext");
    return fitted(power(c, key.d(), key.publicKey().n()), messageBytes, "decrypts");
  }

  /**
   * RFC 8017 §5.2.1 RSASP1 on the message itself, {@code m^d mod n}: what the seed calls signing.
   * It hides nothing: see {@link #recover}.
   */
  public static byte[] sign(byte[] message, LegacyRsaKeyPair key) {
    BigInteger n = key.publicKey().n();
    return i2osp(power(os2ipBelow(message, n), key.d(), n), key.publicKey().modulusBytes());
  }

  /**
   * RFC 8017 §5.2.2 RSAVP1: {@code s^e mod n}, the message a "signature" was made from, as {@code
   * messageBytes}. Needs only the public key: anyone can do it.
   *
   * @throws RecordException as {@link #decrypt} does
   */
  public static byte[] recover(byte[] signature, LegacyRsaPublicKey key, int messageBytes)
      throws RecordException {
    BigInteger s = untrustedBelow(signature, key.n(), "signature");
    return fitted(power(s, key.e(), key.n()), messageBytes, "recovers");
  }

  /** The seed's server signature: SHA-256 of {@code data}, signed as {@link #sign} does. */
  public static byte[] signSha256(byte[] data, LegacyRsaKeyPair key) {
    return sign(sha256(data), key);
  }

  /**
   * Checks a {@link #signSha256} signature: {@code s^e mod n} must be SHA-256 of {@code data}.
   *
   * @throws RecordException if it is not
   */
  public static void verifySha256(byte[] data, byte[] signature, LegacyRsaPublicKey key)
      throws RecordException {
    byte[] expected = sha256(data);
    byte[] recovered;
    try {
      recovered = recover(signature, key, expected.length);
    } catch (RecordException e) {
      throw new RecordException(Reason.TAMPERED, "the signature does not match: " + e.getMessage());
    }
    if (!MessageDigest.isEqual(recovered, expected)) {
      throw new RecordException(Reason.TAMPERED, "the signature does not match the SHA-256 digest");
    }
  }

  /**
   * The modular exponentiation at the heart of every textbook operation, with nothing around it: no
   * padding, no blinding, no check of the result.
   */
  static BigInteger power(BigInteger base, BigInteger exponent, BigInteger modulus) {
    return base.modPow(exponent, modulus);
  }

  /** RFC 8017 §4.2 OS2IP, for our own messages: they must be below {@code n}. */
  private static BigInteger os2ipBelow(byte[] message, BigInteger n) {
    BigInteger m = new BigInteger(1, message);
    if (m.compareTo(n) >= 0) {
      throw new IllegalArgumentException(
          "a " + message.length + "-byte message is too large for textbook RSA under this key");
    }
    return m;
  }

  /** RFC 8017 §4.2 OS2IP, for a peer's value: §5.1.2 step 1 requires it to be below {@code n}. */
  private static BigInteger untrustedBelow(byte[] value, BigInteger n, String what)
      throws RecordException {
    BigInteger v = new BigInteger(1, value);
    if (v.compareTo(n) >= 0) {
      throw new RecordException(
          Reason.MALFORMED, "the " + what + " is out of range: it is not below the modulus");
    }
    return v;
  }

  /** RFC 8017 §4.1 I2OSP for a result that should be a short message. */
  private static byte[] fitted(BigInteger value, int messageBytes, String verb)
      throws RecordException {
    if ((value.bitLength() + 7) / 8 > messageBytes) {
      throw new RecordException(
          Reason.TAMPERED,
          "the value "
              + verb
              + " to "
              + (value.bitLength() + 7) / 8
              + " bytes, not the expected "
              + messageBytes
              + ": another key was used, or it was changed");
    }
    return i2osp(value, messageBytes);
  }

  /** RFC 8017 §4.1 I2OSP: {@code value} as exactly {@code length} big-endian bytes. */
  static byte[] i2osp(BigInteger value, int length) {
    byte[] minimal = value.toByteArray(); // two's complement: may start with one 0x00 sign byte
    int start = minimal.length > 1 && minimal[0] == 0 ? 1 : 0;
    int size = minimal.length - start;
    if (size > length) {
      throw new IllegalArgumentException("integer too large for " + length + " bytes");
    }
    byte[] out = new byte[length];
    System.arraycopy(minimal, start, out, length - size, size);
    return out;
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
