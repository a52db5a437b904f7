package securechat.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import securechat.core.terminal.RecordingConsole;

/** {@code lab server} errors a user can cause, each one error line and a hint, exit 1. */
@Timeout(30)
class ServerCommandIT {
  @TempDir Path dataDir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    ServerCommand command = new ServerCommand(ClientCommandTest.STAGES, RecordingConsole::silent);
    return CliErrorHandler.configure(command.commandLine())
        .setOut(new PrintWriter(out))
        .setErr(new PrintWriter(err))
        .execute(args);
  }

  @Test
  void portInUseIsOneErrorAndAHint() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      int exit = run("--port", String.valueOf(port), "--data-dir", dataDir.toString());
      assertThat(exit).isEqualTo(1);
      assertThat(err.toString().lines())
          .containsExactly(
              "error: cannot listen on 127.0.0.1:" + port + ": Address already in use",
              "hint: is another server running there? stop it, or pick another port with --port");
    }
  }

  @Test
  void unknownStageListsTheStages() {
    assertThat(run("--stage", "quantum", "--data-dir", dataDir.toString())).isEqualTo(1);
    assertThat(err.toString())
        .isEqualTo("error: unknown stage 'quantum'; the stages are: plain, tls\n");
  }

  @Test
  void badDurationIsAUsageError() {
    assertThat(run("--login-timeout", "soon")).isEqualTo(2);
    assertThat(err.toString())
        .startsWith(
            "Invalid value for option '--login-timeout': 'soon' is not a duration; write it like"
                + " 500ms, 60s, 30m or 2h");
  }

  @Test
  void helpNamesTheAdminConsoleCommands() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("--stage=STAGE", "--no-admin-console", "select ID|NAME");
  }
}
