package securechat.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import securechat.testkit.Python;

/**
 * Cross-checks our Argon2id PHC strings with an independent implementation: Python's {@code
 * cryptography} package (44 or newer), which wraps the Rust {@code argon2} crate. Skipped when
 * {@code python3} or that package is missing.
 */
@Timeout(60)
class PasswordHasherPythonIT {
  private static final String PASSWORD = "correct horse battery ✓";

  private static final String VERIFY =
      """
      import sys
      from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
      Argon2id.verify_phc_encoded(sys.stdin.buffer.read(), sys.argv[1])
      """;

  private static final String DERIVE_OWASP =
      """
      import os, sys
      from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
      kdf = Argon2id(salt=os.urandom(16), length=32, iterations=2, lanes=1, memory_cost=19456)
      print(kdf.derive_phc_encoded(sys.stdin.buffer.read()))
      """;

  @BeforeAll
  static void pythonWithArgon2idIsInstalled() throws Exception {
    Python.assumeImport(
        "from cryptography.hazmat.primitives.kdf.argon2 import Argon2id",
        "python3 with cryptography >= 44");
  }

  @Test
  void pythonVerifiesOurOwaspHash() throws Exception {
    String phc = PasswordHasher.withOwaspParameters().hash(PASSWORD).toPhcString();

    Python.Result result = Python.run(VERIFY, PASSWORD, phc);

    assertThat(result.exitCode()).as(result.output()).isZero();
  }

  @Test
  void pythonRejectsOurHashForAnotherPassword() throws Exception {
    String phc = PasswordHasher.forTests().hash(PASSWORD).toPhcString();

    Python.Result result = Python.run(VERIFY, PASSWORD + "!", phc);

    assertThat(result.exitCode()).isNotZero();
    assertThat(result.output()).contains("InvalidKey");
  }

  @Test
  void weVerifyPythonsOwaspHash() throws Exception {
    Python.Result result = Python.run(DERIVE_OWASP, PASSWORD);
    assertThat(result.exitCode()).as(result.output()).isZero();
    PasswordHash fromPython = PasswordHash.parse(result.output().strip());

    PasswordHasher.withOwaspParameters().verify(PASSWORD, fromPython);
    assertThat(fromPython.toPhcString()).isEqualTo(result.output().strip());
    assertThatThrownBy(() -> PasswordHasher.forTests().verify(PASSWORD + "!", fromPython))
        .isInstanceOf(PasswordMismatchException.class);
  }
}
