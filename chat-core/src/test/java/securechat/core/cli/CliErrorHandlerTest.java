package securechat.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Errors a user can cause are one sentence on stderr, never a stack trace. */
class CliErrorHandlerTest {

  @Command(name = "failing")
  record Failing(Exception error) implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
      throw error;
    }
  }

  private static String stderrOf(Exception error) {
    StringWriter err = new StringWriter();
    int exit =
        CliErrorHandler.configure(new CommandLine(new Failing(error)))
            .setErr(new PrintWriter(err))
            .execute();
    assertThat(exit).isNotZero();
    return err.toString();
  }

  @Test
  void aFileOfAnotherUserSaysPermissionDeniedAndWhy() {
    assertThat(stderrOf(new AccessDeniedException("lab-data/demo")))
        .isEqualTo(
            "error: permission denied: lab-data/demo (made by another user? after sudo, give it"
                + " back with chown)"
                + System.lineSeparator());
  }

  @Test
  void aMissingFileIsNamed() {
    assertThat(stderrOf(new NoSuchFileException("notes.txt")))
        .isEqualTo("error: no such file or folder: notes.txt" + System.lineSeparator());
  }

  @Test
  void aConfigExceptionShowsItsHint() {
    assertThat(stderrOf(new ConfigException("bad port", "use 1-65535")))
        .isEqualTo(
            "error: bad port"
                + System.lineSeparator()
                + "hint: use 1-65535"
                + System.lineSeparator());
  }
}
