package securechat.tls;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.concurrent.TimeUnit.NANOSECONDS;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A program a test runs beside the JVM ({@code openssl}, {@code tshark}). A virtual thread reads
 * what it prints (stderr merged into stdout) into a queue of lines, so a test waits for a line with
 * a deadline instead of sleeping; lines typed with {@link #type} go to its stdin. {@link #close}
 * kills it and its children, so a failed test leaves nothing running.
 */
final class ExternalProcess implements AutoCloseable {
  /** How long to wait for a line or an exit: generous, for a busy two-core CI machine. */
  static final Duration WAIT = Duration.ofSeconds(20);

  /** Queued after the last line: the program closed its output (it is exiting). */
  private static final Optional<String> END = Optional.empty();

  private final String name;
  private final Process process;
  private final Thread reader;
  private final BlockingQueue<Optional<String>> unread = new LinkedBlockingQueue<>();
  private final List<String> printed = new CopyOnWriteArrayList<>();

  private ExternalProcess(String name, Process process) {
    this.name = name;
    this.process = process;
    reader = Thread.ofVirtual().name(name + " output").start(this::readOutput);
  }

  /** Starts {@code command} in {@code directory}. */
  static ExternalProcess start(Path directory, List<String> command) throws IOException {
    Process process =
        new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
    return new ExternalProcess(command.get(0), process);
  }

  /** What a program that ran to its end left behind. */
  record Finished(int exitCode, String output) {}

  /** Runs {@code command} with no input until it ends (at most {@link #WAIT}). */
  static Finished run(Path directory, List<String> command)
      throws IOException, InterruptedException {
    try (ExternalProcess program = start(directory, command)) {
      program.closeInput();
      int exitCode = program.awaitExit(WAIT);
      return new Finished(exitCode, program.output());
    }
  }

  /** Whether {@code command} (e.g. {@code openssl version}) can be run and exits with 0. */
  static boolean runs(List<String> command) throws InterruptedException {
    try {
      return run(Path.of("."), command).exitCode() == 0;
    } catch (IOException notInstalled) {
      return false;
    }
  }

  private void readOutput() {
    try (BufferedReader output =
        new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8))) {
      String line;
      while ((line = output.readLine()) != null) {
        printed.add(line);
        unread.add(Optional.of(line));
      }
    } catch (IOException e) {
      printed.add("<output unreadable: " + e.getMessage() + ">");
    }
    unread.add(END);
  }

  /** Sends {@code line} and a line feed to the program's stdin. */
  void type(String line) throws IOException {
    OutputStream stdin = process.getOutputStream();
    stdin.write((line + "\n").getBytes(UTF_8));
    stdin.flush();
  }

  void closeInput() throws IOException {
    process.getOutputStream().close();
  }

  /** Waits for the next line containing {@code text}; fails after {@link #WAIT}. */
  String awaitLine(String text) throws InterruptedException {
    return awaitLine(line -> line.contains(text), "'" + text + "'");
  }

  /** Waits for the next line that is {@code wanted}; fails after {@link #WAIT}. */
  String awaitLine(Predicate<String> wanted, String description) throws InterruptedException {
    return findLine(wanted, WAIT)
        .orElseThrow(
            () ->
                new AssertionError(
                    name + " printed no line with " + description + "; it printed:\n" + output()));
  }

  /**
   * The next unread line that is {@code wanted}, skipping the others; empty if the program ends its
   * output or {@code timeout} passes first.
   */
  Optional<String> findLine(Predicate<String> wanted, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<String> next = unread.poll(deadline - System.nanoTime(), NANOSECONDS);
      if (next == null) {
        return Optional.empty(); // time is up
      }
      if (next.isEmpty()) {
        unread.add(END); // for the next caller too
        return Optional.empty();
      }
      if (wanted.test(next.get())) {
        return next;
      }
    }
  }

  /** Everything the program printed so far, one line per line. */
  String output() {
    return String.join("\n", printed);
  }

  /**
   * Asks the program to end (SIGTERM), so that it finishes its files; its output stays readable.
   */
  void stop() {
    // Through the handle: Process.destroy() would also close our end of its output.
    process.toHandle().destroy();
  }

  boolean isRunning() {
    return process.isAlive();
  }

  /** Whether the program ends within {@code timeout}. */
  boolean endsWithin(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toNanos(), NANOSECONDS);
  }

  /** Waits for the program to end and for its last line to be read; returns its exit code. */
  int awaitExit(Duration timeout) throws InterruptedException {
    if (!endsWithin(timeout)) {
      throw new AssertionError(
          name + " still runs after " + timeout + "; it printed:\n" + output());
    }
    reader.join(timeout);
    return process.exitValue();
  }

  /** Kills the program and its children (tshark runs dumpcap) if they still run. */
  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the test is ending anyway; keep the interrupt visible
    }
  }
}
