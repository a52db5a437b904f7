package securechat.core.terminal;

import java.io.IOException;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.history.DefaultHistory;
import org.jline.terminal.Terminal;

/**
 * A {@link ConsoleView} for a person at a terminal, built on JLine 3: line editing, arrow-key
 * history, a masked password prompt, and incoming messages printed above the line being typed.
 *
 * <p>Keys: Enter sends the line; Ctrl-D on an empty line, or Ctrl-C on an empty line, ends the
 * input ({@link #readLine} returns {@code null}); Ctrl-C on a half-typed line throws that line away
 * and asks again.
 *
 * <p><b>Protects</b> passwords from the history: the history lives in memory only (no history file
 * is ever written), and {@code /login} and {@code /register} lines, which carry a password, never
 * enter it, so the up-arrow cannot bring a password back on screen.
 */
public final class JLineConsole implements ConsoleView {
  private static final char MASK = '*';

  private final LineReader reader;

  /** A console on {@code terminal}; closing the console closes the terminal. */
  public JLineConsole(Terminal terminal) {
    this(newReader(terminal));
  }

  JLineConsole(LineReader reader) {
    this.reader = Objects.requireNonNull(reader, "reader");
  }

  /** The line reader this console uses: memory-only history without secrets. */
  static LineReader newReader(Terminal terminal) {
    return LineReaderBuilder.builder()
        .terminal(terminal)
        .appName("securechat")
        // No LineReader.HISTORY_FILE variable: DefaultHistory then never touches the disk.
        .history(new SecretFreeHistory())
        .build();
  }

  @Override
  public String readLine(String prompt) throws IOException {
    while (true) {
      try {
        return reader.readLine(prompt);
      } catch (UserInterruptException ctrlC) {
        if (ctrlC.getPartialLine().isEmpty()) {
          return null;
        }
      } catch (EndOfFileException ctrlD) {
        return null;
      }
    }
  }

  /** Reads a line showing {@code *} for each character; masked lines never enter the history. */
  @Override
  public String readSecret(String prompt) throws IOException {
    try {
      return reader.readLine(prompt, MASK);
    } catch (UserInterruptException | EndOfFileException cancelled) {
      return null;
    }
  }

  /** Prints above the input line and redraws the prompt and whatever was typed so far. */
  @Override
  public void print(String line) {
    reader.printAbove(line);
  }

  @Override
  public boolean isInteractive() {
    return true;
  }

  @Override
  public void close() throws IOException {
    reader.getTerminal().close();
  }

  /** True for lines that carry a password: {@code /login} and {@code /register}, in any case. */
  static boolean carriesPassword(String line) {
    String command = line.stripLeading().toLowerCase(Locale.ROOT);
    return command.startsWith("/login ") || command.startsWith("/register ");
  }

  /**
   * JLine's in-memory history minus the lines that carry a password. (JLine's own {@code
   * HISTORY_IGNORE} patterns are case-sensitive, and the server accepts {@code /LOGIN} too.)
   */
  static final class SecretFreeHistory extends DefaultHistory {
    @Override
    public void add(Instant time, String line) {
      if (!carriesPassword(line)) {
        super.add(time, line);
      }
    }
  }
}
