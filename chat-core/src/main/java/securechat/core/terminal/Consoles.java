package securechat.core.terminal;

import java.io.Console;
import java.io.IOException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The factory of this process's {@link ConsoleView}: a {@link JLineConsole} when a person is typing
 * at a terminal, a {@link StreamConsole} on standard input and output otherwise (pipes, files, CI,
 * {@code TERM=dumb}).
 *
 * <pre>{@code
 * try (ConsoleView console = Consoles.open()) {
 *   console.print("hello");
 * }
 * }</pre>
 */
public final class Consoles {

  private Consoles() {}

  /** Opens the console for this process; the caller closes it. */
  public static ConsoleView open() throws IOException {
    if (!stdinAndStdoutAreTerminal() || "dumb".equals(System.getenv("TERM"))) {
      return StreamConsole.ofSystem();
    }
    Terminal terminal =
        TerminalBuilder.builder()
            .system(true)
            // Allowing the dumb fallback explicitly is what keeps JLine from printing
            // "Unable to create a system terminal" when it cannot use the real one.
            .dumb(true)
            .build();
    return new JLineConsole(terminal);
  }

  /**
   * True when both standard input and output are a terminal. On Java 21, {@link System#console()}
   * is {@code null} otherwise; from Java 22 it may exist for redirected streams too, and only its
   * {@code isTerminal()} method (absent in 21, so called reflectively) tells.
   */
  public static boolean stdinAndStdoutAreTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException java21) {
      return true;
    }
  }

  /**
   * Whether to colour output: not with {@code --no-color}, not when {@code NO_COLOR} is set
   * (no-color.org), not on a dumb terminal, and only when a person is at a terminal.
   */
  public static boolean colourWanted(boolean noColourOption) {
    return !noColourOption
        && System.getenv("NO_COLOR") == null
        && !"dumb".equals(System.getenv("TERM"))
        && stdinAndStdoutAreTerminal();
  }
}
