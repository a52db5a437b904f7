package securechat.ecdhe;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The keys one handshake derives, one per purpose: RFC 5869 HKDF-SHA256 with the server's fresh
 * salt, the ECDH shared secret as input key material, and the transcript hash in the info, so that
 * keys are bound to this very handshake.
 *
 * <pre>
 *   OKM = HKDF-SHA256(salt, Z, "securechat-lab ecdhe v1" || H, 96 bytes)
 *   client→server Fernet key = OKM[0..32)   server→client Fernet key = OKM[32..64)
 *   key-confirmation key     = OKM[64..96)
 * </pre>
 *
 * <p>Separate keys per direction mean a token the server sent cannot be reflected back to it as if
 * the client had sent it: it would not verify. {@link #toString()} shows only a fingerprint.
 */
final class SessionKeys {
  private static final byte[] INFO = "securechat-lab ecdhe v1".getBytes(StandardCharsets.US_ASCII);

  final byte[] clientToServer;
  final byte[] serverToClient;
  final byte[] confirm;
  final byte[] transcriptHash;

  private SessionKeys(byte[] okm, byte[] transcriptHash) {
    this.clientToServer = Arrays.copyOfRange(okm, 0, 32);
    this.serverToClient = Arrays.copyOfRange(okm, 32, 64);
    this.confirm = Arrays.copyOfRange(okm, 64, 96);
    this.transcriptHash = transcriptHash.clone();
  }

  static SessionKeys derive(byte[] sharedSecret, byte[] salt, byte[] transcriptHash) {
    byte[] info = new byte[INFO.length + transcriptHash.length];
    System.arraycopy(INFO, 0, info, 0, INFO.length);
    System.arraycopy(transcriptHash, 0, info, INFO.length, transcriptHash.length);
    return new SessionKeys(Hkdf.sha256(salt, sharedSecret, info, 96), transcriptHash);
  }

  /**
   * A short name for this session that both sides compute and print, so two people can compare it
   * (as SSH users compare fingerprints): equal on both ends means no one sat in the middle.
   */
  String fingerprint() {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update("securechat-lab session".getBytes(StandardCharsets.US_ASCII));
      String hex = HexFormat.of().formatHex(sha256.digest(transcriptHash), 0, 8);
      return hex.substring(0, 4)
          + "-"
          + hex.substring(4, 8)
          + "-"
          + hex.substring(8, 12)
          + "-"
          + hex.substring(12, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return "SessionKeys(session " + fingerprint() + ")";
  }
}
