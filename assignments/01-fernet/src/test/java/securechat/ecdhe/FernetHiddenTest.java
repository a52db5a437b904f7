// BEGIN HIDDEN TESTS
package securechat.ecdhe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static securechat.ecdhe.FernetReference.IV;
import static securechat.ecdhe.FernetReference.KEY;
import static securechat.ecdhe.FernetReference.NOW;
import static securechat.ecdhe.FernetReference.OTHER_KEY;
import static securechat.ecdhe.FernetReference.T;
import static securechat.ecdhe.FernetReference.aesCbc;
import static securechat.ecdhe.FernetReference.encode;
import static securechat.ecdhe.FernetReference.message;
import static securechat.ecdhe.FernetReference.token;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
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
 * Hidden tests of assignment 01-fernet, the vectors: every vector of the spec, encrypt and decrypt
 * against tokens computed independently ({@link FernetReference}), a fresh IV, the key's length.
 */
class FernetHiddenTest {
  private static final Optional<Duration> NO_TTL = Optional.empty();

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
}
// END HIDDEN TESTS
