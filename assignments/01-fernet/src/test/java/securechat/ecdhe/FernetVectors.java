package securechat.ecdhe;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Named;

/**
 * The Fernet spec's test vectors, read from {@code src/test/resources/vectors/} (sources in {@code
 * vectors/SOURCES.md} there). Each case is named, so that it shows under its own name in the test
 * report: an invalid vector by its {@code desc}, the others by their message and time.
 */
final class FernetVectors {
  static final String GENERATE = "vectors/fernet-generate.json";
  static final String VERIFY = "vectors/fernet-verify.json";
  static final String INVALID = "vectors/fernet-invalid.json";

  private static final ObjectMapper JSON = new ObjectMapper();

  private FernetVectors() {}

  /** Every case of a vector file, named. */
  static Stream<Named<JsonNode>> cases(String resource) {
    JsonNode cases = load(resource);
    if (!cases.isArray() || cases.isEmpty()) {
      throw new IllegalStateException(resource + " has no cases");
    }
    return StreamSupport.stream(cases.spliterator(), false).map(v -> Named.of(nameOf(v), v));
  }

  private static String nameOf(JsonNode vector) {
    if (vector.has("desc")) {
      return vector.get("desc").asText();
    }
    return "src \"" + text(vector, "src") + "\" at " + text(vector, "now");
  }

  private static JsonNode load(String resource) {
    try (InputStream in = open(resource)) {
      if (in == null) {
        throw new IllegalStateException("no test vector file on the classpath: " + resource);
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream open(String resource) {
    InputStream in = FernetVectors.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource);
    }
    return in;
  }

  /** A required text field. */
  static String text(JsonNode vector, String field) {
    JsonNode value = vector.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalStateException("vector " + vector + " has no field " + field);
    }
    return value.asText();
  }

  static Fernet key(JsonNode vector) {
    return Fernet.fromBase64Url(text(vector, "secret"));
  }

  static byte[] src(JsonNode vector) {
    return text(vector, "src").getBytes(UTF_8);
  }

  /** The vectors write times as RFC 3339 with an offset, such as 1985-10-26T01:20:00-07:00. */
  static Instant now(JsonNode vector) {
    return OffsetDateTime.parse(text(vector, "now")).toInstant();
  }

  static Optional<Duration> ttl(JsonNode vector) {
    return vector.has("ttl_sec")
        ? Optional.of(Duration.ofSeconds(vector.get("ttl_sec").asLong()))
        : Optional.empty();
  }

  /** The IV is written as an array of 16 numbers. */
  static byte[] iv(JsonNode vector) {
    JsonNode numbers = vector.get("iv");
    byte[] iv = new byte[numbers.size()];
    for (int i = 0; i < iv.length; i++) {
      iv[i] = (byte) numbers.get(i).asInt();
    }
    return iv;
  }
}
