package securechat.e2e.legacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import securechat.core.protocol.ProtocolException;
import securechat.e2e.legacy.Seed004Message.ChatMessage;
import securechat.e2e.legacy.Seed004Message.DirectoryEntry;
import securechat.e2e.legacy.Seed004Message.ErrorReply;
import securechat.e2e.legacy.Seed004Message.NonceChallenge;
import securechat.e2e.legacy.Seed004Message.NonceResponse;
import securechat.e2e.legacy.Seed004Message.NonceVerification;
import securechat.e2e.legacy.Seed004Message.Register;
import securechat.e2e.legacy.Seed004Message.UserList;

/**
 * Seed 004's JSON objects ⇄ {@link Seed004Message}s. Each object names its kind in a {@code type}
 * field written first, then the fields in the order the seed's description lists them.
 *
 * <pre>{@code
 * String json = Seed004Codec.encode(new Register("alice", keyText));
 * Seed004Message message = Seed004Codec.decode(Seed004Framer.readFrame(in));
 * }</pre>
 */
public final class Seed004Codec {

  private static final Map<Class<? extends Seed004Message>, String> TYPE_NAMES =
      Map.of(
          NonceChallenge.class, "nonce_challenge",
          NonceResponse.class, "nonce_response",
          NonceVerification.class, "nonce_verification",
          Register.class, "register",
          UserList.class, "user_list",
          ChatMessage.class, "message",
          ErrorReply.class, "error");

  private Seed004Codec() {}

  /** The {@code type} field of this kind of message, e.g. {@code nonce_challenge}. */
  /** {@code message} as a {@code kind}, or a sentence naming what came instead. */
  static <T extends Seed004Message> T expect(Class<T> kind, Seed004Message message)
      throws Seed004FormatException {
    if (!kind.isInstance(message)) {
      throw new Seed004FormatException(
          "expected a " + typeName(kind) + ", not a " + typeName(message));
    }
    return kind.cast(message);
  }

  public static String typeName(Class<? extends Seed004Message> kind) {
    return TYPE_NAMES.get(kind);
  }

  /** The {@code type} field of {@code message}. */
  public static String typeName(Seed004Message message) {
    return typeName(message.getClass());
  }

  /** The message as one JSON object, compact, fields in a fixed order. */
  public static String encode(Seed004Message message) {
    ObjectNode json = Seed004Json.newObject().put("type", typeName(message));
    switch (message) {
      case NonceChallenge m ->
          json.put("nonce", Seed004Json.base64(m.nonce()))
              .put("server_public_key", m.serverPublicKey());
      case NonceResponse m -> {
        json.put("encrypted_nonce", Seed004Json.base64(m.encryptedNonce()));
        json.put("client_nonce", Seed004Json.base64(m.clientNonce()));
        json.put("client_public_key", m.clientPublicKey());
      }
      case NonceVerification m -> {
        json.put("verified", m.verified());
        json.put("encrypted_client_nonce", Seed004Json.base64(m.encryptedClientNonce()));
      }
      case Register m -> json.put("username", m.username()).put("public_key", m.publicKey());
      case UserList m -> encodeUsers(json, m);
      case ChatMessage m -> {
        json.put("recipient", m.recipient());
        json.put("encrypted_package", m.encryptedPackage());
        m.sender().ifPresent(sender -> json.put("sender", sender));
      }
      case ErrorReply m -> json.put("message", m.message());
    }
    return Seed004Json.write(json);
  }

  /** Users in name order, so that the same directory always writes the same bytes. */
  private static void encodeUsers(ObjectNode json, UserList list) {
    ObjectNode users = json.putObject("users");
    for (DirectoryEntry entry : new TreeMap<>(list.users()).values()) {
      users
          .putObject(entry.username())
          .put("username", entry.username())
          .put("public_key", entry.publicKey())
          .put("signature", Seed004Json.base64(entry.signature()));
    }
  }

  /**
   * Reads one JSON object of a kind the protocol knows.
   *
   * @throws Seed004FormatException if it is not JSON, its type is unknown, or a field is missing or
   *     of the wrong kind
   */
  public static Seed004Message decode(String untrustedJson) throws Seed004FormatException {
    JsonNode json = Seed004Json.parseObject(untrustedJson, "a message");
    String type = Seed004Json.text(json, "type");
    // One case per kind of message, like a table: each reads its own fields.
    return switch (type) {
      case "nonce_challenge" ->
          new NonceChallenge(
              Seed004Json.base64(json, "nonce"), Seed004Json.text(json, "server_public_key"));
      case "nonce_response" ->
          new NonceResponse(
              Seed004Json.base64(json, "encrypted_nonce"),
              Seed004Json.base64(json, "client_nonce"),
              Seed004Json.text(json, "client_public_key"));
      case "nonce_verification" ->
          new NonceVerification(
              Seed004Json.bool(json, "verified"),
              Seed004Json.base64(json, "encrypted_client_nonce"));
      case "register" ->
          new Register(Seed004Json.text(json, "username"), Seed004Json.text(json, "public_key"));
      case "user_list" -> new UserList(decodeUsers(Seed004Json.object(json, "users")));
      case "message" -> decodeChat(json);
      case "error" -> new ErrorReply(Seed004Json.text(json, "message"));
      default ->
          throw new Seed004FormatException("unknown message type " + ProtocolException.quote(type));
    };
  }

  private static Map<String, DirectoryEntry> decodeUsers(JsonNode users)
      throws Seed004FormatException {
    Map<String, DirectoryEntry> entries = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> user : users.properties()) {
      JsonNode entry = user.getValue();
      if (!entry.isObject()) {
        throw new Seed004FormatException(
            "the user_list entry " + ProtocolException.quote(user.getKey()) + " is not an object");
      }
      entries.put(
          user.getKey(),
          new DirectoryEntry(
              Seed004Json.text(entry, "username"),
              Seed004Json.text(entry, "public_key"),
              Seed004Json.base64(entry, "signature")));
    }
    return entries;
  }

  private static ChatMessage decodeChat(JsonNode json) throws Seed004FormatException {
    Optional<String> sender =
        json.has("sender") ? Optional.of(Seed004Json.text(json, "sender")) : Optional.empty();
    return new ChatMessage(
        Seed004Json.text(json, "recipient"), Seed004Json.text(json, "encrypted_package"), sender);
  }
}
