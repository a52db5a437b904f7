package securechat.core.terminal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A console that a program types into while another program runs on it: {@link #readLine} waits
 * until a line is {@link #type}d or the input is {@link #endInput ended}, and every printed line is
 * kept, so the typist can wait for what it expects before typing the next line. For programs that
 * play a person at a console-driven program (the attacks drive the seed 004 replica this way), and
 * for their tests.
 *
 * <pre>{@code
 * ScriptedConsole alice = new ScriptedConsole("alice");
 * Thread.ofVirtual().start(() -> runClient(host, port, alice));
 * alice.type("alice");                                   // the username prompt
 * alice.awaitLine(line -> line.contains("bob"), Duration.ofSeconds(10));
 * alice.type("bob:hello bob");
 * alice.endInput();                                      // as Ctrl-D
 * }</pre>
 *
 * <p>Unlike {@link PrintOnlyConsole}, input does not run out by itself: the program keeps waiting
 * for the next line until the typist ends the input.
 */
public final class ScriptedConsole implements ConsoleView {
  private static final Duration NEXT_LINE_WAIT = Duration.ofSeconds(10);

  private final String name;
  private final BlockingQueue<Optional<String>> input = new LinkedBlockingQueue<>();
  private final BlockingQueue<String> unread = new LinkedBlockingQueue<>();
  private final List<String> printed = new CopyOnWriteArrayList<>();
  private final List<String> prompts = new CopyOnWriteArrayList<>();

  /** A console for {@code name}, the person it plays (named in the failures of {@link #await}). */
  public ScriptedConsole(String name) {
    this.name = name;
  }

  /** Types {@code line}, as if a person pressed Enter after it. */
  public void type(String line) {
    input.add(Optional.of(line));
  }

  /** Ends the input, as Ctrl-D does: the next {@link #readLine} returns {@code null}. */
  public void endInput() {
    input.add(Optional.empty());
  }

  /** Waits for the next typed line; an interrupted wait counts as the end of input. */
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
    printed.add(line);
    unread.add(line);
  }

  @Override
  public boolean isInteractive() {
    return false;
  }

  @Override
  public void close() {}

  /**
   * Waits up to {@code timeout} for a printed line that {@code matches}, skipping the lines before
   * it; each line is looked at once.
   *
   * @return the line, or empty if none came in time
   */
  public Optional<String> awaitLine(Predicate<String> matches, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      String line = unread.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (line == null) {
        return Optional.empty();
      }
      if (matches.test(line)) {
        return Optional.of(line);
      }
    }
  }

  /**
   * As {@link #awaitLine}, but a line that does not come is an error.
   *
   * @param wanted what the line should be, for the message
   * @throws IllegalStateException naming this console, what was wanted and everything it printed
   */
  public String await(Predicate<String> matches, String wanted, Duration timeout)
      throws InterruptedException {
    return awaitLine(matches, timeout)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    name
                        + " printed no "
                        + wanted
                        + " within "
                        + (timeout.toMillis() < 1000
                            ? timeout.toMillis() + " ms"
                            : timeout.toSeconds() + " s")
                        + "; it printed: "
                        + printed));
  }

  /** The next printed line, waiting up to 10 seconds; an error if none comes. */
  public String nextLine() throws InterruptedException {
    return await(line -> true, "further line", NEXT_LINE_WAIT);
  }

  /** The next printed line starting with {@code prefix}, skipping others; at most 10 seconds. */
  public String nextLineStartingWith(String prefix) throws InterruptedException {
    return await(line -> line.startsWith(prefix), "line starting '" + prefix + "'", NEXT_LINE_WAIT);
  }

  /** Every prompt the program showed before reading a line, in order. */
  public List<String> prompts() {
    return List.copyOf(prompts);
  }

  /** Every line printed so far, in order, including those already awaited. */
  public List<String> printed() {
    return List.copyOf(printed);
  }

  @Override
  public String toString() {
    return "ScriptedConsole(" + name + ")";
  }
}
