package securechat.ecdhe;

import static java.nio.charset.StandardCharsets.US_ASCII;

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
 * A Fernet key: authenticated encryption of one message into one URL-safe text token, as the Fernet
 * specification defines it (<a href="https://github.com/fernet/spec/blob/master/Spec.md">
 * fernet/spec, Spec.md</a>). AES-128-CBC encrypts, then HMAC-SHA256 authenticates the version, the
 * time, the IV and the ciphertext (encrypt-then-MAC). Tokens interoperate with Python's {@code
 * cryptography.fernet.Fernet} and the other implementations of the spec.
 *
 * <pre>{@code
 * Fernet fernet = Fernet.fromBase64Url("cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=");
 * String token = fernet.encrypt("hello".getBytes(UTF_8), Instant.now());
 * byte[] hello = fernet.decrypt(token, Instant.now(), Optional.of(Duration.ofMinutes(5)));
 * }</pre>
 *
 * <p><b>Protects:</b> the message's content from anyone without the key (confidentiality), and
 * every bit of the token, its time included, from change (integrity): a changed, cut or lengthened
 * token, or one made with another key, is refused before anything is decrypted. Tokens dated too
 * far in the future are refused, and with a time-to-live so are old ones.
 *
 * <p><b>Does not protect:</b> the message's length, which shows to within 16 bytes; the time a
 * token was made, which is in clear; against replay, since an authentic token decrypts every time
 * it is shown within its time-to-live (the ecdhe stage's sealer adds a sequence number for that);
 * nor does it say who made the key: anyone holding it can make tokens, so authenticating the peer
 * is the handshake's job.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class Fernet {
  /** Fernet spec, Key Format: a 128-bit signing key, then a 128-bit encryption key. */
  public static final int KEY_BYTES = 32;

  /**
   * How far in the future a token's time may lie and still be accepted, to allow for clocks that
   * disagree (Python's {@code cryptography} uses the same 60 seconds).
   */
  public static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(60);

  // Fernet spec, Token Format: Version ‖ Timestamp ‖ IV ‖ Ciphertext ‖ HMAC.
  private static final byte VERSION = (byte) 0x80;
  private static final int TIMESTAMP_BYTES = 8;
  private static final int IV_BYTES = 16;
  private static final int BLOCK_BYTES = 16;
  private static final int HMAC_BYTES = 32;
  private static final int HEADER_BYTES = 1 + TIMESTAMP_BYTES + IV_BYTES;
  // The ciphertext is never empty: PKCS #7 always adds at least one byte of padding.
  private static final int MIN_TOKEN_BYTES = HEADER_BYTES + BLOCK_BYTES + HMAC_BYTES;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec signingKey;
  private final SecretKeySpec encryptionKey;
  private final String fingerprint;

  /**
   * A Fernet key from its 32 raw bytes, which are copied (Fernet spec, Key Format: the first 16
   * bytes are the signing key, for HMAC-SHA256; the last 16 the encryption key, for AES-128).
   *
   * @throws IllegalArgumentException if the key is not {@link #KEY_BYTES} long
   */
  public Fernet(byte[] key) {
    Objects.requireNonNull(key, "key");
    fingerprint = HexFormat.of().formatHex(sha256(key), 0, 4);
    // BEGIN SOLUTION
    if (key.length != KEY_BYTES) {
      throw new IllegalArgumentException("key must be " + KEY_BYTES + " bytes, not " + key.length);
    }
    // Fernet spec, Key Format: Signing-key ‖ Encryption-key, 16 bytes each.
    signingKey = new SecretKeySpec(key, 0, 16, "HmacSHA256");
    encryptionKey = new SecretKeySpec(key, 16, 16, "AES");
    // END SOLUTION
  }

  /**
   * A Fernet key from its text form, base64url with padding: the spec's and Python's {@code
   * Fernet.generate_key()} format. The message of a failure never quotes the key.
   */
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

  /**
   * Encrypts a message into a token dated {@code now}, under a fresh random IV: one IV used twice
   * under a key shows which messages start alike.
   */
  public String encrypt(byte[] plaintext, Instant now) {
    // BEGIN SOLUTION
    byte[] iv = new byte[IV_BYTES];
    RANDOM.nextBytes(iv);
    return encrypt(plaintext, now, iv);
    // END SOLUTION
  }

  /**
   * Encrypts with a given IV: for the spec's vectors only, as a reused IV leaks equal prefixes.
   * Fernet spec, Generating: the message is padded with PKCS #7 and encrypted with AES-128-CBC
   * under the encryption key and the IV; the token is then
   *
   * <pre>
   * Version (0x80, 1 byte) ‖ Timestamp (8 bytes) ‖ IV (16 bytes) ‖ Ciphertext ‖ HMAC (32 bytes)
   * </pre>
   *
   * <p>where the timestamp is {@code now} in whole seconds since 1970 as an unsigned big-endian
   * number, and the HMAC is HMAC-SHA256, under the signing key, of every byte before it. The bytes
   * are written as base64url text with its {@code =} padding (Fernet spec, Token Format).
   *
   * @throws IllegalArgumentException if {@code now} is before 1970, or the IV is not 16 bytes
   */
  String encrypt(byte[] plaintext, Instant now, byte[] iv) {
    Objects.requireNonNull(plaintext, "plaintext");
    if (iv.length != IV_BYTES) {
      throw new IllegalArgumentException("iv must be " + IV_BYTES + " bytes, not " + iv.length);
    }
    // BEGIN SOLUTION
    // Fernet spec, Token Format: the timestamp is unsigned seconds since 1970.
    long timestamp = now.getEpochSecond();
    if (timestamp < 0) {
      throw new IllegalArgumentException("now must not be before 1970: " + now);
    }
    // Fernet spec, Generating, steps 3-4: pad with PKCS #7, then AES-128-CBC.
    byte[] ciphertext;
    try {
      ciphertext = aesCbc(Cipher.ENCRYPT_MODE, iv).doFinal(plaintext);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-CBC encryption with padding cannot fail", e);
    }
    ByteBuffer token = ByteBuffer.allocate(HEADER_BYTES + ciphertext.length + HMAC_BYTES);
    token.put(VERSION).putLong(timestamp).put(iv).put(ciphertext);
    // Fernet spec, Generating, step 5: HMAC-SHA256 over everything before it, signing key.
    token.put(hmac(token.array(), token.position()));
    // Fernet spec, Generating, step 6: base64url, with padding as the spec's vectors show.
    return Base64.getUrlEncoder().encodeToString(token.array());
    // END SOLUTION
  }

  /**
   * Checks and decrypts a token. The checks run in this order, so that no byte is decrypted before
   * the whole token is known to be authentic (Fernet spec, Verifying):
   *
   * <ol>
   *   <li>the text is base64url with its {@code =} padding (strict: text without the padding, or
   *       with characters outside the base64url alphabet, is refused), the first byte is version
   *       0x80, the token is long enough to hold at least one block of ciphertext, and the
   *       ciphertext is whole 16-byte blocks: else {@link Reason#MALFORMED};
   *   <li>the HMAC matches, compared in constant time: else {@link Reason#TAMPERED};
   *   <li>the time is no more than {@link #MAX_CLOCK_SKEW} ahead of {@code now} and, with a {@code
   *       ttl}, no more than {@code ttl} behind it (whole seconds; the timestamp is unsigned, so
   *       one with its top bit set lies far in the future): else {@link Reason#EXPIRED};
   *   <li>the padding is right, which can only fail with the right key: else {@link
   *       Reason#MALFORMED}.
   * </ol>
   *
   * @param ttl the greatest age a token may have, or empty to accept tokens of any age
   * @return the message, once every check has passed
   * @throws RecordException naming the first check that failed
   */
  public byte[] decrypt(String token, Instant now, Optional<Duration> ttl) throws RecordException {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(ttl, "ttl");
    ttl.ifPresent(Fernet::checkTtl);
    // BEGIN SOLUTION
    byte[] data = decodeAndCheckLayout(token);
    verifyHmac(data);
    // The spec checks the time-to-live before the HMAC; we check it after, so that EXPIRED is
    // only ever said of an authentic time. Either order refuses the same tokens.
    checkTime(ByteBuffer.wrap(data, 1, TIMESTAMP_BYTES).getLong(), now, ttl);
    // Fernet spec, Verifying, steps 6-7: decrypt with the recorded IV, then unpad.
    byte[] iv = Arrays.copyOfRange(data, 1 + TIMESTAMP_BYTES, HEADER_BYTES);
    try {
      return aesCbc(Cipher.DECRYPT_MODE, iv).doFinal(data, HEADER_BYTES, ciphertextLength(data));
    } catch (BadPaddingException e) {
      throw new RecordException(Reason.MALFORMED, "token has an authentic HMAC but bad padding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("whole blocks were checked above", e);
    }
    // END SOLUTION
  }

  /** Never the key: a short fingerprint, enough to tell two keys apart in a log. */
  @Override
  public String toString() {
    return "Fernet(key SHA-256 " + fingerprint + "…)";
  }

  private static void checkTtl(Duration ttl) {
    if (ttl.isNegative()) {
      throw new IllegalArgumentException("ttl must not be negative: " + ttl);
    }
  }

  // BEGIN SOLUTION
  private static byte[] decodeAndCheckLayout(String token) throws RecordException {
    // Fernet spec, Verifying, step 1. Like Python, we want the padding the spec's tokens carry:
    // Java's decoder would also take the text without it, so check the length first.
    if (token.length() % 4 != 0) {
      throw new RecordException(Reason.MALFORMED, "token is not padded base64url text");
    }
    byte[] data;
    try {
      data = Base64.getUrlDecoder().decode(token.getBytes(US_ASCII));
    } catch (IllegalArgumentException e) {
      throw new RecordException(Reason.MALFORMED, "token is not base64url: " + e.getMessage());
    }
    // Fernet spec, Verifying, step 2.
    if (data.length == 0 || data[0] != VERSION) {
      throw new RecordException(Reason.MALFORMED, "token does not start with version 0x80");
    }
    if (data.length < MIN_TOKEN_BYTES) {
      throw new RecordException(
          Reason.MALFORMED,
          "token is " + data.length + " bytes; the minimum is " + MIN_TOKEN_BYTES);
    }
    // Fernet spec, Token Format: the ciphertext is a whole number of 128-bit AES blocks.
    if (ciphertextLength(data) % BLOCK_BYTES != 0) {
      throw new RecordException(
          Reason.MALFORMED,
          "token's ciphertext is "
              + ciphertextLength(data)
              + " bytes, not a multiple of "
              + BLOCK_BYTES);
    }
    return data;
  }

  private void verifyHmac(byte[] data) throws RecordException {
    int signedLength = data.length - HMAC_BYTES;
    byte[] expected = hmac(data, signedLength);
    byte[] actual = Arrays.copyOfRange(data, signedLength, data.length);
    // Fernet spec, Verifying, step 5: compare in constant time, so the time taken does not
    // tell an attacker how many leading bytes of a forged HMAC were right.
    if (!MessageDigest.isEqual(expected, actual)) {
      throw new RecordException(Reason.TAMPERED, "token's HMAC does not match");
    }
  }

  /** Timestamps are unsigned 64-bit, so compare them unsigned: a set top bit is far future. */
  private static void checkTime(long timestamp, Instant now, Optional<Duration> ttl)
      throws RecordException {
    long nowSeconds = now.getEpochSecond();
    if (Long.compareUnsigned(timestamp, nowSeconds) > 0) {
      long aheadSeconds = timestamp - nowSeconds;
      if (Long.compareUnsigned(aheadSeconds, MAX_CLOCK_SKEW.toSeconds()) > 0) {
        throw new RecordException(
            Reason.EXPIRED,
            "token is dated "
                + Long.toUnsignedString(aheadSeconds)
                + " s in the future; the maximum clock skew is "
                + MAX_CLOCK_SKEW.toSeconds()
                + " s");
      }
      return;
    }
    // Fernet spec, Verifying, step 3: only when the caller asks for a maximum age.
    long ageSeconds = nowSeconds - timestamp;
    if (ttl.isPresent() && ageSeconds > ttl.get().toSeconds()) {
      throw new RecordException(
          Reason.EXPIRED,
          "token is " + ageSeconds + " s old; the time-to-live is " + ttl.get().toSeconds() + " s");
    }
  }

  private static int ciphertextLength(byte[] data) {
    return data.length - HEADER_BYTES - HMAC_BYTES;
  }

  /*
   * Getting a Cipher or a Mac from the JDK (a provider lookup by name, the AES key schedule, the
   * HMAC key's inner and outer pads) costs more than the work itself on a chat line: several times
   * more for 100 bytes. So each thread keeps one HMAC and one AES-CBC cipher per direction, made
   * once with this key; a Cipher or a Mac must never be used by two threads at once, and a thread
   * of its own each is the simplest way to be sure. (The ecdhe stage runs a thread per connection,
   * so in practice each connection has its own.)
   */
  private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newHmac);
  private final ThreadLocal<Cipher> encryptors = ThreadLocal.withInitial(Fernet::newAesCbc);
  private final ThreadLocal<Cipher> decryptors = ThreadLocal.withInitial(Fernet::newAesCbc);

  private byte[] hmac(byte[] data, int length) {
    Mac mac = macs.get();
    mac.update(data, 0, length);
    return mac.doFinal(); // and the Mac is ready again, with the same key
  }

  private Mac newHmac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(signingKey);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has HmacSHA256", e);
    }
  }

  /**
   * AES-128-CBC under the encryption key with a new IV, ready for one message. Initialising again
   * with the same key object reuses the key schedule already computed.
   */
  private Cipher aesCbc(int mode, byte[] iv) {
    Cipher cipher = (mode == Cipher.ENCRYPT_MODE ? encryptors : decryptors).get();
    try {
      cipher.init(mode, encryptionKey, new IvParameterSpec(iv));
      return cipher;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("a 16-byte AES key and IV are always accepted", e);
    }
  }

  /** AES-128-CBC; PKCS5Padding in the JDK is PKCS #7 on 16-byte blocks, as Fernet wants. */
  private static Cipher newAesCbc() {
    try {
      return Cipher.getInstance("AES/CBC/PKCS5Padding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has AES/CBC/PKCS5Padding", e);
    }
  }

  // END SOLUTION

  private static byte[] sha256(byte[] key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
