package securechat.core.account;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

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
    Result probe = python("from cryptography.hazmat.primitives.kdf.argon2 import Argon2id", "");
    assumeTrue(probe.exitCode() == 0, "needs python3 with cryptography >= 44: " + probe.output());
  }

  @Test
  void pythonVerifiesOurOwaspHash() throws Exception {
    String phc = PasswordHasher.withOwaspParameters().hash(PASSWORD).toPhcString();

    Result result = python(VERIFY, PASSWORD, phc);

    assertThat(result.exitCode()).as(result.output()).isZero();
  }

  @Test
  void pythonRejectsOurHashForAnotherPassword() throws Exception {
    String phc = PasswordHasher.forTests().hash(PASSWORD).toPhcString();

    Result result = python(VERIFY, PASSWORD + "!", phc);

    assertThat(result.exitCode()).isNotZero();
    assertThat(result.output()).contains("InvalidKey");
  }

  @Test
  void weVerifyPythonsOwaspHash() throws Exception {
    Result result = python(DERIVE_OWASP, PASSWORD);
    assertThat(result.exitCode()).as(result.output()).isZero();
    PasswordHash fromPython = PasswordHash.parse(result.output().strip());

    PasswordHasher.withOwaspParameters().verify(PASSWORD, fromPython);
    assertThat(fromPython.toPhcString()).isEqualTo(result.output().strip());
    assertThatThrownBy(() -> PasswordHasher.forTests().verify(PASSWORD + "!", fromPython))
        .isInstanceOf(PasswordMismatchException.class);
  }

  private record Result(int exitCode, String output) {}

  /** Runs a Python script; the password goes on stdin, never on the command line. */
  private static Result python(String script, String stdin, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("python3", "-c", script));
    command.addAll(List.of(args));
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      return new Result(-1, "cannot run python3: " + e.getMessage());
    }
    try (OutputStream in = process.getOutputStream()) {
      in.write(stdin.getBytes(UTF_8));
    }
    String output = new String(process.getInputStream().readAllBytes(), UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), output);
  }
}
