package securechat.ecdhe;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import securechat.grader.Hint;
import securechat.grader.Points;

/**
 * The public tests of assignment 01-fernet: the spec's generate and verify vectors, and a round
 * trip. Passing them means the happy path works; the hidden tests then try to break your checks.
 */
class FernetSmokeTest {
  private static final String SPEC_KEY = "cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=";
  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

  static Stream<Named<JsonNode>> generate() {
    return FernetVectors.cases(FernetVectors.GENERATE);
  }

  static Stream<Named<JsonNode>> verify() {
    return FernetVectors.cases(FernetVectors.VERIFY);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("generate")
  @DisplayName("encrypt makes the token of the spec's generate vector, byte for byte")
  @Points(2)
  @Hint(
      "Fernet spec, Key Format, Token Format and Generating: which half of the key does what, the"
          + " order and size of the fields, what the HMAC covers, base64url with padding.")
  void encryptMakesTheTokenOfTheGenerateVector(JsonNode vector) {
    String made =
        FernetVectors.key(vector)
            .encrypt(
                FernetVectors.src(vector), FernetVectors.now(vector), FernetVectors.iv(vector));

    assertThat(made).isEqualTo(FernetVectors.text(vector, "token"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("verify")
  @DisplayName("decrypt returns the message of the spec's verify vector")
  @Points(2)
  @Hint("Fernet spec, Verifying: decode, check, then decrypt with the IV recorded in the token.")
  void decryptReturnsTheMessageOfTheVerifyVector(JsonNode vector) throws Exception {
    String token = FernetVectors.text(vector, "token");

    byte[] message =
        FernetVectors.key(vector)
            .decrypt(token, FernetVectors.now(vector), FernetVectors.ttl(vector));

    assertThat(message).isEqualTo(FernetVectors.src(vector));
  }

  @ParameterizedTest(name = "{0} bytes")
  @ValueSource(ints = {0, 1, 15, 16, 17, 100})
  @DisplayName("decrypt returns what encrypt was given, for messages of 0 to 100 bytes")
  @Points(2)
  @Hint(
      "PKCS #7 always adds 1 to 16 bytes of padding, even to an empty message or one of whole"
          + " blocks; the ciphertext is every byte between the IV and the HMAC.")
  void decryptReturnsWhatEncryptWasGiven(int length) throws Exception {
    Fernet fernet = Fernet.fromBase64Url(SPEC_KEY);
    byte[] message =
        "a line of chat, then some more of it. ".repeat(3).substring(0, length).getBytes(UTF_8);

    String token = fernet.encrypt(message, NOW);

    assertThat(fernet.decrypt(token, NOW, Optional.of(Duration.ofMinutes(1)))).isEqualTo(message);
  }
}
