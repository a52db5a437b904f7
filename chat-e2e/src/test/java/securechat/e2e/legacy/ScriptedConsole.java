package securechat.e2e.legacy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import securechat.core.terminal.ConsoleView;

/**
 * A {@link ConsoleView} a test types into while the program runs: {@link #readLine} waits until the
 * test {@link #type}s a line or {@link #endInput}s, and every printed line is recorded for the test
 * to wait on. Unlike chat-core's {@code RecordingConsole}, input does not run out by itself, so a
 * client stays connected until the test lets it go.
 */
final class ScriptedConsole implements ConsoleView {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final String name;
  private final BlockingQueue<Optional<String>> input = new LinkedBlockingQueue<>();
  private final BlockingQueue<String> printed = new LinkedBlockingQueue<>();
  private final List<String> everything = new CopyOnWriteArrayList<>();
  private final List<String> prompts = new CopyOnWriteArrayList<>();

  ScriptedConsole(String name) {
    this.name = name;
  }

  void type(String line) {
    input.add(Optional.of(line));
  }

  void endInput() {
    input.add(Optional.empty());
  }

  /** Waits for the next line; an interrupted wait counts as the end of input. */
  @Override
  public String readLine(String prompt) {
    prompts.add(prompt);
    try {
      return input.take().orElse(null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  @Override
  public String readSecret(String prompt) {
    return readLine(prompt);
  }

  @Override
  public void print(String line) {
    everything.add(line);
    printed.add(line);
  }

  @Override
  public boolean isInteractive() {
    return false;
  }

  @Override
  public void close() {}

  /** The next printed line, waiting up to 10 seconds for it. */
  String nextLine() throws InterruptedException {
    String line = printed.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    if (line == null) {
      throw new AssertionError(name + " printed nothing more within 10 s; all: " + everything);
    }
    return line;
  }

  /** The next printed line that starts with {@code prefix}, skipping others. */
  String nextLineStartingWith(String prefix) throws InterruptedException {
    while (true) {
      String line = nextLine();
      if (line.startsWith(prefix)) {
        return line;
      }
    }
  }

  /** Every line printed since the start, including those already taken. */
  List<String> everything() {
    return List.copyOf(everything);
  }

  List<String> prompts() {
    return List.copyOf(prompts);
  }
}
