package securechat.e2e;

import java.nio.ByteBuffer;
import java.security.SignatureException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Ed25519 signatures (RFC 8032 §5.1, "pure" EdDSA on edwards25519 with SHA-512), computed by Bouncy
 * Castle's {@code Ed25519Signer}: anyone with a user's 32-byte public key can check that a message
 * was signed by the holder of the matching private key. Signing is for {@link IdentityKeys}, which
 * holds the private key; checking is public.
 *
 * <pre>{@code
 * byte[] signature = aliceKeys.sign(message);                                  // 64 bytes
 * Ed25519.verify(alice.signingKey(), message, signature);                      // returns
 * Ed25519.verify(alice.signingKey(), changedMessage, signature);               // throws
 * }</pre>
 *
 * <p><b>Protects:</b> every bit of the message from change, and its origin: without the private key
 * no one can make a signature that verifies, for this or any other message. Signing is
 * deterministic (RFC 8032 §5.1.6), so a weak random number generator cannot leak the key.
 *
 * <p><b>Does not protect:</b> the message's secrecy (it is not encrypted); against replay of a
 * signed message in another place or time, unless the signed bytes say where and when; or the
 * binding of a key to a person: that a public key is alice's is the key directory's and the safety
 * number's job.
 */
public final class Ed25519 {
  /** RFC 8032 §5.1.5: the public key is the 32-byte encoding of the point A. */
  public static final int PUBLIC_KEY_BYTES = 32;

  /** RFC 8032 §5.1.6: the signature is R (32 bytes) followed by S (32 bytes). */
  public static final int SIGNATURE_BYTES = 64;

  /** RFC 8032 §5.1.5: the private key is 32 random bytes, the seed hashed into the scalar. */
  static final int SEED_BYTES = 32;

  /**
   * Public keys already decoded, by their 32 bytes. Decoding a key is a square root in the field
   * (RFC 8032 §5.1.3), a sixth of a verification, and a client checks many signatures by the same
   * few contacts. Only public values are kept, at most {@link #DECODED_KEYS}; past that the cache
   * starts again empty.
   */
  private static final Map<ByteBuffer, Ed25519PublicKeyParameters> DECODED =
      new ConcurrentHashMap<>();

  private static final int DECODED_KEYS = 1024;

  private Ed25519() {}

  /**
   * Checks that {@code signature} is {@code publicKey}'s signature of {@code message}.
   *
   * @throws SignatureException with a sentence when it is not, or when the key or the signature is
   *     malformed; never returns a result to be ignored
   */
  public static void verify(byte[] publicKey, byte[] message, byte[] signature)
      throws SignatureException {
    Objects.requireNonNull(message, "message");
    Ed25519Signer verifier = new Ed25519Signer();
    verifier.init(false, publicKeyParameters(publicKey));
    checkLength(signature);
    verifier.update(message, 0, message.length);
    // RFC 8032 §5.1.7: decode R, check S < L, then [S]B = R + [SHA-512(R || A || M)]A.
    if (!verifier.verifySignature(signature)) {
      throw new SignatureException("the Ed25519 signature does not match the key and the message");
    }
  }

  /** RFC 8032 §5.1.6: signs {@code message}, deterministically, with the private key. */
  static byte[] sign(Ed25519PrivateKeyParameters privateKey, byte[] message) {
    Objects.requireNonNull(message, "message");
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(true, privateKey);
    signer.update(message, 0, message.length);
    return signer.generateSignature();
  }

  /** The private key of a 32-byte seed, as RFC 8032's vectors give their SECRET KEY. */
  static Ed25519PrivateKeyParameters privateKey(byte[] seed) {
    Objects.requireNonNull(seed, "seed");
    if (seed.length != SEED_BYTES) {
      throw new IllegalArgumentException(
          "Ed25519 seed is " + seed.length + " bytes; it must be " + SEED_BYTES);
    }
    return new Ed25519PrivateKeyParameters(seed);
  }

  /** RFC 8032 §5.1.5: the public key of a private key. */
  static byte[] publicKey(Ed25519PrivateKeyParameters privateKey) {
    return privateKey.generatePublicKey().getEncoded();
  }

  private static Ed25519PublicKeyParameters publicKeyParameters(byte[] publicKey)
      throws SignatureException {
    Objects.requireNonNull(publicKey, "publicKey");
    if (publicKey.length != PUBLIC_KEY_BYTES) {
      throw new SignatureException(
          "the public key is " + publicKey.length + " bytes; Ed25519 keys are 32");
    }
    ByteBuffer key = ByteBuffer.wrap(publicKey.clone());
    Ed25519PublicKeyParameters decoded = DECODED.get(key);
    if (decoded != null) {
      return decoded;
    }
    try {
      // RFC 8032 §5.1.3: Bouncy Castle decodes the point here and refuses one off the curve.
      decoded = new Ed25519PublicKeyParameters(publicKey);
    } catch (IllegalArgumentException e) {
      throw new SignatureException("the public key is not a point of Ed25519 (RFC 8032 §5.1.3)");
    }
    if (DECODED.size() >= DECODED_KEYS) {
      DECODED.clear();
    }
    DECODED.put(key, decoded);
    return decoded;
  }

  private static void checkLength(byte[] signature) throws SignatureException {
    Objects.requireNonNull(signature, "signature");
    if (signature.length != SIGNATURE_BYTES) {
      throw new SignatureException(
          "the signature is " + signature.length + " bytes; Ed25519 signatures are 64");
    }
  }
}
