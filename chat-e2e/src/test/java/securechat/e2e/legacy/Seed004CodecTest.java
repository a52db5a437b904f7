package securechat.e2e.legacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import securechat.e2e.legacy.Seed004Message.ChatMessage;
import securechat.e2e.legacy.Seed004Message.DirectoryEntry;
import securechat.e2e.legacy.Seed004Message.ErrorReply;
import securechat.e2e.legacy.Seed004Message.NonceChallenge;
import securechat.e2e.legacy.Seed004Message.NonceResponse;
import securechat.e2e.legacy.Seed004Message.NonceVerification;
import securechat.e2e.legacy.Seed004Message.Register;
import securechat.e2e.legacy.Seed004Message.UserList;

/** Every kind of message as JSON text and back; what is refused, with which sentence. */
class Seed004CodecTest {

  static Stream<Arguments> everyKind() {
    return Stream.of(
        Arguments.of(
            new NonceChallenge(new byte[] {1, 2, 3}, "K"),
            "{\"type\":\"nonce_challenge\",\"nonce\":\"AQID\",\"server_public_key\":\"K\"}"),
        Arguments.of(
            new NonceResponse(new byte[] {-1}, new byte[] {0}, "C"),
            "{\"type\":\"nonce_response\",\"encrypted_nonce\":\"/w==\",\"client_nonce\":\"AA==\","
                + "\"client_public_key\":\"C\"}"),
        Arguments.of(
            new NonceVerification(true, new byte[] {9}),
            "{\"type\":\"nonce_verification\",\"verified\":true,\"encrypted_client_nonce\":\"CQ==\"}"),
        Arguments.of(
            new Register("alice", "A"),
            "{\"type\":\"register\",\"username\":\"alice\",\"public_key\":\"A\"}"),
        Arguments.of(
            new UserList(
                Map.of(
                    "bob", new DirectoryEntry("bob", "B", new byte[] {2}),
                    "alice", new DirectoryEntry("alice", "A", new byte[] {1}))),
            "{\"type\":\"user_list\",\"users\":{"
                + "\"alice\":{\"username\":\"alice\",\"public_key\":\"A\",\"signature\":\"AQ==\"},"
                + "\"bob\":{\"username\":\"bob\",\"public_key\":\"B\",\"signature\":\"Ag==\"}}}"),
        Arguments.of(
            new ChatMessage("bob", "{\"encrypted_content\":\"AA==\"}", Optional.empty()),
            "{\"type\":\"message\",\"recipient\":\"bob\","
                + "\"encrypted_package\":\"{\\\"encrypted_content\\\":\\\"AA==\\\"}\"}"),
        Arguments.of(
            new ChatMessage("bob", "P", Optional.of("alice")),
            "{\"type\":\"message\",\"recipient\":\"bob\",\"encrypted_package\":\"P\","
                + "\"sender\":\"alice\"}"),
        Arguments.of(
            new ErrorReply("no user named 'carol' is online"),
            "{\"type\":\"error\",\"message\":\"no user named 'carol' is online\"}"));
  }

  @ParameterizedTest
  @MethodSource("everyKind")
  void encodesToExactJsonAndDecodesBack(Seed004Message message, String json) throws Exception {
    assertThat(Seed004Codec.encode(message)).isEqualTo(json);
    assertThat(Seed004Codec.encode(Seed004Codec.decode(json))).isEqualTo(json);
    assertThat(Seed004Codec.decode(json)).isInstanceOf(message.getClass());
  }

  static Stream<Arguments> badInput() {
    return Stream.of(
        Arguments.of("", "a message must be a JSON object, not ''"),
        Arguments.of("hello", "a message is not JSON: "),
        Arguments.of("[]", "a message must be a JSON object, not '[]'"),
        Arguments.of("{\"type\":\"error\",\"message\":\"a\"} {}", "a message is not JSON: "),
        Arguments.of(
            "{\"type\":\"error\",\"type\":\"error\",\"message\":\"a\"}", "a message is not JSON: "),
        Arguments.of("{}", "the field 'type' is missing"),
        Arguments.of("{\"type\":7}", "the field 'type' must be a string"),
        Arguments.of("{\"type\":\"hello\"}", "unknown message type 'hello'"),
        Arguments.of(
            "{\"type\":\"register\",\"username\":\"a\"}", "the field 'public_key' is missing"),
        Arguments.of(
            "{\"type\":\"nonce_verification\",\"verified\":\"yes\",\"encrypted_client_nonce\":\"\"}",
            "the field 'verified' must be true or false"),
        Arguments.of(
            "{\"type\":\"nonce_challenge\",\"nonce\":\"not base64!\",\"server_public_key\":\"K\"}",
            "the field 'nonce' must be base64, not 'not base64!'"),
        Arguments.of(
            "{\"type\":\"user_list\",\"users\":[]}", "the field 'users' must be a JSON object"),
        Arguments.of(
            "{\"type\":\"user_list\",\"users\":{\"bob\":1}}",
            "the user_list entry 'bob' is not an object"));
  }

  @ParameterizedTest
  @MethodSource("badInput")
  void badInputIsRefusedWithASentence(String json, String sentence) {
    assertThatThrownBy(() -> Seed004Codec.decode(json))
        .isInstanceOf(Seed004FormatException.class)
        .hasMessageStartingWith(sentence);
  }

  @Test
  void controlCharactersArriveAsTheyAreForTheConsoleToSanitize() throws Exception {
    String json = "{\"type\":\"error\",\"message\":\"\\u001b[2J\"}";

    assertThat(((ErrorReply) Seed004Codec.decode(json)).message()).isEqualTo("\u001b[2J");
  }
}
