package securechat.attacks.fs;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import securechat.core.channel.RecordException;
import securechat.ecdhe.Fernet;
import securechat.ecdhe.Hkdf;

/**
 * The ecdhe stage's session keys and tokens as an attacker computes them (docs/protocol.md, "The
 * ecdhe handshake"): HKDF-SHA256 from the shared secret, and a Fernet token whose plaintext is an
 * 8-byte sequence number and a chat line.
 */
final class EcdheTokens {
  private static final byte[] INFO = "securechat-lab ecdhe v1".getBytes(StandardCharsets.US_ASCII);
  private static final int SEQUENCE_BYTES = 8;

  private EcdheTokens() {}

  /**
   * OKM = HKDF-SHA256(SALT, Z, "securechat-lab ecdhe v1" || H, 96): the client→server Fernet key,
   * the server→client one and the key-confirmation key, 32 bytes each.
   */
  static byte[] okm(byte[] sharedSecret, EcdheTranscript transcript) {
    byte[] hash = transcript.transcriptHash();
    byte[] info = Arrays.copyOf(INFO, INFO.length + hash.length);
    System.arraycopy(hash, 0, info, INFO.length, hash.length);
    return Hkdf.sha256(transcript.salt(), sharedSecret, info, 96);
  }

  /** The client→server Fernet key, OKM[0..32), that a candidate shared secret gives. */
  static Fernet clientToServerKey(byte[] sharedSecret, EcdheTranscript transcript) {
    return new Fernet(Arrays.copyOf(okm(sharedSecret, transcript), Fernet.KEY_BYTES));
  }

  /**
   * The chat line inside {@code token} if {@code key} made it. The token's own time is taken as
   * "now", so that a recording can be opened whenever it is attacked.
   */
  static Optional<String> open(Fernet key, String token) {
    try {
      byte[] raw = Base64.getUrlDecoder().decode(token);
      Instant made = Instant.ofEpochSecond(ByteBuffer.wrap(raw, 1, 8).getLong());
      byte[] plaintext = key.decrypt(token, made, Optional.empty());
      return Optional.of(
          new String(
              plaintext,
              SEQUENCE_BYTES,
              plaintext.length - SEQUENCE_BYTES,
              StandardCharsets.UTF_8));
    } catch (RecordException | IllegalArgumentException | IndexOutOfBoundsException e) {
      return Optional.empty();
    }
  }
}
