// BEGIN HIDDEN TESTS
package securechat.ecdhe;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Fernet written out with the JDK's AES-CBC and HMAC-SHA256 (Fernet spec, Token Format), for the
 * hidden tests: they build the tokens they need here, independently of the code under test, so that
 * a test of decrypt does not depend on the student's encrypt. Hidden, as it is a solution of
 * encrypt.
 */
final class FernetReference {
  static final String SPEC_KEY = "cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=";
  static final byte[] KEY = Base64.getUrlDecoder().decode(SPEC_KEY);
  static final byte[] OTHER_KEY =
      HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f8f8e8d8c8b8a89888786858483828180");
  static final byte[] IV = HexFormat.of().parseHex("f0e1d2c3b4a5968778695a4b3c2d1e0f");
  static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
  static final long T = NOW.getEpochSecond();

  private FernetReference() {}

  /** Version ‖ Timestamp ‖ IV ‖ Ciphertext ‖ HMAC, the HMAC under the key's first half. */
  static byte[] token(byte[] key, int version, long timestamp, byte[] iv, byte[] ciphertext) {
    ByteBuffer token = ByteBuffer.allocate(1 + 8 + 16 + ciphertext.length + 32);
    token.put((byte) version).putLong(timestamp).put(iv).put(ciphertext);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, 0, 16, "HmacSHA256"));
      mac.update(token.array(), 0, token.position());
      token.put(mac.doFinal());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    return token.array();
  }

  static byte[] aesCbc(byte[] key, byte[] iv, byte[] message) {
    return cipher("AES/CBC/PKCS5Padding", key, iv, message);
  }

  static byte[] aesCbcNoPadding(byte[] key, byte[] iv, byte[] blocks) {
    return cipher("AES/CBC/NoPadding", key, iv, blocks);
  }

  private static byte[] cipher(String transformation, byte[] key, byte[] iv, byte[] input) {
    try {
      Cipher cipher = Cipher.getInstance(transformation);
      cipher.init(Cipher.ENCRYPT_MODE, aes(key), new IvParameterSpec(iv));
      return cipher.doFinal(input);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static SecretKeySpec aes(byte[] key) {
    return new SecretKeySpec(key, 16, 16, "AES");
  }

  static String encode(byte[] token) {
    return Base64.getUrlEncoder().encodeToString(token);
  }

  static byte[] message(int length) {
    byte[] message = new byte[length];
    for (int i = 0; i < length; i++) {
      message[i] = (byte) ('a' + i % 26);
    }
    return message;
  }
}
// END HIDDEN TESTS
