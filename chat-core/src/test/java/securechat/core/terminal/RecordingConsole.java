package securechat.core.terminal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link ConsoleView} for tests: hands out scripted input lines, then end of input, and records
 * every printed line (with the name of the thread that printed it) for the test to wait on.
 */
public final class RecordingConsole implements ConsoleView {
  private static final Duration WAIT = Duration.ofSeconds(5);

  private final boolean interactive;
  private final ConcurrentLinkedDeque<String> input;
  private final BlockingQueue<String> printed = new LinkedBlockingQueue<>();
  private final List<String> prompts = new CopyOnWriteArrayList<>();
  private volatile String lastPrintingThread = "";
  private volatile boolean closed;

  public RecordingConsole(boolean interactive, String... typedLines) {
    this.interactive = interactive;
    this.input = new ConcurrentLinkedDeque<>(List.of(typedLines));
  }

  /** A non-interactive console with nothing to read. */
  public static RecordingConsole silent() {
    return new RecordingConsole(false);
  }

  @Override
  public String readLine(String prompt) {
    prompts.add(prompt);
    return input.pollFirst();
  }

  @Override
  public String readSecret(String prompt) {
    prompts.add(prompt);
    return input.pollFirst();
  }

  @Override
  public void print(String line) {
    lastPrintingThread = Thread.currentThread().getName();
    printed.add(line);
  }

  @Override
  public boolean isInteractive() {
    return interactive;
  }

  @Override
  public void close() {
    closed = true;
  }

  /** The next printed line, waiting up to 5 seconds for it. */
  public String nextLine() throws InterruptedException {
    String line = printed.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    if (line == null) {
      throw new AssertionError("nothing was printed within " + WAIT.toSeconds() + " s");
    }
    return line;
  }

  /** The next printed line that starts with {@code prefix}, skipping others. */
  public String nextLineStartingWith(String prefix) throws InterruptedException {
    while (true) {
      String line = nextLine();
      if (line.startsWith(prefix)) {
        return line;
      }
    }
  }

  /** Every line printed so far and not yet taken by {@link #nextLine}. */
  public List<String> remainingLines() {
    List<String> lines = new ArrayList<>();
    printed.drainTo(lines);
    return lines;
  }

  public List<String> prompts() {
    return List.copyOf(prompts);
  }

  public String lastPrintingThread() {
    return lastPrintingThread;
  }

  public boolean isClosed() {
    return closed;
  }
}
