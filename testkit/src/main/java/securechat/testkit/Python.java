package securechat.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code python3 -c SCRIPT}: Python's {@code cryptography} is the independent implementation
 * our constructions are checked against (Argon2id, Fernet, X25519). Secrets go on stdin, never in
 * argv, where other users of the machine could read them.
 */
public final class Python {
  /** How long one script may run. */
  public static final long TIMEOUT_SECONDS = 30;

  private Python() {}

  /** What a script did: its exit code and its stdout and stderr together. */
  public record Result(int exitCode, String output) {}

  /** Runs {@code script} with {@code stdin} as its input; exit code -1 if python3 is missing. */
  public static Result run(String script, String stdin, String... args)
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
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("python3 did not finish within " + TIMEOUT_SECONDS + " s");
    }
    return new Result(process.exitValue(), output);
  }

  /** Skips the calling test unless {@code importStatement} works, saying what is missing. */
  public static void assumeImport(String importStatement, String needed)
      throws IOException, InterruptedException {
    Result probe = run(importStatement, "");
    assumeTrue(probe.exitCode() == 0, "needs " + needed + ": " + probe.output());
  }
}
