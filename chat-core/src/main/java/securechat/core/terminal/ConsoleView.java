package securechat.core.terminal;

import java.io.Closeable;
import java.io.IOException;

/**
 * A console a person (or a script) talks to: reads typed lines and prints lines without breaking
 * the line being typed. The client and the server's administration console both use it.
 *
 * <p>{@link #print} shows text as it is: anything that came from the network must pass through
 * {@link TerminalText#sanitize} first.
 */
public interface ConsoleView extends Closeable {

  /** Reads the next typed line, or {@code null} at the end of input (Ctrl-D, end of stdin). */
  String readLine(String prompt) throws IOException;

  /** Reads a secret (a password) without echoing it; {@code null} if no one can type it. */
  String readSecret(String prompt) throws IOException;

  /** Prints one line above the input line. Safe to call from any thread. */
  void print(String line);

  /** True when a person is typing (a terminal), false for piped input. */
  boolean isInteractive();
}
