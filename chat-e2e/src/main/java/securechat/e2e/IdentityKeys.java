package securechat.e2e;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Objects;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;

/**
 * A user's long-term private identity: the Ed25519 key that signs what the user sends and the
 * X25519 key that opens what is sealed to the user. {@link #publicIdentity()} is what others see.
 * Kept on disk only encrypted, by {@link IdentityStore}.
 *
 * <pre>{@code
 * IdentityKeys alice = IdentityKeys.generate(new SecureRandom());
 * byte[] signature = alice.sign(envelopeBytes);
 * byte[] plaintext = alice.open(Hpke.Aead.CHACHA20_POLY1305, enc, info, aad, ciphertext);
 * }</pre>
 *
 * <p><b>Protects:</b> the private keys from leaking through this object: {@link #toString()} shows
 * the fingerprint only, no method returns a private key, and no exception message quotes one.
 *
 * <p><b>Does not protect:</b> the keys in this JVM's memory, which a debugger or a heap dump can
 * read; or the keys once someone who knows the user's password copies the identity file.
 */
public final class IdentityKeys {
  private final Ed25519PrivateKeyParameters signingKey;
  private final X25519PrivateKeyParameters encryptionKey;
  private final AsymmetricCipherKeyPair encryptionKeyPair;
  private final PublicIdentity publicIdentity;

  private IdentityKeys(
      Ed25519PrivateKeyParameters signingKey, X25519PrivateKeyParameters encryptionKey) {
    this.signingKey = signingKey;
    this.encryptionKey = encryptionKey;
    // Every open needs the public key too (RFC 9180 §4.1): derived here once, not per message.
    this.encryptionKeyPair = Hpke.recipientKeyPair(encryptionKey);
    this.publicIdentity =
        new PublicIdentity(
            Ed25519.publicKey(signingKey),
            ((X25519PublicKeyParameters) encryptionKeyPair.getPublic()).getEncoded());
  }

  /**
   * A fresh identity: RFC 8032 §5.1.5 and RFC 7748 §6.1 both make a private key from 32 random
   * bytes.
   */
  public static IdentityKeys generate(SecureRandom random) {
    Objects.requireNonNull(random, "random");
    return new IdentityKeys(
        new Ed25519PrivateKeyParameters(random), new X25519PrivateKeyParameters(random));
  }

  /** The identity stored as its raw private bytes; for {@link IdentityStore} only. */
  static IdentityKeys fromPrivateBytes(byte[] signingSeed, byte[] encryptionPrivateKey) {
    Objects.requireNonNull(encryptionPrivateKey, "encryptionPrivateKey");
    if (encryptionPrivateKey.length != Hpke.KEY_BYTES) {
      throw new IllegalArgumentException(
          "X25519 private key is " + encryptionPrivateKey.length + " bytes; it must be 32");
    }
    return new IdentityKeys(
        Ed25519.privateKey(signingSeed), new X25519PrivateKeyParameters(encryptionPrivateKey));
  }

  /** What others may know: the two public keys. */
  public PublicIdentity publicIdentity() {
    return publicIdentity;
  }

  /** Signs {@code message} with the Ed25519 key (RFC 8032 §5.1.6): 64 bytes, deterministic. */
  public byte[] sign(byte[] message) {
    return Ed25519.sign(signingKey, message);
  }

  /**
   * Opens a message sealed to this identity's encryption key with {@link Hpke#seal}.
   *
   * @throws GeneralSecurityException if it was sealed to another key or changed on the way
   */
  public byte[] open(Hpke.Aead aead, byte[] enc, byte[] info, byte[] aad, byte[] ciphertext)
      throws GeneralSecurityException {
    return Hpke.open(aead, encryptionKeyPair, enc, info, aad, ciphertext);
  }

  /** RFC 8032 §5.1.5: the 32-byte seed; a copy, for {@link IdentityStore} only. */
  byte[] signingSeed() {
    return signingKey.getEncoded();
  }

  /** RFC 7748 §5: the 32-byte scalar before clamping; a copy, for {@link IdentityStore} only. */
  byte[] encryptionPrivateKey() {
    return encryptionKey.getEncoded();
  }

  /** The fingerprint of the public identity; never a private key. */
  @Override
  public String toString() {
    return "IdentityKeys(" + publicIdentity.fingerprint() + ")";
  }
}
