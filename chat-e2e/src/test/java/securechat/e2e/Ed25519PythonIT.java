package securechat.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.security.SignatureException;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import securechat.testkit.Python;

/**
 * Cross-checks our Ed25519 signatures with an independent implementation: Python's {@code
 * cryptography} (OpenSSL underneath). Python verifies what an {@link IdentityKeys} signed, and we
 * verify what Python signed. Skipped when {@code python3} or its {@code cryptography} package is
 * missing.
 */
@Timeout(60)
class Ed25519PythonIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();

  private static final String ED25519 =
      """
      import base64, json, sys
      from cryptography.exceptions import InvalidSignature
      from cryptography.hazmat.primitives.asymmetric.ed25519 import (
          Ed25519PrivateKey, Ed25519PublicKey)
      from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
      b64, unb64 = (lambda b: base64.b64encode(b).decode()), base64.b64decode
      request = json.loads(sys.stdin.read())
      message = unb64(request["message"])
      if request["op"] == "sign":
          key = Ed25519PrivateKey.generate()
          public = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
          answer = {"public_key": b64(public), "signature": b64(key.sign(message))}
      else:
          key = Ed25519PublicKey.from_public_bytes(unb64(request["public_key"]))
          try:
              key.verify(unb64(request["signature"]), message)
              answer = {"valid": True}
          except InvalidSignature:
              answer = {"valid": False}
      print(json.dumps(answer))
      """;

  @BeforeAll
  static void pythonWithCryptographyIsInstalled() throws Exception {
    Python.assumeImport(
        "from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey",
        "python3 with cryptography");
  }

  static Stream<Named<byte[]>> messages() {
    return Stream.of(
        Named.of("0 bytes", new byte[0]),
        Named.of("1 byte", randomBytes(1)),
        Named.of("100 KiB", randomBytes(100 * 1024)),
        Named.of("UTF-8 text", "Grüße, 你好, привет ✓ 🔐".getBytes(UTF_8)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  void pythonVerifiesOurSignature(byte[] message) throws Exception {
    IdentityKeys alice = IdentityKeys.generate(RANDOM);
    byte[] signature = alice.sign(message);

    JsonNode answer = verifyInPython(alice.publicIdentity().signingKey(), message, signature);

    assertThat(answer.get("valid").asBoolean()).as(answer.toString()).isTrue();
  }

  @Test
  void pythonRefusesOurSignatureOfAnotherMessage() throws Exception {
    IdentityKeys alice = IdentityKeys.generate(RANDOM);
    byte[] signature = alice.sign("pay bob 10 euros".getBytes(UTF_8));

    JsonNode answer =
        verifyInPython(
            alice.publicIdentity().signingKey(), "pay bob 90 euros".getBytes(UTF_8), signature);

    assertThat(answer.get("valid").asBoolean()).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  void weVerifyPythonsSignature(byte[] message) throws Exception {
    ObjectNode request = JSON.createObjectNode().put("op", "sign").put("message", encode(message));

    JsonNode answer = ed25519InPython(request);
    byte[] publicKey = decode(answer, "public_key");
    byte[] signature = decode(answer, "signature");

    assertThatCode(() -> Ed25519.verify(publicKey, message, signature)).doesNotThrowAnyException();
    byte[] longer = Arrays.copyOf(message, message.length + 1);
    assertThatThrownBy(() -> Ed25519.verify(publicKey, longer, signature))
        .isInstanceOf(SignatureException.class);
  }

  private static JsonNode verifyInPython(byte[] publicKey, byte[] message, byte[] signature)
      throws Exception {
    ObjectNode request = JSON.createObjectNode().put("op", "verify");
    request.put("public_key", encode(publicKey)).put("message", encode(message));
    return ed25519InPython(request.put("signature", encode(signature)));
  }

  private static JsonNode ed25519InPython(JsonNode request) throws Exception {
    Python.Result result = Python.run(ED25519, JSON.writeValueAsString(request));
    assertThat(result.exitCode()).as(result.output()).isZero();
    return JSON.readTree(result.output());
  }

  private static String encode(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static byte[] decode(JsonNode answer, String field) {
    return Base64.getDecoder().decode(answer.get(field).asText());
  }

  private static byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
