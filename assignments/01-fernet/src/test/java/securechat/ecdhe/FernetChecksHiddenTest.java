// BEGIN HIDDEN TESTS
package securechat.ecdhe;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static securechat.ecdhe.FernetReference.IV;
import static securechat.ecdhe.FernetReference.KEY;
import static securechat.ecdhe.FernetReference.NOW;
import static securechat.ecdhe.FernetReference.OTHER_KEY;
import static securechat.ecdhe.FernetReference.T;
import static securechat.ecdhe.FernetReference.aes;
import static securechat.ecdhe.FernetReference.aesCbc;
import static securechat.ecdhe.FernetReference.aesCbcNoPadding;
import static securechat.ecdhe.FernetReference.encode;
import static securechat.ecdhe.FernetReference.message;
import static securechat.ecdhe.FernetReference.token;

import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import securechat.core.channel.RecordException;
import securechat.core.channel.RecordException.Reason;
import securechat.grader.Hint;
import securechat.grader.Points;

/**
 * Hidden tests of assignment 01-fernet, decrypt's checks: every mutation of a valid token, the HMAC
 * before the padding, the clock skew and the time-to-live at their edges, strict decoding. The
 * tokens are built by {@link FernetReference}.
 */
class FernetChecksHiddenTest {
  private static final Optional<Duration> NO_TTL = Optional.empty();

  /**
   * Three blocks that each end in 0x01, which is valid PKCS #7 padding: a token cut after any of
   * them still decrypts cleanly, so only the HMAC can tell that it was cut.
   */
  private static final byte[] MUTATION_MESSAGE =
      ("fifteen bytes..\u0001" + "fifteen more...\u0001" + "and a third 15.\u0001").getBytes(UTF_8);

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

  private static Optional<Duration> day() {
    return Optional.of(Duration.ofDays(1));
  }
}
// END HIDDEN TESTS
