package securechat.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Named;

/**
 * Published test vectors, read from JSON files under a module's {@code src/test/resources/vectors/}
 * (each listed with its source and licence in {@code vectors/SOURCES.md} there).
 *
 * <pre>{@code
 * static Stream<Named<JsonNode>> cases() {
 *   return Vectors.cases("vectors/rfc9106-argon2id.json");
 * }
 *
 * @ParameterizedTest
 * @MethodSource("cases")
 * void matchesThePublishedVector(JsonNode vector) { ... Vectors.hex(vector, "salt") ... }
 * }</pre>
 */
public final class Vectors {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Vectors() {}

  /** The whole file, as a JSON tree. */
  public static JsonNode load(String resource) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no test vector file on the classpath: " + resource);
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Every case of a vector file, named by its {@code name} (or {@code desc}) field so that each
   * appears under its own id in the test report. The cases are the file's top-level array, or its
   * {@code cases} array.
   */
  public static Stream<Named<JsonNode>> cases(String resource) {
    JsonNode root = load(resource);
    JsonNode cases = root.isArray() ? root : root.path("cases");
    if (!cases.isArray() || cases.isEmpty()) {
      throw new IllegalArgumentException(resource + " has no cases");
    }
    return StreamSupport.stream(cases.spliterator(), false)
        .map(vector -> Named.of(nameOf(vector), vector));
  }

  private static String nameOf(JsonNode vector) {
    return vector.hasNonNull("name") ? vector.get("name").asText() : vector.path("desc").asText();
  }

  /** A field holding hex, as bytes; a missing field is an error, never an empty array. */
  public static byte[] hex(JsonNode vector, String field) {
    return HexFormat.of().parseHex(text(vector, field));
  }

  /** A required text field. */
  public static String text(JsonNode vector, String field) {
    JsonNode value = vector.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("vector " + nameOf(vector) + " has no field " + field);
    }
    return value.asText();
  }
}
