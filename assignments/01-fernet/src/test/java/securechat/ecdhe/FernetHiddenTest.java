package securechat.ecdhe;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import securechat.core.channel.RecordException;
import securechat.core.channel.RecordException.Reason;
import securechat.grader.Hint;
import securechat.grader.Points;

/**
 * The hidden tests of assignment 01-fernet: every vector of the spec, every mutation of a token,
 * the order of the checks, the time rules, strict decoding and the key's length. The tokens these
 * tests need are built here from the JDK's AES-CBC and HMAC-SHA256, independently of the code under
 * test, so that a test of decrypt does not depend on the student's encrypt.
 */
class FernetHiddenTest {
  private static final String SPEC_KEY = "cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=";
  private static final byte[] KEY = Base64.getUrlDecoder().decode(SPEC_KEY);
  private static final byte[] OTHER_KEY =
      HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f8f8e8d8c8b8a89888786858483828180");
  private static final byte[] IV = HexFormat.of().parseHex("f0e1d2c3b4a5968778695a4b3c2d1e0f");
  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
  private static final long T = NOW.getEpochSecond();
  private static final Optional<Duration> NO_TTL = Optional.empty();

  /**
   * Three blocks that each end in 0x01, which is valid PKCS #7 padding: a token cut after any of
   * them still decrypts cleanly, so only the HMAC can tell that it was cut.
   */
  private static final byte[] MUTATION_MESSAGE =
      ("fifteen bytes..\u0001" + "fifteen more...\u0001" + "and a third 15.\u0001").getBytes(UTF_8);

  // ---- the spec's invalid vectors

