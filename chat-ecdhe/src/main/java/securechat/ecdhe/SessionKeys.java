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
 *
 * <p>The spec is {@code docs/protocol.md}, "The ecdhe handshake" (Keys, Key confirmation, Session
 * fingerprint); who seals with which key is in {@link EcdheSecurity}'s {@code accept} and {@code
 * connect}.
 */
final class SessionKeys {
  private static final byte[] INFO = "securechat-lab ecdhe v1".getBytes(StandardCharsets.US_ASCII);

  /** The Fernet key of the client's lines: the client seals with it, the server opens. */
  final byte[] clientToServer;

  /** The Fernet key of the server's lines: the server seals with it, the client opens. */
  final byte[] serverToClient;

  /** The HMAC-SHA256 key of the two ECDHE-FINISHED lines (see {@link EcdheHandshake}). */
  final byte[] confirm;

  /** H, the SHA-256 transcript hash of this handshake: the Finished MACs cover it. */
  final byte[] transcriptHash;

  /**
   * Splits the output keying material into the three 32-byte keys, in the order of the spec, and
   * keeps its own copy of the transcript hash (the caller's array is the caller's to change).
   *
   * @param okm the 96 bytes HKDF gave
   * @param transcriptHash H
   */
  private SessionKeys(byte[] okm, byte[] transcriptHash) {
    // BEGIN SOLUTION
    this.clientToServer = Arrays.copyOfRange(okm, 0, 32);
    this.serverToClient = Arrays.copyOfRange(okm, 32, 64);
    this.confirm = Arrays.copyOfRange(okm, 64, 96);
    this.transcriptHash = transcriptHash.clone();
    // END SOLUTION
  }

  /**
   * The key schedule: info is the ASCII label {@code securechat-lab ecdhe v1} followed by the 32
   * bytes of H, nothing in between; 96 bytes of output keying material come from {@link
   * Hkdf#sha256} (RFC 5869 §2.2 Extract with the salt, §2.3 Expand with the info).
   *
   * @param sharedSecret Z, the ECDH shared secret (32 bytes for X25519, 48 for P-384): HKDF's IKM
   * @param salt the 32 fresh random bytes of the server's {@code ECDHE-SERVER} line
   * @param transcriptHash H, which binds the keys to this handshake's messages
   */
  static SessionKeys derive(byte[] sharedSecret, byte[] salt, byte[] transcriptHash) {
    // BEGIN SOLUTION
    byte[] info = new byte[INFO.length + transcriptHash.length];
    System.arraycopy(INFO, 0, info, 0, INFO.length);
    System.arraycopy(transcriptHash, 0, info, INFO.length, transcriptHash.length);
    return new SessionKeys(Hkdf.sha256(salt, sharedSecret, info, 96), transcriptHash);
    // END SOLUTION
  }

  /**
   * A short name for this session that both sides compute and print, so two people can compare it
   * (as SSH users compare fingerprints): equal on both ends means no one sat in the middle.
   *
   * <p>The first 8 bytes of SHA-256 over the ASCII label {@code securechat-lab session} followed by
   * H, in lowercase hex, in four groups of four digits joined by {@code -}: {@code
   * 3f2a-91c0-77de-0b12}.
   */
  String fingerprint() {
    // BEGIN SOLUTION
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
    // END SOLUTION
  }

  @Override
  public String toString() {
    return "SessionKeys(session " + fingerprint() + ")";
  }
}
