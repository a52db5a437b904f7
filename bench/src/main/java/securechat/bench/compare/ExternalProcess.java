package securechat.bench.compare;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A program started by a comparison: a peer's server, a client, or our own {@code lab} in another
 * JVM. Its output goes to a file (a pipe nobody reads would fill and stop it); its standard input
 * stays open until it is closed, because {@code openssl s_server} ends at the end of its input.
 * Closing it always stops it: politely, then by force after two seconds.
 */
final class ExternalProcess implements AutoCloseable {
  private static final Duration GRACE = Duration.ofSeconds(2);

  private final List<String> command;
  private final Process process;
  private final Path output;

  private ExternalProcess(List<String> command, Process process, Path output) {
    this.command = command;
    this.process = process;
    this.output = output;
  }

  /**
   * Starts {@code command}, its stdout and stderr both into {@code output}.
   *
   * @param searchPath the {@code PATH} the program sees (and so its own children)
   */
  static ExternalProcess start(List<String> command, ToolPath searchPath, Path output)
      throws IOException {
    List<String> resolved = new ArrayList<>(command);
    // Java looks a program up on its own PATH, not the child's: find it on ours first.
    if (!Path.of(command.get(0)).isAbsolute()) {
      Path program =
          searchPath
              .find(command.get(0))
              .orElseThrow(() -> new IOException(command.get(0) + " not found on PATH"));
      resolved.set(0, program.toString());
    }
    ProcessBuilder builder = new ProcessBuilder(resolved).redirectErrorStream(true);
    builder.redirectOutput(output.toFile());
    builder.environment().put("PATH", searchPath.searchPath());
    return new ExternalProcess(List.copyOf(command), builder.start(), output);
  }

  /**
   * Runs {@code command} to its end, or stops it after {@code timeout}.
   *
   * @return what it printed, stdout and stderr together
   * @throws IOException if it cannot start, or does not end in time, or exits with an error
   */
  static String run(List<String> command, ToolPath searchPath, Path output, Duration timeout)
      throws IOException {
    try (ExternalProcess process = start(command, searchPath, output)) {
      int status = process.awaitExit(timeout);
      String printed = process.output();
      if (status != 0) {
        throw new IOException(
            command.get(0) + " exited with status " + status + ": " + lastLine(printed));
      }
      return printed;
    }
  }

  /** Waits for the end; the exit status. */
  int awaitExit(Duration timeout) throws IOException {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IOException(String.join(" ", command) + " did not end within " + timeout);
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for " + command.get(0));
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Everything it has printed so far. */
  String output() throws IOException {
    return Files.readString(output, StandardCharsets.ISO_8859_1);
  }

  /** Stops it (SIGTERM, then SIGKILL after the grace period) and waits for it. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** The last non-blank line, for an error message; at most 200 characters. */
  static String lastLine(String printed) {
    List<String> lines = printed.strip().lines().toList();
    String last = lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1).strip();
    return last.length() > 200 ? last.substring(0, 200) + "..." : last;
  }
}
