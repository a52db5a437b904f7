package securechat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import securechat.core.protocol.Username;
import securechat.testkit.Python;

/**
 * Computes safety numbers a second time, in Python with nothing but {@code hashlib}, from the
 * description in {@link SafetyNumber}'s Javadoc, for fresh random identities. Skipped when {@code
 * python3} is missing.
 */
@Timeout(60)
class SafetyNumberPythonIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();

  private static final String SAFETY_NUMBER =
      """
      import base64, hashlib, json, sys

      def half(name, signing_key, encryption_key):
          key = signing_key + encryption_key
          h = hashlib.sha512(b"\\x00\\x00" + key + name.encode("utf-8")).digest()
          for _ in range(5200 - 1):
              h = hashlib.sha512(h + key).digest()
          return "".join("%05d" % (int.from_bytes(h[i:i + 5], "big") % 100000)
                         for i in range(0, 30, 5))

      request = json.loads(sys.stdin.read())
      halves = sorted(half(user["name"], base64.b64decode(user["signing_key"]),
                           base64.b64decode(user["encryption_key"]))
                      for user in request["users"])
      print("".join(halves))
      """;

  @BeforeAll
  static void pythonIsInstalled() throws Exception {
    Python.assumeImport("import hashlib", "python3");
  }

  static Stream<Arguments> pairs() {
    return Stream.of(
        Arguments.of("alice", "bob"),
        Arguments.of("bob", "alice"),
        Arguments.of("carol_1", "dave-the-2nd"),
        Arguments.of("zz", "aa"));
  }

  @ParameterizedTest(name = "{0} and {1}")
  @MethodSource("pairs")
  void pythonComputesTheSameDigits(String aName, String bName) throws Exception {
    Username a = new Username(aName);
    Username b = new Username(bName);
    PublicIdentity aKeys = IdentityKeys.generate(RANDOM).publicIdentity();
    PublicIdentity bKeys = IdentityKeys.generate(RANDOM).publicIdentity();
    ObjectNode request = JSON.createObjectNode();
    request.putArray("users").add(user(a, aKeys)).add(user(b, bKeys));

    Python.Result result = Python.run(SAFETY_NUMBER, JSON.writeValueAsString(request));

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output().strip()).isEqualTo(SafetyNumber.of(a, aKeys, b, bKeys).digits());
  }

  private static ObjectNode user(Username name, PublicIdentity keys) {
    ObjectNode user = JSON.createObjectNode().put("name", name.value());
    user.put("signing_key", keys.signingKeyBase64());
    return user.put("encryption_key", keys.encryptionKeyBase64());
  }
}
