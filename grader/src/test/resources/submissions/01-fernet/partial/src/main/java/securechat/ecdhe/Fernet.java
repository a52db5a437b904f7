package securechat.ecdhe;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import securechat.core.channel.RecordException;
import securechat.core.channel.RecordException.Reason;

/**
 * A Fernet key: authenticated encryption of one message into one URL-safe text token (planted
 * partial submission for the grader's tests: encrypt is right, decrypt never checks the HMAC).
 */
public final class Fernet {
  public static final int KEY_BYTES = 32;

  public static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(60);

  private static final byte VERSION = (byte) 0x80;
  private static final int TIMESTAMP_BYTES = 8;
  private static final int IV_BYTES = 16;
  private static final int BLOCK_BYTES = 16;
  private static final int HMAC_BYTES = 32;
  private static final int HEADER_BYTES = 1 + TIMESTAMP_BYTES + IV_BYTES;
  private static final int MIN_TOKEN_BYTES = HEADER_BYTES + BLOCK_BYTES + HMAC_BYTES;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec signingKey;
  private final SecretKeySpec encryptionKey;
  private final String fingerprint;

  public Fernet(byte[] key) {
    Objects.requireNonNull(key, "key");
    fingerprint = HexFormat.of().formatHex(sha256(key), 0, 4);
    if (key.length != KEY_BYTES) {
      throw new IllegalArgumentException("key must be 32 bytes, not " + key.length);
    }
    signingKey = new SecretKeySpec(Arrays.copyOfRange(key, 0, 16), "HmacSHA256");
    encryptionKey = new SecretKeySpec(Arrays.copyOfRange(key, 16, 32), "AES");
  }

  public static Fernet fromBase64Url(String key) {
    Objects.requireNonNull(key, "key");
    byte[] raw;
    try {
      raw = Base64.getUrlDecoder().decode(key);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("key is not base64url text (" + key.length() + " chars)");
    }
    return new Fernet(raw);
  }

  public String encrypt(byte[] plaintext, Instant now) {
    byte[] iv = new byte[IV_BYTES];
    RANDOM.nextBytes(iv);
    return encrypt(plaintext, now, iv);
  }

  String encrypt(byte[] plaintext, Instant now, byte[] iv) {
    Objects.requireNonNull(plaintext, "plaintext");
    if (iv.length != IV_BYTES) {
      throw new IllegalArgumentException("iv must be " + IV_BYTES + " bytes, not " + iv.length);
    }
    if (now.getEpochSecond() < 0) {
      throw new IllegalArgumentException("now must not be before 1970: " + now);
    }
    try {
      Cipher aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
      aes.init(Cipher.ENCRYPT_MODE, encryptionKey, new IvParameterSpec(iv));
      byte[] ciphertext = aes.doFinal(plaintext);
      ByteBuffer token = ByteBuffer.allocate(HEADER_BYTES + ciphertext.length + HMAC_BYTES);
      token.put(VERSION).putLong(now.getEpochSecond()).put(iv).put(ciphertext);
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(signingKey);
      mac.update(token.array(), 0, token.position());
      token.put(mac.doFinal());
      return Base64.getUrlEncoder().encodeToString(token.array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public byte[] decrypt(String token, Instant now, Optional<Duration> ttl) throws RecordException {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(ttl, "ttl");
    ttl.ifPresent(Fernet::checkTtl);
    if (token.length() % 4 != 0) {
      throw new RecordException(Reason.MALFORMED, "token is not padded");
    }
    byte[] data;
    try {
      data = Base64.getUrlDecoder().decode(token);
    } catch (IllegalArgumentException e) {
      throw new RecordException(Reason.MALFORMED, "token is not base64url");
    }
    if (data.length < MIN_TOKEN_BYTES || data[0] != VERSION) {
      throw new RecordException(Reason.MALFORMED, "not a Fernet token");
    }
    int ciphertextLength = data.length - HEADER_BYTES - HMAC_BYTES;
    if (ciphertextLength % BLOCK_BYTES != 0) {
      throw new RecordException(Reason.MALFORMED, "ciphertext is not whole blocks");
    }
    // The HMAC: if the token was changed, the padding will be wrong anyway.
    long timestamp = ByteBuffer.wrap(data, 1, TIMESTAMP_BYTES).getLong();
    long nowSeconds = now.getEpochSecond();
    if (Long.compareUnsigned(timestamp, nowSeconds + MAX_CLOCK_SKEW.toSeconds()) > 0) {
      throw new RecordException(Reason.EXPIRED, "token is from the future");
    }
    if (ttl.isPresent() && timestamp < nowSeconds - ttl.get().toSeconds()) {
      throw new RecordException(Reason.EXPIRED, "token is too old");
    }
    try {
      Cipher aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
      byte[] iv = Arrays.copyOfRange(data, 1 + TIMESTAMP_BYTES, HEADER_BYTES);
      aes.init(Cipher.DECRYPT_MODE, encryptionKey, new IvParameterSpec(iv));
      return aes.doFinal(data, HEADER_BYTES, ciphertextLength);
    } catch (BadPaddingException e) {
      throw new RecordException(Reason.MALFORMED, "bad padding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "Fernet(key SHA-256 " + fingerprint + "…)";
  }

  private static void checkTtl(Duration ttl) {
    if (ttl.isNegative()) {
      throw new IllegalArgumentException("ttl must not be negative: " + ttl);
    }
  }

  private static byte[] sha256(byte[] key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
