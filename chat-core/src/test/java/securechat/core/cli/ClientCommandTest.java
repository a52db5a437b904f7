package securechat.core.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import securechat.core.client.FramedTestSecurity;
import securechat.core.terminal.RecordingConsole;

/** {@code lab client} failures that happen before any connection is tried. */
class ClientCommandTest {
  static final List<Stage> STAGES =
      List.of(
          Stage.withoutOptions(
              "plain", 7001, "no protection", c -> new FramedTestSecurity(c.limits())),
          Stage.withoutOptions("tls", 7002, "TLS 1.3", c -> new FramedTestSecurity(c.limits())));

  @TempDir Path tmp;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final RecordingConsole console = RecordingConsole.silent();

  private int run(String... args) {
    ClientCommand command = new ClientCommand(STAGES, () -> console, Map.of());
    return CliErrorHandler.configure(command.commandLine())
        .setOut(new PrintWriter(out))
        .setErr(new PrintWriter(err))
        .execute(args);
  }

  @Test
  void helpListsTheOptionsAndTheStageNames() {
    int exitCode = run("--help");

    assertThat(exitCode).isZero();
    assertThat(out.toString())
        .startsWith("Usage: client ")
        .contains("--stage=STAGE", "Stage: ", "Default: plain")
        .contains("--host=HOST", "--port=PORT", "--user=NAME", "--register")
        .contains(
            "--password-file=FILE", "SECURECHAT_PASSWORD", "--data-dir=DIR", "--downloads=DIR");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void stageNamesAreTheCompletionCandidatesOfStage() {
    ClientCommand command = new ClientCommand(STAGES, () -> console, Map.of());

    CommandLine commandLine = command.commandLine();

    assertThat(commandLine.getCommandSpec().findOption("--stage").completionCandidates())
        .contains("plain", "tls");
  }

  @Test
  void anUnknownStageIsRefusedWithTheListOfStages() {
    int exitCode = run("--stage", "quantum");

    assertThat(exitCode).isEqualTo(1);
    assertThat(err.toString())
        .isEqualTo("error: unknown stage 'quantum'; the stages are: plain, tls\n");
  }

  @Test
  void registerWithoutAUserIsRefused() {
    int exitCode = run("--register");

    assertThat(exitCode).isEqualTo(1);
    assertThat(err.toString())
        .isEqualTo("error: --register needs --user NAME: the account to create\n");
  }

  @Test
  void anInvalidUserNameIsRefusedWithTheRule() {
    int exitCode = run("--user", "Alice");

    assertThat(exitCode).isEqualTo(1);
    assertThat(err.toString())
        .isEqualTo(
            "error: --user 'Alice' is not a valid name; names are 2-16 characters: lowercase"
                + " letters, digits, '_' or '-', starting with a letter\n");
  }

  @Test
  void aPortOutOfRangeIsRefused() {
    int exitCode = run("--port", "70000");

    assertThat(exitCode).isEqualTo(1);
    assertThat(err.toString()).isEqualTo("error: --port must be 1-65535, not 70000\n");
  }

  @Test
  void withoutATerminalAPasswordMustComeFromAFileOrTheEnvironment() {
    int exitCode = run("--user", "alice");

    assertThat(exitCode).isEqualTo(1);
    assertThat(err.toString())
        .isEqualTo(
            "error: no password for alice: the input is not a terminal, so none can be typed\n"
                + "hint: use --password-file FILE, or set SECURECHAT_PASSWORD\n");
    assertThat(console.isClosed()).isTrue();
  }

  @Test
  void aMissingPasswordFileIsNamed() {
    Path missing = tmp.resolve("nope.txt");

    int exitCode = run("--user", "alice", "--password-file", missing.toString());

    assertThat(exitCode).isEqualTo(1);
    assertThat(err.toString())
        .isEqualTo("error: cannot read the password file " + missing + ": no such file\n");
  }

  @Test
  void anEmptyPasswordFileIsRefused() throws Exception {
    Path empty = Files.writeString(tmp.resolve("empty.txt"), "\nsecond line", UTF_8);

    int exitCode = run("--user", "alice", "--password-file", empty.toString());

    assertThat(exitCode).isEqualTo(1);
    assertThat(err.toString()).isEqualTo("error: the password file " + empty + " is empty\n");
  }

  @Test
  void anEmptyPromptAnswerIsRefused() {
    RecordingConsole terminal = new RecordingConsole(true, "");
    ClientCommand command = new ClientCommand(STAGES, () -> terminal, Map.of());

    int exitCode =
        CliErrorHandler.configure(command.commandLine())
            .setErr(new PrintWriter(err))
            .execute("--user", "alice");

    assertThat(exitCode).isEqualTo(1);
    assertThat(terminal.prompts()).containsExactly("password for alice: ");
    assertThat(err.toString()).isEqualTo("error: no password given for alice\n");
  }
}
