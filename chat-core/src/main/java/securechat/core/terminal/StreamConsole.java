package securechat.core.terminal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link ConsoleView} over plain streams, for scripts and pipes: {@code ./lab client < lines.txt}
 * or {@code printf 'hello\n' | ./lab client}.
 *
 * <p>It is never interactive, so prompts are not printed: a script's output holds only what the
 * chat printed, one line per {@link #print}. {@link #readSecret} reads the next line of the same
 * input, visibly, like any other line; a password should come from a file or the environment
 * instead.
 *
 * <p>{@link #print} may be called from any thread (the client's reader thread prints while the main
 * thread reads input); a {@link ReentrantLock} keeps lines whole. It is not {@code synchronized}
 * because a virtual thread blocked inside {@code synchronized} pins its carrier on Java 21.
 */
public final class StreamConsole implements ConsoleView {
  private final BufferedReader in;
  private final PrintStream out;
  private final ReentrantLock printLock = new ReentrantLock();

  public StreamConsole(BufferedReader in, PrintStream out) {
    this.in = Objects.requireNonNull(in, "in");
    this.out = Objects.requireNonNull(out, "out");
  }

  /** A console on this process's standard input and output, both read and written as UTF-8. */
  public static StreamConsole ofSystem() {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    return new StreamConsole(in, new PrintStream(System.out, true, StandardCharsets.UTF_8));
  }

  /** Reads the next line; the prompt is not printed (see the class comment). */
  @Override
  public String readLine(String prompt) throws IOException {
    return in.readLine();
  }

  /** Reads the next line of the same input: there is no terminal that could hide it. */
  @Override
  public String readSecret(String prompt) throws IOException {
    return in.readLine();
  }

  @Override
  public void print(String line) {
    printLock.lock();
    try {
      out.println(line);
      out.flush();
    } finally {
      printLock.unlock();
    }
  }

  @Override
  public boolean isInteractive() {
    return false;
  }

  /** Flushes the output. The streams stay open: they belong to whoever made this console. */
  @Override
  public void close() {
    out.flush();
  }
}
