package securechat.e2e.legacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import securechat.core.protocol.ProtocolException;

/**
 * The JSON rules every seed 004 object follows: one object per text, fields in a fixed order, no
 * spaces, binary values as standard base64 with padding (RFC 4648 §4). Reading is strict: trailing
 * text, a repeated field, a missing field or a field of the wrong type is refused with a sentence.
 */
final class Seed004Json {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  private Seed004Json() {}

  /** An empty object to fill, field by field, in the order they should be written. */
  static ObjectNode newObject() {
    return MAPPER.createObjectNode();
  }

  /** The object as compact JSON text. */
  static String write(ObjectNode object) {
    try {
      return MAPPER.writeValueAsString(object);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings and booleans always writes", e);
    }
  }

  /**
   * Parses one JSON object.
   *
   * @param what names the text in the error sentence, e.g. "a message" or "an encrypted_package"
   */
  static JsonNode parseObject(String untrustedJson, String what) throws Seed004FormatException {
    JsonNode node;
    try {
      node = MAPPER.readTree(untrustedJson);
    } catch (JsonProcessingException e) {
      throw new Seed004FormatException(
          what + " is not JSON: " + ProtocolException.quote(e.getOriginalMessage()));
    }
    if (node == null || !node.isObject()) {
      throw new Seed004FormatException(
          what + " must be a JSON object, not " + ProtocolException.quote(untrustedJson));
    }
    return node;
  }

  static JsonNode field(JsonNode object, String name) throws Seed004FormatException {
    JsonNode value = object.get(name);
    if (value == null) {
      throw new Seed004FormatException("the field '" + name + "' is missing");
    }
    return value;
  }

  static String text(JsonNode object, String name) throws Seed004FormatException {
    JsonNode value = field(object, name);
    if (!value.isTextual()) {
      throw new Seed004FormatException("the field '" + name + "' must be a string");
    }
    return value.textValue();
  }

  static byte[] base64(JsonNode object, String name) throws Seed004FormatException {
    String text = text(object, name);
    try {
      return Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new Seed004FormatException(
          "the field '" + name + "' must be base64, not " + ProtocolException.quote(text));
    }
  }

  static boolean bool(JsonNode object, String name) throws Seed004FormatException {
    JsonNode value = field(object, name);
    if (!value.isBoolean()) {
      throw new Seed004FormatException("the field '" + name + "' must be true or false");
    }
    return value.booleanValue();
  }

  static JsonNode object(JsonNode object, String name) throws Seed004FormatException {
    JsonNode value = field(object, name);
    if (!value.isObject()) {
      throw new Seed004FormatException("the field '" + name + "' must be a JSON object");
    }
    return value;
  }

  static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
