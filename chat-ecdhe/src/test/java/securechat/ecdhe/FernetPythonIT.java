package securechat.ecdhe;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import securechat.core.channel.RecordException;
import securechat.core.channel.RecordException.Reason;
import securechat.testkit.Python;

/**
 * Cross-checks our Fernet with an independent implementation: Python's {@code
 * cryptography.fernet.Fernet}. Tokens go both ways, for messages from empty to 100 KiB. Requests
 * and answers are one JSON object each on the script's stdin and stdout, binary as base64. Skipped
 * when {@code python3} or its {@code cryptography} package is missing.
 */
@Timeout(60)
class FernetPythonIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Reads the whole request before answering, so neither side blocks on a full pipe. */
  private static final String FERNET =
      """
      import base64, json, sys
      from cryptography.fernet import Fernet, InvalidToken
      request = json.loads(sys.stdin.read())
      op = request["op"]
      if op == "encrypt":
          key = Fernet.generate_key()
          token = Fernet(key).encrypt(base64.b64decode(request["plaintext"]))
          answer = {"key": key.decode(), "token": token.decode()}
      elif op == "decrypt":
          try:
              plaintext = Fernet(request["key"]).decrypt(request["token"])
              answer = {"plaintext": base64.b64encode(plaintext).decode()}
          except InvalidToken:
              answer = {"error": "InvalidToken"}
      elif op == "tamper":
          key = Fernet.generate_key()
          data = bytearray(base64.urlsafe_b64decode(Fernet(key).encrypt(b"pay 10 euros")))
          data[30] ^= 0x01  # one bit of the first ciphertext block
          token = base64.urlsafe_b64encode(bytes(data))
          try:
              Fernet(key).decrypt(token)
              sys.exit("Python accepted its own tampered token")
          except InvalidToken:
              answer = {"key": key.decode(), "token": token.decode()}
      print(json.dumps(answer))
      """;

  @BeforeAll
  static void pythonWithCryptographyIsInstalled() throws Exception {
    Python.assumeImport("from cryptography.fernet import Fernet", "python3 with cryptography");
  }

  static Stream<Named<byte[]>> messages() {
    return Stream.of(
        Named.of("0 bytes", new byte[0]),
        Named.of("1 byte", randomBytes(1)),
        Named.of("100 bytes", randomBytes(100)),
        Named.of("100 KiB", randomBytes(100 * 1024)),
        Named.of("UTF-8 text", "Grüße, 你好, привет ✓ 🔐".getBytes(UTF_8)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  void pythonDecryptsOurToken(byte[] message) throws Exception {
    byte[] key = randomBytes(Fernet.KEY_BYTES);
    String token = new Fernet(key).encrypt(message, Instant.now());
    ObjectNode request = JSON.createObjectNode().put("op", "decrypt");
    request.put("key", Base64.getUrlEncoder().encodeToString(key)).put("token", token);

    JsonNode answer = fernetInPython(request);

    assertThat(answer.path("error").isMissingNode()).as(answer.toString()).isTrue();
    assertThat(Base64.getDecoder().decode(answer.get("plaintext").asText())).isEqualTo(message);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  void weDecryptPythonsToken(byte[] message) throws Exception {
    ObjectNode request = JSON.createObjectNode().put("op", "encrypt");
    request.put("plaintext", Base64.getEncoder().encodeToString(message));

    JsonNode answer = fernetInPython(request);
    Fernet key = Fernet.fromBase64Url(answer.get("key").asText());

    assertThat(key.decrypt(answer.get("token").asText(), Instant.now(), Optional.empty()))
        .isEqualTo(message);
  }

  @Test
  void weRefusePythonsTamperedTokenAsTampered() throws Exception {
    JsonNode answer = fernetInPython(JSON.createObjectNode().put("op", "tamper"));
    Fernet key = Fernet.fromBase64Url(answer.get("key").asText());
    String tamperedToken = answer.get("token").asText();

    assertThatThrownBy(() -> key.decrypt(tamperedToken, Instant.now(), Optional.empty()))
        .isInstanceOfSatisfying(
            RecordException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TAMPERED));
  }

  @Test
  void pythonRefusesOurTokenUnderAnotherKey() throws Exception {
    String token = new Fernet(randomBytes(32)).encrypt(new byte[10], Instant.now());
    ObjectNode request = JSON.createObjectNode().put("op", "decrypt").put("token", token);
    request.put("key", Base64.getUrlEncoder().encodeToString(randomBytes(32)));

    assertThat(fernetInPython(request).path("error").asText()).isEqualTo("InvalidToken");
  }

  private static JsonNode fernetInPython(JsonNode request) throws Exception {
    Python.Result result = Python.run(FERNET, JSON.writeValueAsString(request));
    assertThat(result.exitCode()).as(result.output()).isZero();
    return JSON.readTree(result.output());
  }

  private static byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
