package securechat.e2e;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A user's public identity: the Ed25519 key that checks the user's signatures and the X25519 key
 * that messages to the user are sealed to (with {@link Hpke}). The matching private keys are in the
 * user's {@link IdentityKeys}. Values are immutable: the arrays are copied in and out.
 *
 * <pre>{@code
 * PublicIdentity bob = PublicIdentity.parse(untrustedSigningKey, untrustedEncryptionKey);
 * bob.fingerprint();          // "SHA256:3f1c…", 16 bytes in hex: what users compare
 * }</pre>
 *
 * <p>Only the lengths are checked here; a signing key that is no point of the curve is refused by
 * {@link Ed25519#verify}, and a low-order encryption key by {@link Hpke#seal}.
 */
public record PublicIdentity(byte[] signingKey, byte[] encryptionKey) {
  /** The keys, copied; each must be 32 bytes. */
  public PublicIdentity {
    signingKey = checked("signing key", signingKey, Ed25519.PUBLIC_KEY_BYTES, "Ed25519");
    encryptionKey = checked("encryption key", encryptionKey, Hpke.KEY_BYTES, "X25519");
  }

  /**
   * Parses the two keys from their text form (standard Base64 with padding), as a peer, the key
   * directory or an identity file gives them.
   *
   * @throws IllegalArgumentException with a sentence, such as "signing key is not base64" or
   *     "signing key is 31 bytes; Ed25519 keys are 32"
   */
  public static PublicIdentity parse(String untrustedSigningKey, String untrustedEncryptionKey) {
    return new PublicIdentity(
        parseSigningKey(untrustedSigningKey), parseEncryptionKey(untrustedEncryptionKey));
  }

  /** One key of {@link #parse}, for a reader that must say which line was wrong. */
  static byte[] parseSigningKey(String untrustedBase64) {
    byte[] key = decode("signing key", untrustedBase64);
    return checked("signing key", key, Ed25519.PUBLIC_KEY_BYTES, "Ed25519");
  }

  /** The other key of {@link #parse}. */
  static byte[] parseEncryptionKey(String untrustedBase64) {
    byte[] key = decode("encryption key", untrustedBase64);
    return checked("encryption key", key, Hpke.KEY_BYTES, "X25519");
  }

  /** A copy of the Ed25519 public key, 32 bytes. */
  @Override
  public byte[] signingKey() {
    return signingKey.clone();
  }

  /** A copy of the X25519 public key, 32 bytes. */
  @Override
  public byte[] encryptionKey() {
    return encryptionKey.clone();
  }

  public String signingKeyBase64() {
    return Base64Text.encode(signingKey);
  }

  public String encryptionKeyBase64() {
    return Base64Text.encode(encryptionKey);
  }

  /**
   * {@code SHA256:} and the first 16 bytes, in hex, of SHA-256(signing key || encryption key): one
   * short value that changes when either key does, as the ecdhe stage prints server keys.
   */
  public String fingerprint() {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(signingKey);
      byte[] digest = sha256.digest(encryptionKey);
      return "SHA256:" + HexFormat.of().formatHex(digest, 0, 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PublicIdentity that
        && MessageDigest.isEqual(signingKey, that.signingKey)
        && MessageDigest.isEqual(encryptionKey, that.encryptionKey);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(signingKey) + Arrays.hashCode(encryptionKey);
  }

  /** The key names and the fingerprint: short enough for a log line. */
  @Override
  public String toString() {
    return "PublicIdentity[signingKey=Ed25519, encryptionKey=X25519, " + fingerprint() + "]";
  }

  private static byte[] decode(String what, String untrustedBase64) {
    if (untrustedBase64 == null) {
      throw new IllegalArgumentException(what + " is missing");
    }
    return Base64Text.decode(untrustedBase64)
        .orElseThrow(() -> new IllegalArgumentException(what + " is not base64"));
  }

  private static byte[] checked(String what, byte[] key, int lengthBytes, String algorithm) {
    Objects.requireNonNull(key, what);
    if (key.length != lengthBytes) {
      throw new IllegalArgumentException(
          what + " is " + key.length + " bytes; " + algorithm + " keys are " + lengthBytes);
    }
    return key.clone();
  }
}
