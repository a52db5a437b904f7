package securechat.e2e.legacy;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One seed 004 JSON object, decoded. {@link Seed004Codec} turns frames' text into these and back;
 * {@code docs/legacy-seed004.md} shows each one's exact bytes.
 *
 * <pre>
 *   client                                                    server
 *     │ ◀─ nonce_challenge {nonce, server_public_key} ──────────── │
 *     │ ── nonce_response {encrypted_nonce, client_nonce,          │
 *     │                    client_public_key} ───────────────────▶ │
 *     │ ◀─ nonce_verification {verified, encrypted_client_nonce} ─ │
 *     │ ── register {username, public_key} ──────────────────────▶ │
 *     │ ◀─ user_list {users: {name: {username, public_key,         │
 *     │                              signature}}} (to everyone) ── │
 *     │ ── message {recipient, encrypted_package} ───────────────▶ │
 *     │                     recipient ◀─ message {recipient, encrypted_package, sender}
 * </pre>
 *
 * <p>Key texts are kept as the peer sent them (untrusted) and parsed by whoever uses them; binary
 * fields are bytes here and base64 on the wire. Records holding arrays compare arrays by identity.
 */
public sealed interface Seed004Message {

  /** Server, first: a nonce to encrypt and the server's key text. */
  record NonceChallenge(byte[] nonce, String serverPublicKey) implements Seed004Message {}

  /** Client: the server's nonce encrypted to the server, a nonce of its own, its key text. */
  record NonceResponse(byte[] encryptedNonce, byte[] clientNonce, String clientPublicKey)
      implements Seed004Message {}

  /**
   * Server: whether the nonce came back right and, if so, the client's nonce encrypted to the
   * client (empty when not verified).
   */
  record NonceVerification(boolean verified, byte[] encryptedClientNonce)
      implements Seed004Message {}

  /** Client: the name it wants and its key text. */
  record Register(String username, String publicKey) implements Seed004Message {}

  /** Server, to everyone, whenever someone joins or leaves: the signed directory. */
  record UserList(Map<String, DirectoryEntry> users) implements Seed004Message {
    public UserList {
      users = Map.copyOf(users);
    }
  }

  /**
   * One user in a {@link UserList}: {@code signature} is the server's textbook RSA signature over
   * SHA-256 of {@code publicKey}'s text; the name is not signed.
   */
  record DirectoryEntry(String username, String publicKey, byte[] signature) {}

  /**
   * A chat message: from a client, {@code sender} is empty; the server forwards it to the recipient
   * with the sender's registered name added.
   */
  record ChatMessage(String recipient, String encryptedPackage, Optional<String> sender)
      implements Seed004Message {
    public ChatMessage {
      Objects.requireNonNull(sender, "sender");
    }
  }

  /**
   * Server: a request it refused (an unknown recipient, a taken name). The seed's description has
   * no such message; the replica adds it so that a mistake is answered with a sentence.
   */
  record ErrorReply(String message) implements Seed004Message {}
}
