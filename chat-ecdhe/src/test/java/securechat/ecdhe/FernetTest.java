package securechat.ecdhe;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import securechat.core.channel.RecordException;
import securechat.core.channel.RecordException.Reason;
import securechat.testkit.Vectors;

class FernetTest {
  private static final String SPEC_KEY = "cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=";
  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
  private static final Optional<Duration> NO_TTL = Optional.empty();

  private final Fernet fernet = Fernet.fromBase64Url(SPEC_KEY);
  private final String token = fernet.encrypt("a line of chat".getBytes(UTF_8), NOW);

  static Stream<Named<JsonNode>> generate() {
    return namedBySrcAndTime("vectors/fernet-generate.json");
  }

  static Stream<Named<JsonNode>> verify() {
    return namedBySrcAndTime("vectors/fernet-verify.json");
  }

  static Stream<Named<JsonNode>> invalid() {
    return Vectors.cases("vectors/fernet-invalid.json");
  }

  /**
   * The spec's generate and verify vectors have no name or desc, which {@code Vectors.cases} needs:
   * name them by their content.
   */
  private static Stream<Named<JsonNode>> namedBySrcAndTime(String resource) {
    JsonNode cases = Vectors.load(resource);
    return IntStream.range(0, cases.size())
        .mapToObj(cases::get)
        .map(v -> Named.of("src \"" + v.get("src").asText() + "\" at " + v.get("now").asText(), v));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("generate")
  void encryptMakesThePublishedToken(JsonNode vector) {
    Fernet key = Fernet.fromBase64Url(Vectors.text(vector, "secret"));

    String made = key.encrypt(src(vector), now(vector), iv(vector));

    assertThat(made).isEqualTo(Vectors.text(vector, "token"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("verify")
  void decryptGivesThePublishedPlaintext(JsonNode vector) throws Exception {
    Fernet key = Fernet.fromBase64Url(Vectors.text(vector, "secret"));

    byte[] plaintext = key.decrypt(Vectors.text(vector, "token"), now(vector), ttl(vector));

    assertThat(plaintext).isEqualTo(src(vector));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void decryptRefusesThePublishedInvalidToken(JsonNode vector) {
    Fernet key = Fernet.fromBase64Url(Vectors.text(vector, "secret"));
    String invalidToken = Vectors.text(vector, "token");

    assertThatThrownBy(() -> key.decrypt(invalidToken, now(vector), ttl(vector)))
        .isInstanceOfSatisfying(
            RecordException.class,
            e -> assertThat(e.reason()).isEqualTo(expectedReason(vector.get("desc").asText())));
  }

  /** What each invalid vector's description means in our reasons. */
  private static Reason expectedReason(String desc) {
    return switch (desc) {
      case "incorrect mac" -> Reason.TAMPERED;
      case "far-future TS (unacceptable clock skew)", "expired TTL" -> Reason.EXPIRED;
      // Both made with the right key, so the HMAC holds and only the padding is wrong.
      case "payload padding error", "incorrect IV (causes padding error)" -> Reason.MALFORMED;
      case "too short", "invalid base64", "payload size not multiple of block size" ->
          Reason.MALFORMED;
      default -> throw new AssertionError("a new invalid vector: say what it means: " + desc);
    };
  }

  @Test
  void decryptReturnsWhatEncryptWasGiven() throws Exception {
    assertThat(fernet.decrypt(token, NOW, NO_TTL)).asString(UTF_8).isEqualTo("a line of chat");
    assertThat(fernet.decrypt(fernet.encrypt(new byte[0], NOW), NOW, NO_TTL)).isEmpty();
  }

  @Test
  void encryptUsesAFreshIvEachTime() {
    byte[] first = Base64.getUrlDecoder().decode(fernet.encrypt(new byte[16], NOW));
    byte[] second = Base64.getUrlDecoder().decode(fernet.encrypt(new byte[16], NOW));

    assertThat(Arrays.copyOfRange(first, 9, 25)).isNotEqualTo(Arrays.copyOfRange(second, 9, 25));
  }

  static IntStream everyBit() {
    return IntStream.range(0, decoded(tokenForMutations()).length * 8);
  }

  @ParameterizedTest(name = "bit {0}")
  @MethodSource("everyBit")
  void decryptRefusesEveryBitFlip(int bit) {
    byte[] data = decoded(tokenForMutations());
    data[bit / 8] ^= (byte) (1 << (bit % 8));
    String flipped = Base64.getUrlEncoder().encodeToString(data);

    assertThatThrownBy(() -> fernet.decrypt(flipped, NOW, Optional.of(Duration.ofDays(1))))
        .isInstanceOf(RecordException.class);
  }

  static IntStream everyTruncation() {
    return IntStream.range(0, decoded(tokenForMutations()).length);
  }

  @ParameterizedTest(name = "first {0} bytes")
  @MethodSource("everyTruncation")
  void decryptRefusesEveryTruncation(int keptBytes) {
    byte[] data = Arrays.copyOf(decoded(tokenForMutations()), keptBytes);
    String truncated = Base64.getUrlEncoder().encodeToString(data);

    assertThatThrownBy(() -> fernet.decrypt(truncated, NOW, NO_TTL))
        .isInstanceOf(RecordException.class);
  }

  static IntStream everyTextTruncation() {
    return IntStream.range(0, tokenForMutations().length());
  }

  /** Cutting the text (not the bytes) must fail too, down to dropping only the "=" padding. */
  @ParameterizedTest(name = "first {0} chars")
  @MethodSource("everyTextTruncation")
  void decryptRefusesEveryTruncationOfTheText(int keptChars) {
    String truncated = tokenForMutations().substring(0, keptChars);

    assertThatThrownBy(() -> fernet.decrypt(truncated, NOW, NO_TTL))
        .isInstanceOf(RecordException.class);
  }

  @ParameterizedTest(name = "appended byte {0}")
  @ValueSource(ints = {0x00, 0x01, 0x80, 0xff})
  void decryptRefusesOneAppendedByte(int appended) {
    byte[] data = decoded(tokenForMutations());
    byte[] longer = Arrays.copyOf(data, data.length + 1);
    longer[data.length] = (byte) appended;
    String lengthened = Base64.getUrlEncoder().encodeToString(longer);

    assertThatThrownBy(() -> fernet.decrypt(lengthened, NOW, NO_TTL))
        .isInstanceOfSatisfying(
            RecordException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
  }

  @Test
  void decryptRefusesATokenUnderAnotherKeyAsTampered() {
    Fernet other = new Fernet(new byte[Fernet.KEY_BYTES]);

    assertThatThrownBy(() -> other.decrypt(token, NOW, NO_TTL))
        .isInstanceOfSatisfying(
            RecordException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TAMPERED))
        .hasMessage("token's HMAC does not match");
  }

  @Test
  void decryptAcceptsATokenDated59SecondsInTheFuture() throws Exception {
    String fromAFastClock = fernet.encrypt("early".getBytes(UTF_8), NOW.plusSeconds(59));

    assertThat(fernet.decrypt(fromAFastClock, NOW, NO_TTL)).asString(UTF_8).isEqualTo("early");
  }

  @Test
  void decryptRefusesATokenDated61SecondsInTheFuture() {
    String fromAFastClock = fernet.encrypt("early".getBytes(UTF_8), NOW.plusSeconds(61));

    assertThatThrownBy(() -> fernet.decrypt(fromAFastClock, NOW, NO_TTL))
        .isInstanceOfSatisfying(
            RecordException.class, e -> assertThat(e.reason()).isEqualTo(Reason.EXPIRED))
        .hasMessage("token is dated 61 s in the future; the maximum clock skew is 60 s");
  }

  @Test
  void decryptAcceptsATokenExactlyAsOldAsTheTtl() throws Exception {
    Optional<Duration> ttl = Optional.of(Duration.ofSeconds(30));

    assertThat(fernet.decrypt(token, NOW.plusSeconds(30), ttl)).isNotEmpty();
  }

  @Test
  void decryptRefusesATokenOlderThanTheTtl() {
    Optional<Duration> ttl = Optional.of(Duration.ofSeconds(30));

    assertThatThrownBy(() -> fernet.decrypt(token, NOW.plusSeconds(31), ttl))
        .isInstanceOfSatisfying(
            RecordException.class, e -> assertThat(e.reason()).isEqualTo(Reason.EXPIRED))
        .hasMessage("token is 31 s old; the time-to-live is 30 s");
  }

  @Test
  void withoutATtlAnOldTokenIsAccepted() throws Exception {
    assertThat(fernet.decrypt(token, NOW.plus(Duration.ofDays(3650)), NO_TTL)).isNotEmpty();
  }

  @Test
  void decryptRefusesTextWithoutThePadding() {
    String unpadded = fernet.encrypt(new byte[1], NOW).replace("=", "");

    assertThatThrownBy(() -> fernet.decrypt(unpadded, NOW, NO_TTL))
        .isInstanceOfSatisfying(
            RecordException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
  }

  @ParameterizedTest(name = "{0} bytes")
  @ValueSource(ints = {0, 16, 31, 33, 64})
  void aKeyMustBe32Bytes(int length) {
    assertThatThrownBy(() -> new Fernet(new byte[length]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("key must be 32 bytes, not " + length);
  }

  @Test
  void theKeyIsCopied() throws Exception {
    byte[] key = Base64.getUrlDecoder().decode(SPEC_KEY);
    Fernet copied = new Fernet(key);
    Arrays.fill(key, (byte) 0);

    assertThat(copied.decrypt(token, NOW, NO_TTL)).asString(UTF_8).isEqualTo("a line of chat");
  }

  @Test
  void aKeyTextThatIsNotBase64UrlIsRefusedWithoutQuotingIt() {
    assertThatThrownBy(() -> Fernet.fromBase64Url("secret+key/with#bad=chars"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("key is not base64url text (25 chars)");
  }

  @Test
  void toStringShowsAFingerprintAndNeverTheKey() {
    byte[] key = Base64.getUrlDecoder().decode(SPEC_KEY);

    assertThat(fernet.toString())
        .matches("Fernet\\(key SHA-256 [0-9a-f]{8}…\\)")
        .doesNotContain(SPEC_KEY)
        .doesNotContain(HexFormat.of().formatHex(key, 0, 4))
        .doesNotContain(HexFormat.of().formatHex(key, 16, 20));
    assertThat(new Fernet(new byte[32]).toString()).isNotEqualTo(fernet.toString());
  }

  @Test
  void encryptRefusesATimeBefore1970() {
    assertThatThrownBy(() -> fernet.encrypt(new byte[1], Instant.EPOCH.minusSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("now must not be before 1970");
  }

  /** Two blocks of ciphertext, so mutations reach a middle block as well as the last. */
  private static String tokenForMutations() {
    Fernet key = Fernet.fromBase64Url(SPEC_KEY);
    return key.encrypt("seventeen bytes!!".getBytes(UTF_8), NOW, new byte[16]);
  }

  private static byte[] decoded(String token) {
    return Base64.getUrlDecoder().decode(token);
  }

  private static byte[] src(JsonNode vector) {
    return Vectors.text(vector, "src").getBytes(UTF_8);
  }

  private static Instant now(JsonNode vector) {
    return OffsetDateTime.parse(Vectors.text(vector, "now")).toInstant();
  }

  private static Optional<Duration> ttl(JsonNode vector) {
    return vector.has("ttl_sec")
        ? Optional.of(Duration.ofSeconds(vector.get("ttl_sec").asLong()))
        : Optional.empty();
  }

  private static byte[] iv(JsonNode vector) {
    byte[] iv = new byte[vector.get("iv").size()];
    for (int i = 0; i < iv.length; i++) {
      iv[i] = (byte) vector.get("iv").get(i).asInt();
    }
    return iv;
  }
}
