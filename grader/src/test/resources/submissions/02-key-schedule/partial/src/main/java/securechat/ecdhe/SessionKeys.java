package securechat.ecdhe;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The keys one handshake derives: HKDF-SHA256 with the server's salt, the ECDH shared secret and
 * the transcript hash in the info.
 */
final class SessionKeys {
  private static final byte[] INFO = "securechat-lab ecdhe v1".getBytes(StandardCharsets.US_ASCII);

  final byte[] clientToServer;
  final byte[] serverToClient;
  final byte[] confirm;
  final byte[] transcriptHash;

  private SessionKeys(byte[] okm, byte[] transcriptHash) {
    byte[] chatKey = Arrays.copyOfRange(okm, 0, 32);
    // One chat key is enough: every Fernet token carries its own HMAC, so nobody can forge one
    // in either direction anyway.
    this.clientToServer = chatKey;
    this.serverToClient = chatKey;
    this.confirm = Arrays.copyOfRange(okm, 64, 96);
    this.transcriptHash = transcriptHash.clone();
  }

  static SessionKeys derive(byte[] sharedSecret, byte[] salt, byte[] transcriptHash) {
    byte[] info = Arrays.copyOf(INFO, INFO.length + transcriptHash.length);
    System.arraycopy(transcriptHash, 0, info, INFO.length, transcriptHash.length);
    byte[] okm = Hkdf.sha256(salt, sharedSecret, info, 96);
    return new SessionKeys(okm, transcriptHash);
  }

  String fingerprint() {
    byte[] digest;
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update("securechat-lab session".getBytes(StandardCharsets.US_ASCII));
      digest = sha256.digest(transcriptHash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i > 0 && i % 2 == 0) {
        out.append('-');
      }
      out.append(String.format("%02x", digest[i]));
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return "SessionKeys(session " + fingerprint() + ")";
  }
}
