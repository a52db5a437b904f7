package securechat.core.terminal;

import java.util.function.Consumer;

/**
 * A console nobody types into: what is printed goes to a consumer, reads return {@code null} (end
 * of input). For programs that drive a server or client without a person: the demo, benchmarks.
 * Subclasses may override {@link #print} to watch for lines.
 */
public class PrintOnlyConsole implements ConsoleView {
  private final Consumer<String> printed;

  /** Prints nowhere. */
  public PrintOnlyConsole() {
    this(line -> {});
  }

  public PrintOnlyConsole(Consumer<String> printed) {
    this.printed = printed;
  }

  @Override
  public String readLine(String prompt) {
    return null;
  }

  @Override
  public String readSecret(String prompt) {
    return null;
  }

  @Override
  public void print(String line) {
    printed.accept(line);
  }

  @Override
  public boolean isInteractive() {
    return false;
  }

  @Override
  public void close() {}
}
