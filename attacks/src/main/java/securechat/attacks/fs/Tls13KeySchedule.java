package securechat.attacks.fs;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The part of the TLS 1.3 key schedule (RFC 8446 §7.1) that turns an (EC)DHE shared secret and the
 * two hellos into the server's handshake traffic key, and the record decryption (§5.2, §5.3) that
 * tests it on the server's first encrypted record. An attacker with a candidate shared secret runs
 * exactly this: if the record's AEAD tag checks, the candidate was the session's secret.
 *
 * <pre>
 *   early     = HKDF-Extract(0, 0)                          no PSK
 *   handshake = HKDF-Extract(Derive-Secret(early, "derived", ""), shared secret)
 *   s_hs      = Derive-Secret(handshake, "s hs traffic", ClientHello || ServerHello)
 *   key, iv   = HKDF-Expand-Label(s_hs, "key" | "iv", "", length)
 *   record 0  = AEAD-Open(key, nonce = iv XOR 0, aad = record header, body)
 * </pre>
 */
final class Tls13KeySchedule {
  /** One TLS 1.3 cipher suite (RFC 8446 §B.4): its hash, AEAD and key length. */
  enum Suite {
    AES_128_GCM_SHA256(0x1301, "SHA-256", "AES/GCM/NoPadding", 16),
    AES_256_GCM_SHA384(0x1302, "SHA-384", "AES/GCM/NoPadding", 32),
    CHACHA20_POLY1305_SHA256(0x1303, "SHA-256", "ChaCha20-Poly1305", 32);

    final int code;
    final String hash;
    final String cipher;
    final int keyBytes;

    Suite(int code, String hash, String cipher, int keyBytes) {
      this.code = code;
      this.hash = hash;
      this.cipher = cipher;
      this.keyBytes = keyBytes;
    }

    static Optional<Suite> of(int code) {
      return Arrays.stream(values()).filter(suite -> suite.code == code).findFirst();
    }

    String mac() {
      return "Hmac" + hash.replace("-", "");
    }

    int hashBytes() {
      return hash.equals("SHA-384") ? 48 : 32;
    }
  }

  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private Tls13KeySchedule() {}

  /** RFC 8446 §7.1: the server's handshake traffic secret for {@code sharedSecret}. */
  static byte[] serverHandshakeTrafficSecret(
      Suite suite, byte[] sharedSecret, byte[] clientHello, byte[] serverHello)
      throws GeneralSecurityException {
    byte[] zeros = new byte[suite.hashBytes()];
    byte[] early = extract(suite, zeros, zeros);
    byte[] derived = deriveSecret(suite, early, "derived", new byte[0]);
    byte[] handshake = extract(suite, derived, sharedSecret);
    return deriveSecret(suite, handshake, "s hs traffic", concat(clientHello, serverHello));
  }

  /** RFC 8446 §7.3: the write key of a traffic secret. */
  static byte[] key(Suite suite, byte[] trafficSecret) throws GeneralSecurityException {
    return expandLabel(suite, trafficSecret, "key", new byte[0], suite.keyBytes);
  }

  /** RFC 8446 §7.3: the write IV of a traffic secret. */
  static byte[] iv(Suite suite, byte[] trafficSecret) throws GeneralSecurityException {
    return expandLabel(suite, trafficSecret, "iv", new byte[0], IV_BYTES);
  }

  /**
   * Opens the first record a side sent under {@code trafficSecret} (sequence number 0, so the nonce
   * is the IV itself, RFC 8446 §5.3).
   *
   * @return the record's inner plaintext if its tag checks; empty if the secret is not the one
   */
  static Optional<byte[]> openFirstRecord(Suite suite, byte[] trafficSecret, byte[] record)
      throws GeneralSecurityException {
    byte[] key = key(suite, trafficSecret);
    byte[] nonce = iv(suite, trafficSecret);
    Cipher cipher = Cipher.getInstance(suite.cipher);
    SecretKeySpec keySpec =
        new SecretKeySpec(key, suite.cipher.startsWith("AES") ? "AES" : "ChaCha20");
    if (suite.cipher.startsWith("AES")) {
      cipher.init(Cipher.DECRYPT_MODE, keySpec, new GCMParameterSpec(TAG_BITS, nonce));
    } else {
      cipher.init(Cipher.DECRYPT_MODE, keySpec, new IvParameterSpec(nonce));
    }
    cipher.updateAAD(record, 0, 5); // RFC 8446 §5.2: the additional data is the record header
    try {
      return Optional.of(cipher.doFinal(record, 5, record.length - 5));
    } catch (javax.crypto.AEADBadTagException wrongKey) {
      return Optional.empty();
    }
  }

  /** RFC 5869 §2.2 HKDF-Extract. */
  private static byte[] extract(Suite suite, byte[] salt, byte[] ikm)
      throws GeneralSecurityException {
    Mac hmac = Mac.getInstance(suite.mac());
    hmac.init(new SecretKeySpec(salt, suite.mac()));
    return hmac.doFinal(ikm);
  }

  /** RFC 8446 §7.1 Derive-Secret: HKDF-Expand-Label over the transcript hash of messages. */
  private static byte[] deriveSecret(Suite suite, byte[] secret, String label, byte[] messages)
      throws GeneralSecurityException {
    byte[] transcriptHash = MessageDigest.getInstance(suite.hash).digest(messages);
    return expandLabel(suite, secret, label, transcriptHash, suite.hashBytes());
  }

  /** RFC 8446 §7.1 HKDF-Expand-Label: HKDF-Expand with the HkdfLabel structure as info. */
  static byte[] expandLabel(Suite suite, byte[] secret, String label, byte[] context, int length)
      throws GeneralSecurityException {
    byte[] fullLabel = ("tls13 " + label).getBytes(StandardCharsets.US_ASCII);
    ByteArrayOutputStream info = new ByteArrayOutputStream();
    info.write(length >> 8);
    info.write(length);
    info.write(fullLabel.length);
    info.writeBytes(fullLabel);
    info.write(context.length);
    info.writeBytes(context);
    return expand(suite, secret, info.toByteArray(), length);
  }

  /** RFC 5869 §2.3 HKDF-Expand: T(1) || T(2) || ..., T(i) = HMAC(PRK, T(i-1) || info || i). */
  private static byte[] expand(Suite suite, byte[] prk, byte[] info, int length)
      throws GeneralSecurityException {
    Mac hmac = Mac.getInstance(suite.mac());
    hmac.init(new SecretKeySpec(prk, suite.mac()));
    ByteArrayOutputStream okm = new ByteArrayOutputStream();
    byte[] previous = new byte[0];
    for (int i = 1; okm.size() < length; i++) {
      hmac.update(previous);
      hmac.update(info);
      hmac.update((byte) i);
      previous = hmac.doFinal();
      okm.writeBytes(previous);
    }
    return Arrays.copyOf(okm.toByteArray(), length);
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] both = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }
}
