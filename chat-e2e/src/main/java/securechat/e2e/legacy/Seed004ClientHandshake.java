package securechat.e2e.legacy;

import java.security.MessageDigest;
import java.util.Objects;
import java.util.Random;
import securechat.core.channel.HandshakeException;
import securechat.core.channel.RecordException;
import securechat.e2e.legacy.Seed004Message.NonceChallenge;
import securechat.e2e.legacy.Seed004Message.NonceResponse;
import securechat.e2e.legacy.Seed004Message.NonceVerification;

/**
 * The client's two steps of seed 004's nonce challenge, with no I/O (the messages and what they
 * fail to prove: {@link Seed004ServerHandshake}).
 *
 * <p>The server's key comes in the challenge itself and nothing pins it: whoever answers the
 * connection chooses it, and the client later checks the directory's signatures with it.
 */
final class Seed004ClientHandshake {
  private final LegacyRsaKeyPair clientKey;
  private final byte[] clientNonce = new byte[Seed004ServerHandshake.NONCE_BYTES];
  private LegacyRsaPublicKey serverKey;

  Seed004ClientHandshake(LegacyRsaKeyPair clientKey, Random insecureRandom) {
    this.clientKey = Objects.requireNonNull(clientKey, "clientKey");
    insecureRandom.nextBytes(clientNonce);
  }

  /**
   * Encrypts the server's nonce to the server's key and sends a nonce of our own.
   *
   * @throws HandshakeException if the challenge's key or nonce cannot be used
   */
  NonceResponse respond(NonceChallenge challenge) throws HandshakeException {
    try {
      serverKey = LegacyRsaPublicKey.parseKeyText(challenge.serverPublicKey());
    } catch (Seed004FormatException e) {
      throw new HandshakeException("the server's key cannot be read: " + e.getMessage(), e);
    }
    if (challenge.nonce().length != Seed004ServerHandshake.NONCE_BYTES) {
      throw new HandshakeException(
          "the server's nonce is " + challenge.nonce().length + " bytes, not 16");
    }
    byte[] encryptedNonce = LegacyTextbookRsa.encrypt(challenge.nonce(), serverKey);
    return new NonceResponse(
        encryptedNonce, clientNonce.clone(), clientKey.publicKey().toKeyText());
  }

  /**
   * Checks the server's verdict and that {@code encrypted_client_nonce} decrypts to our nonce.
   *
   * @throws HandshakeException if the server said no or the nonce is wrong
   */
  void checkVerification(NonceVerification verification) throws HandshakeException {
    if (!verification.verified()) {
      throw new HandshakeException("the server refused our nonce_response");
    }
    byte[] decrypted;
    try {
      decrypted =
          LegacyTextbookRsa.decrypt(
              verification.encryptedClientNonce(), clientKey, clientNonce.length);
    } catch (RecordException e) {
      throw new HandshakeException("the encrypted_client_nonce is wrong: " + e.getMessage(), e);
    }
    if (!MessageDigest.isEqual(decrypted, clientNonce)) {
      throw new HandshakeException("the encrypted_client_nonce does not decrypt to our nonce");
    }
  }

  /** The key the challenge brought, once {@link #respond} read it. */
  LegacyRsaPublicKey serverKey() {
    if (serverKey == null) {
      throw new IllegalStateException("respond() has not read a challenge yet");
    }
    return serverKey;
  }
}
