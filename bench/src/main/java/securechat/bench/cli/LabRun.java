package securechat.bench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import securechat.core.cli.ConfigException;

/**
 * Runs {@code ./lab ARGS} in a JVM of its own for the report, as a person would type it: each
 * measurement starts cold in a fresh process, and the report keeps nothing of the last one's heap
 * or JIT. What the command prints goes to the report's progress, line by line.
 */
final class LabRun {
  private LabRun() {}

  /**
   * Runs the command and waits for it, at most {@code limit}.
   *
   * @throws ConfigException if it failed or ran too long (it is stopped then)
   */
  static void run(BenchCommand bench, List<String> args, Duration limit, PrintWriter progress)
      throws ConfigException, IOException, InterruptedException {
    List<String> command = bench.labProcess(List.of(), args.toArray(new String[0]));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    List<String> last = new ArrayList<>();
    Thread copier =
        Thread.ofPlatform()
            .daemon()
            .start(
                () -> {
                  try (var lines = process.inputReader(StandardCharsets.UTF_8)) {
                    lines
                        .lines()
                        .forEach(
                            line -> {
                              synchronized (last) {
                                last.add(line);
                                if (last.size() > 5) {
                                  last.remove(0);
                                }
                              }
                              progress.println("   " + line);
                              progress.flush();
                            });
                  } catch (IOException | java.io.UncheckedIOException closed) {
                    // the process ended
                  }
                });
    try {
      if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
        throw new ConfigException(
            "./lab " + String.join(" ", args) + " ran longer than " + limit + "; stopped it");
      }
      copier.join(5_000);
      if (process.exitValue() != 0) {
        String tail;
        synchronized (last) {
          tail = last.isEmpty() ? "" : ": " + last.get(last.size() - 1);
        }
        throw new ConfigException(
            "./lab "
                + String.join(" ", args)
                + " failed (exit "
                + process.exitValue()
                + ")"
                + tail);
      }
    } finally {
      // A run that ended normally has stopped its servers; one stopped half way may not have.
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }

  /** A temporary file for one command's output, deleted when the JVM ends. */
  static Path temporaryFile(String suffix) throws IOException {
    Path file = Files.createTempFile("lab-bench-report", suffix);
    file.toFile().deleteOnExit();
    return file;
  }
}
