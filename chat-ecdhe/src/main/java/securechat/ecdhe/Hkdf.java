package securechat.ecdhe;

import java.util.Objects;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * HKDF, the HMAC-based key derivation function of RFC 5869, with SHA-256: turns a shared secret
 * that is not uniformly random (an X25519 result) into keys that are, one per purpose. The work is
 * Bouncy Castle's {@code HKDFBytesGenerator}; this class fixes the hash and checks the inputs.
 *
 * <pre>{@code
 * byte[] sharedSecret = keyAgreement.generateSecret();          // X25519, 32 bytes
 * byte[] okm = Hkdf.sha256(serverSalt, sharedSecret, labelThenTranscriptHash, 96);
 * // SessionKeys splits okm: client-to-server, server-to-client and confirmation keys
 * }</pre>
 *
 * <p><b>Protects:</b> keys derived with different {@code info} from one another, so that learning
 * one key tells nothing about another from the same secret (RFC 5869 §3.2).
 *
 * <p><b>Does not protect:</b> a guessable secret. HKDF is fast on purpose: a password through it is
 * as weak as the password (RFC 5869 §4); passwords need Argon2id.
 */
public final class Hkdf {
  /** RFC 5869 §2.3: L ≤ 255 * HashLen. */
  public static final int MAX_LENGTH_BYTES = 255 * 32;

  private Hkdf() {}

  /**
   * HKDF-Extract then HKDF-Expand (RFC 5869 §2.2, §2.3), {@code lengthBytes} of output keying
   * material.
   *
   * @param salt optional; {@code null} or empty means HashLen zero bytes (RFC 5869 §2.2)
   * @param ikm the input keying material, such as a Diffie-Hellman shared secret
   * @param info optional context binding the output to one purpose; {@code null} means empty
   * @param lengthBytes 1 to {@link #MAX_LENGTH_BYTES}
   */
  public static byte[] sha256(byte[] salt, byte[] ikm, byte[] info, int lengthBytes) {
    Objects.requireNonNull(ikm, "ikm");
    if (lengthBytes < 1 || lengthBytes > MAX_LENGTH_BYTES) {
      throw new IllegalArgumentException(
          "lengthBytes must be 1 to " + MAX_LENGTH_BYTES + ", not " + lengthBytes);
    }
    // RFC 5869 §2.2: "if not provided, [salt] is set to a string of HashLen zeros". An empty salt
    // gives the same HMAC key, since HMAC pads a short key with zeros (RFC 2104 §2); Bouncy
    // Castle uses the zeros itself when the salt is null.
    byte[] saltOrNull = salt == null || salt.length == 0 ? null : salt;
    HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
    hkdf.init(new HKDFParameters(ikm, saltOrNull, info));
    byte[] okm = new byte[lengthBytes];
    hkdf.generateBytes(okm, 0, lengthBytes);
    return okm;
  }
}
