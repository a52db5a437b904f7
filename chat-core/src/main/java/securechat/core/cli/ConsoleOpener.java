package securechat.core.cli;

import java.io.IOException;
import securechat.core.terminal.ConsoleView;

/** Opens the console once a command's options are known to be valid; tests pass their own. */
@FunctionalInterface
interface ConsoleOpener {
  ConsoleView open() throws IOException;
}
