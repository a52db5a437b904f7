package securechat.app.guide;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A guide block running in {@code bash}: its output (stdout and stderr together, as a student would
 * see them in a terminal) collected as it comes, so that the runner can wait for a line such as
 * "listening on" and quote the end of the output when something fails.
 */
final class ShellProcess {
  private final Process process;
  private final StringBuilder output = new StringBuilder();
  private final Thread reader;

  private ShellProcess(Process process) {
    this.process = process;
    // A platform thread: it spends its life blocked in read().
    this.reader = Thread.ofPlatform().daemon().name("guide output").start(this::collect);
  }

  /**
   * Starts {@code script} in {@code dir}. {@code input} is written to its stdin; stdin is then
   * closed unless {@code keepStdinOpen} (a server reads its admin console from stdin, and would
   * take the end of input for "quit").
   */
  static ShellProcess start(
      String script, Path dir, Map<String, String> env, String input, boolean keepStdinOpen)
      throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder("bash", "-e", "-o", "pipefail", "-c", script)
            .directory(dir.toFile())
            .redirectErrorStream(true);
    builder.environment().putAll(env);
    ShellProcess shell = new ShellProcess(builder.start());
    OutputStream stdin = shell.process.getOutputStream();
    try {
      stdin.write(input.getBytes(StandardCharsets.UTF_8));
      stdin.flush();
      if (!keepStdinOpen) {
        stdin.close();
      }
    } catch (IOException finishedAlready) {
      // The command did not read its input: its exit status and output tell what happened.
    }
    return shell;
  }

  private void collect() {
    byte[] buffer = new byte[8192];
    try (InputStream in = process.getInputStream()) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        synchronized (output) {
          output.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
          output.notifyAll();
        }
      }
    } catch (IOException closed) {
      // The process ended or was stopped: what was read is kept.
    } finally {
      synchronized (output) {
        output.notifyAll();
      }
    }
  }

  /** Everything printed so far. */
  String output() {
    synchronized (output) {
      return output.toString();
    }
  }

  /** The last {@code lines} lines printed, to quote in a failure. */
  String tail(int lines) {
    String[] all = output().strip().split("\n");
    int from = Math.max(0, all.length - lines);
    return String.join("\n", java.util.Arrays.copyOfRange(all, from, all.length));
  }

  /**
   * Waits until {@code text} has been printed: true; false when the process ended without printing
   * it or {@code timeout} passed.
   */
  boolean awaitText(String text, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (output) {
      while (output.indexOf(text) < 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0 || (!process.isAlive() && !reader.isAlive())) {
          return output.indexOf(text) >= 0;
        }
        TimeUnit.NANOSECONDS.timedWait(output, Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)));
      }
      return true;
    }
  }

  /** The exit status, once the process has ended and its output is read; empty on timeout. */
  Optional<Integer> awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      return Optional.empty();
    }
    reader.join(Duration.ofSeconds(5));
    return Optional.of(process.exitValue());
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Stops the command as Ctrl-C would: SIGTERM to everything it started (the ./lab script execs
   * java; tshark writes its file and ends), then the shell; what is still alive after {@code grace}
   * is killed.
   */
  void stop(Duration grace) throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroy);
    // The handle, not Process.destroy(): that one also closes the pipes, and what the command
    // prints while it stops (tshark's "N packets captured") would be lost.
    process.toHandle().destroy();
    if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
    }
    reader.join(grace);
  }
}
