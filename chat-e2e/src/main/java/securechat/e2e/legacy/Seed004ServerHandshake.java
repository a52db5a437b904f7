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
 * The server's two steps of seed 004's nonce challenge, for one client, with no I/O: the driver in
 * {@link Seed004ServerConnection} sends and receives.
 *
 * <pre>
 *   challenge()  → nonce_challenge {nonce N, server_public_key}
 *   answer(nonce_response {encrypted_nonce = N^e_server mod n_server, client_nonce C,
 *                          client_public_key})
 *                → nonce_verification {verified: true, encrypted_client_nonce = C^e_client mod n_client}
 * </pre>
 *
 * <p><b>Does not protect:</b> anything. The client proves it can encrypt N to the server, which
 * anyone holding the server's public key can do; the server proves it can encrypt C to the client,
 * which anyone can do too. Neither side learns who the other is, and a man in the middle who swaps
 * both keys passes both checks.
 */
final class Seed004ServerHandshake {
  /** Both nonces are 16 bytes from the non-cryptographic generator. */
  static final int NONCE_BYTES = 16;

  private final LegacyRsaKeyPair serverKey;
  private final byte[] nonce = new byte[NONCE_BYTES];
  private LegacyRsaPublicKey clientKey;

  Seed004ServerHandshake(LegacyRsaKeyPair serverKey, Random insecureRandom) {
    this.serverKey = Objects.requireNonNull(serverKey, "serverKey");
    insecureRandom.nextBytes(nonce);
  }

  NonceChallenge challenge() {
    return new NonceChallenge(nonce.clone(), serverKey.publicKey().toKeyText());
  }

  /**
   * Checks that {@code encrypted_nonce} decrypts to our nonce and encrypts the client's nonce to
   * the client's key.
   *
   * @throws HandshakeException if the client's key cannot be read or the nonce is wrong; the driver
   *     then answers {@code verified: false} and closes
   */
  NonceVerification answer(NonceResponse response) throws HandshakeException {
    LegacyRsaPublicKey peerKey;
    byte[] decrypted;
    try {
      peerKey = LegacyRsaPublicKey.parseKeyText(response.clientPublicKey());
      decrypted = LegacyTextbookRsa.decrypt(response.encryptedNonce(), serverKey, NONCE_BYTES);
    } catch (Seed004FormatException | RecordException e) {
      throw new HandshakeException("the client's nonce_response is wrong: " + e.getMessage(), e);
    }
    if (!MessageDigest.isEqual(decrypted, nonce)) {
      throw new HandshakeException("the client's encrypted_nonce does not decrypt to our nonce");
    }
    if (response.clientNonce().length != NONCE_BYTES) {
      throw new HandshakeException(
          "the client_nonce is " + response.clientNonce().length + " bytes, not 16");
    }
    clientKey = peerKey;
    return new NonceVerification(true, LegacyTextbookRsa.encrypt(response.clientNonce(), peerKey));
  }

  /** The key text the client sent, once {@link #answer} accepted it; unchecked, like the seed. */
  LegacyRsaPublicKey clientKey() {
    if (clientKey == null) {
      throw new IllegalStateException("answer() has not accepted a response yet");
    }
    return clientKey;
  }
}