  static Stream<Named<JsonNode>> invalid() {
    return FernetVectors.cases(FernetVectors.INVALID);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  @DisplayName("every invalid token of the spec is refused, for the reason decrypt's Javadoc gives")
  @Points(2)
  @Hint(
      "Fernet spec, Verifying, and the order of the checks in decrypt's Javadoc: each failed"
          + " check has its RecordException.Reason.")
  void everyInvalidTokenOfTheSpecIsRefusedForItsReason(JsonNode vector) {
    String token = FernetVectors.text(vector, "token");
    Fernet fernet = FernetVectors.key(vector);

    assertThatThrownBy(
            () -> fernet.decrypt(token, FernetVectors.now(vector), FernetVectors.ttl(vector)))
        .isInstanceOfSatisfying(
            RecordException.class,
            e -> assertThat(e.reason()).isEqualTo(reasonOf(vector.get("desc").asText())));
  }

  /** What each invalid vector's description means in RecordException's reasons. */
  private static Reason reasonOf(String desc) {
    return switch (desc) {
      case "incorrect mac" -> Reason.TAMPERED;
      case "far-future TS (unacceptable clock skew)", "expired TTL" -> Reason.EXPIRED;
      // Both made with the right key: the HMAC holds and only the padding is wrong.
      case "payload padding error", "incorrect IV (causes padding error)" -> Reason.MALFORMED;
      case "too short", "invalid base64", "payload size not multiple of block size" ->
          Reason.MALFORMED;
      default -> throw new IllegalStateException("an invalid vector with no reason: " + desc);
    };
  }

  // ---- encrypt and decrypt against the spec and an independent computation

  record EncryptCase(byte[] key, byte[] message, Instant now, byte[] iv, String token) {}

  static Stream<Named<EncryptCase>> encryptCases() {
    List<Named<EncryptCase>> cases = new ArrayList<>();
    FernetVectors.cases(FernetVectors.GENERATE)
        .forEach(
            v -> {
              JsonNode vector = v.getPayload();
              byte[] key = Base64.getUrlDecoder().decode(FernetVectors.text(vector, "secret"));
              cases.add(
                  Named.of(
                      "spec generate vector " + v.getName(),
                      new EncryptCase(
                          key,
                          FernetVectors.src(vector),
                          FernetVectors.now(vector),
                          FernetVectors.iv(vector),
                          FernetVectors.text(vector, "token"))));
            });
    for (int length : new int[] {0, 1, 15, 16, 17, 32, 100}) {
      cases.add(encryptCase(length + "-byte message", KEY, message(length), NOW));
    }
    cases.add(encryptCase("another key", OTHER_KEY, message(5), NOW));
    cases.add(encryptCase("at 1970-01-01T00:00:00Z", KEY, message(5), Instant.EPOCH));
    cases.add(encryptCase("after 2038 (2^31 s)", KEY, message(5), Instant.ofEpochSecond(1L << 31)));
    cases.add(
        encryptCase(
            "after 2106 (2^32 + 1 s)", KEY, message(5), Instant.ofEpochSecond((1L << 32) + 1)));
    cases.add(
        encryptCase(
            "with 0.999999999 s past the second", KEY, message(5), NOW.plusNanos(999_999_999)));
    return cases.stream();
  }

  private static Named<EncryptCase> encryptCase(
      String name, byte[] key, byte[] message, Instant now) {
    String token = encode(token(key, 0x80, now.getEpochSecond(), IV, aesCbc(key, IV, message)));
    return Named.of(name, new EncryptCase(key, message, now, IV, token));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("encryptCases")
  @DisplayName(
      "encrypt makes, byte for byte, the spec's generate token and tokens computed independently"
          + " from AES-CBC and HMAC-SHA256 for many lengths, times and keys")
  @Points(2)
  @Hint(
      "Fernet spec, Token Format: the timestamp is 8 bytes, big-endian, whole seconds; PKCS #7"
          + " pads every message; the HMAC uses the first half of the key and covers every byte"
          + " before it.")
  void encryptMakesTheExpectedToken(EncryptCase c) {
    String made = new Fernet(c.key()).encrypt(c.message(), c.now(), c.iv());

    assertThat(made).isEqualTo(c.token());
  }

  record DecryptCase(
      byte[] key, String token, Instant now, Optional<Duration> ttl, byte[] message) {}

  static Stream<Named<DecryptCase>> decryptCases() {
    List<Named<DecryptCase>> cases = new ArrayList<>();
    FernetVectors.cases(FernetVectors.VERIFY)
        .forEach(
            v -> {
              JsonNode vector = v.getPayload();
              byte[] key = Base64.getUrlDecoder().decode(FernetVectors.text(vector, "secret"));
              cases.add(
                  Named.of(
                      "spec verify vector " + v.getName(),
                      new DecryptCase(
                          key,
                          FernetVectors.text(vector, "token"),
                          FernetVectors.now(vector),
                          FernetVectors.ttl(vector),
                          FernetVectors.src(vector))));
            });
    Optional<Duration> minute = Optional.of(Duration.ofMinutes(1));
    for (int length : new int[] {0, 1, 15, 16, 17, 32, 100}) {
      String token = encode(token(KEY, 0x80, T, IV, aesCbc(KEY, IV, message(length))));
      cases.add(
          Named.of(
              length + "-byte message, 60 s old, ttl 60 s",
              new DecryptCase(KEY, token, NOW.plusSeconds(60), minute, message(length))));
    }
    String other = encode(token(OTHER_KEY, 0x80, T, IV, aesCbc(OTHER_KEY, IV, message(20))));
    cases.add(Named.of("another key", new DecryptCase(OTHER_KEY, other, NOW, NO_TTL, message(20))));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("decryptCases")
  @DisplayName(
      "decrypt returns the message of the spec's verify token and of tokens computed"
          + " independently from AES-CBC and HMAC-SHA256")
  @Points(1)
  @Hint(
      "Fernet spec, Verifying: the IV is in the token, the ciphertext runs from after the IV to"
          + " the last 32 bytes, and the padding comes off after decryption.")
  void decryptReturnsTheMessage(DecryptCase c) throws Exception {
    byte[] message = new Fernet(c.key()).decrypt(c.token(), c.now(), c.ttl());

    assertThat(message).isEqualTo(c.message());
  }

  @Test
  @DisplayName("encrypt uses a fresh IV for each token")
  @Points(0.5)
  @Hint("Fernet spec, Generating: the IV is chosen at random for each token.")
  void encryptUsesAFreshIvEachTime() throws Exception {
    Fernet fernet = new Fernet(KEY);
    byte[] first = Base64.getUrlDecoder().decode(fernet.encrypt(message(16), NOW));
    byte[] second = Base64.getUrlDecoder().decode(fernet.encrypt(message(16), NOW));

    assertThat(Arrays.copyOfRange(first, 9, 25)).isNotEqualTo(Arrays.copyOfRange(second, 9, 25));
    assertThat(fernet.decrypt(encode(second), NOW, NO_TTL)).isEqualTo(message(16));
  }

  // ---- mutations of a valid token

  private static byte[] mutationToken() {
    if (MUTATION_MESSAGE.length != 3 * 16) {
      throw new IllegalStateException("the mutation message must be three whole blocks");
    }
    return token(KEY, 0x80, T, IV, aesCbc(KEY, IV, MUTATION_MESSAGE));
  }

  static IntStream everyBit() {
    return IntStream.range(0, mutationToken().length * 8);
  }

  @ParameterizedTest(name = "bit {0}")
  @MethodSource("everyBit")
  @DisplayName("a token with any one of its bits flipped is refused")
  @Points(2)
  @Hint(
      "Fernet spec, Verifying: the HMAC covers the version, the time, the IV and the ciphertext,"
          + " and must be checked, over the bytes as received, before anything else is trusted.")
  void everyBitFlipIsRefused(int bit) {
    byte[] data = mutationToken();
    data[bit / 8] ^= (byte) (1 << (bit % 8));
    String flipped = encode(data);
    Fernet fernet = new Fernet(KEY);

    assertThatThrownBy(() -> fernet.decrypt(flipped, NOW, Optional.of(Duration.ofDays(1))))
        .isInstanceOf(RecordException.class);
  }

  static Stream<Named<String>> cutOrLengthened() {
    byte[] data = mutationToken();
    String text = encode(data);
    Stream<Named<String>> bytes =
        IntStream.range(0, data.length)
            .mapToObj(n -> Named.of("first " + n + " bytes", encode(Arrays.copyOf(data, n))));
    Stream<Named<String>> chars =
        IntStream.range(0, text.length())
            .mapToObj(n -> Named.of("first " + n + " chars of the text", text.substring(0, n)));
    Stream<Named<String>> appended =
        IntStream.of(0x00, 0x01, 0x80, 0xff)
            .mapToObj(
                b -> {
                  byte[] longer = Arrays.copyOf(data, data.length + 1);
                  longer[data.length] = (byte) b;
                  return Named.of("one byte " + b + " appended", encode(longer));
                });
    return Stream.of(bytes, chars, appended).flatMap(s -> s);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cutOrLengthened")
  @DisplayName("a token cut short anywhere, or with one byte appended, is refused")
  @Points(1)
  @Hint(
      "Fernet spec, Token Format and Verifying: check the layout (length, whole blocks, padded"
          + " text), and remember that a cut token can still have valid padding.")
  void everyCutAndAnAppendedByteIsRefused(String token) {
    Fernet fernet = new Fernet(KEY);

    assertThatThrownBy(() -> fernet.decrypt(token, NOW, NO_TTL))
        .isInstanceOf(RecordException.class);
  }

  // ---- the HMAC is checked before decryption

  static Stream<Named<String>> tamperedWithBadPadding() throws Exception {
    // One block whose last byte is 0x00: never valid PKCS #7 padding.
    byte[] badPadding = aesCbcNoPadding(KEY, IV, new byte[16]);
    checkBadPadding(badPadding);
    byte[] zeroMac = token(KEY, 0x80, T, IV, badPadding);
    Arrays.fill(zeroMac, zeroMac.length - 32, zeroMac.length, (byte) 0);
    byte[] otherMac = token(OTHER_KEY, 0x80, T, IV, badPadding);
    byte[] paddingFlipped = mutationToken();
    // CBC: flipping a bit of the second-to-last block flips the same bit of the last plaintext
    // block, so its padding byte 0x10 becomes 0x11.
    paddingFlipped[paddingFlipped.length - 32 - 16 - 1] ^= 0x01;
    checkBadPadding(Arrays.copyOfRange(paddingFlipped, 25, paddingFlipped.length - 32));
    byte[] otherKey = token(OTHER_KEY, 0x80, T, IV, aesCbc(OTHER_KEY, IV, message(5)));
    return Stream.of(
        Named.of("an HMAC of zeros over a ciphertext with bad padding", encode(zeroMac)),
        Named.of("an HMAC under another key over a ciphertext with bad padding", encode(otherMac)),
        Named.of("a ciphertext bit flipped so that the padding breaks", encode(paddingFlipped)),
        Named.of("a whole token made under another key", encode(otherKey)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tamperedWithBadPadding")
  @DisplayName(
      "a token with a wrong HMAC is refused as tampered, even when its padding is wrong too")
  @Points(2)
  @Hint(
      "Fernet spec, Verifying, and decrypt's Javadoc: no byte is decrypted before the HMAC has"
          + " been checked; otherwise the reason given is a padding oracle.")
  void aWrongHmacIsFoundBeforeThePadding(String token) {
    Fernet fernet = new Fernet(KEY);

    assertThatThrownBy(() -> fernet.decrypt(token, NOW, NO_TTL))
        .isInstanceOfSatisfying(
            RecordException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TAMPERED));
  }

  // ---- time: clock skew and time-to-live

  record TimeCase(long timestamp, Instant now, Optional<Duration> ttl, boolean accepted) {}

  static Stream<Named<TimeCase>> clockSkew() {
    Optional<Duration> zero = Optional.of(Duration.ZERO);
    return Stream.of(
        Named.of("dated 60 s ahead", new TimeCase(T + 60, NOW, NO_TTL, true)),
        Named.of("dated 60 s ahead, ttl 0 s", new TimeCase(T + 60, NOW, zero, true)),
        Named.of("dated 61 s ahead", new TimeCase(T + 61, NOW, NO_TTL, false)),
        Named.of("dated 61 s ahead, ttl 1 day", new TimeCase(T + 61, NOW, day(), false)),
        Named.of("timestamp 2^63 (top bit set)", new TimeCase(Long.MIN_VALUE, NOW, NO_TTL, false)),
        Named.of("timestamp 2^64 - 1 (every bit set)", new TimeCase(-1L, NOW, NO_TTL, false)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clockSkew")
  @DisplayName("a token dated in the future is accepted up to the clock skew and refused beyond it")
  @Points(1)
  @Hint(
      "decrypt's Javadoc on MAX_CLOCK_SKEW: the limit itself is accepted, and the timestamp is an"
          + " unsigned number (Fernet spec, Token Format).")
  void clockSkewIsEnforced(TimeCase c) throws Exception {
    checkTime(c);
  }

  static Stream<Named<TimeCase>> timeToLive() {
    Optional<Duration> thirty = Optional.of(Duration.ofSeconds(30));
    Optional<Duration> zero = Optional.of(Duration.ZERO);
    Instant tenYearsOn = NOW.plus(Duration.ofDays(3653));
    return Stream.of(
        Named.of("30 s old, ttl 30 s", new TimeCase(T, NOW.plusSeconds(30), thirty, true)),
        Named.of("31 s old, ttl 30 s", new TimeCase(T, NOW.plusSeconds(31), thirty, false)),
        Named.of("0 s old, ttl 0 s", new TimeCase(T, NOW, zero, true)),
        Named.of("1 s old, ttl 0 s", new TimeCase(T, NOW.plusSeconds(1), zero, false)),
        Named.of("ten years old, no ttl", new TimeCase(T, tenYearsOn, NO_TTL, true)),
        Named.of("dated 1970, no ttl", new TimeCase(0, NOW, NO_TTL, true)),
        Named.of("dated 1970, ttl 1 day", new TimeCase(0, NOW, day(), false)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("timeToLive")
  @DisplayName("with a time-to-live, a token is accepted up to that age and refused beyond it")
  @Points(1)
  @Hint(
      "Fernet spec, Verifying, and decrypt's Javadoc: a token exactly as old as the ttl is"
          + " accepted; without a ttl, age does not matter.")
  void timeToLiveIsEnforced(TimeCase c) throws Exception {
    checkTime(c);
  }

  private static void checkTime(TimeCase c) throws Exception {
    String token = encode(token(KEY, 0x80, c.timestamp(), IV, aesCbc(KEY, IV, message(5))));
    Fernet fernet = new Fernet(KEY);
    if (c.accepted()) {
      assertThat(fernet.decrypt(token, c.now(), c.ttl())).isEqualTo(message(5));
    } else {
      assertThatThrownBy(() -> fernet.decrypt(token, c.now(), c.ttl()))
          .isInstanceOfSatisfying(
              RecordException.class, e -> assertThat(e.reason()).isEqualTo(Reason.EXPIRED));
    }
  }

  // ---- strict decoding and layout

  static Stream<Named<String>> malformed() {
    String oneBlock = encode(token(KEY, 0x80, T, IV, aesCbc(KEY, IV, message(5))));
    String spec =
        "gAAAAAAdwJ6wAAECAwQFBgcICQoLDA0ODy021cpGVWKZ_eEwCGM4BLLF_5CV9dOPmrhuVUPgJobwOz7J"
            + "cbmrR64jVmpU4IwqDA==";
    return Stream.of(
        Named.of("the '=' padding removed", oneBlock.replace("=", "")),
        Named.of("'-' and '_' written as '+' and '/'", spec.replace('-', '+').replace('_', '/')),
        Named.of("a line break at the end", oneBlock + "\n"),
        Named.of("an empty string", ""),
        Named.of(
            "version 0x81, correct HMAC",
            encode(token(KEY, 0x81, T, IV, aesCbc(KEY, IV, message(5))))),
        Named.of(
            "no ciphertext at all, correct HMAC", encode(token(KEY, 0x80, T, IV, new byte[0]))),
        Named.of(
            "20 bytes of ciphertext, correct HMAC", encode(token(KEY, 0x80, T, IV, new byte[20]))),
        Named.of("the version byte alone", encode(new byte[] {(byte) 0x80})));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  @DisplayName("text that is not a well-formed token is refused as malformed")
  @Points(1)
  @Hint(
      "decrypt's Javadoc, first check: strict base64url with padding, version 0x80, at least one"
          + " block of ciphertext, whole blocks. Java's URL decoder alone accepts text without"
          + " padding.")
  void aMalformedTokenIsRefused(String token) {
    Fernet fernet = new Fernet(KEY);

    assertThatThrownBy(() -> fernet.decrypt(token, NOW, NO_TTL))
        .isInstanceOfSatisfying(
            RecordException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
  }

  // ---- the key

  @ParameterizedTest(name = "{0} bytes")
  @ValueSource(ints = {0, 16, 31, 33, 64})
  @DisplayName("a key that is not 32 bytes long is refused")
  @Points(0.5)
  @Hint("Fernet spec, Key Format, and the constructor's Javadoc.")
  void aKeyOfTheWrongLengthIsRefused(int length) {
    assertThatThrownBy(() -> new Fernet(new byte[length]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // ---- the reference: Fernet written out with the JDK, for building test tokens

  /** Version ‖ Timestamp ‖ IV ‖ Ciphertext ‖ HMAC, the HMAC under the key's first half. */
  private static byte[] token(
      byte[] key, int version, long timestamp, byte[] iv, byte[] ciphertext) {
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

  /** The test is only fair if the ciphertext it uses really has bad padding. */
  private static void checkBadPadding(byte[] ciphertext) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
    cipher.init(Cipher.DECRYPT_MODE, aes(KEY), new IvParameterSpec(IV));
    try {
      cipher.doFinal(ciphertext);
    } catch (BadPaddingException expected) {
      return;
    }
    throw new IllegalStateException("the test's ciphertext has good padding");
  }

  private static byte[] aesCbc(byte[] key, byte[] iv, byte[] message) {
    return cipher("AES/CBC/PKCS5Padding", key, iv, message);
  }

  private static byte[] aesCbcNoPadding(byte[] key, byte[] iv, byte[] blocks) {
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

  private static SecretKeySpec aes(byte[] key) {
    return new SecretKeySpec(key, 16, 16, "AES");
  }

  private static String encode(byte[] token) {
    return Base64.getUrlEncoder().encodeToString(token);
  }

  private static byte[] message(int length) {
    byte[] message = new byte[length];
    for (int i = 0; i < length; i++) {
      message[i] = (byte) ('a' + i % 26);
    }
    return message;
  }

  private static Optional<Duration> day() {
    return Optional.of(Duration.ofDays(1));
  }
}
