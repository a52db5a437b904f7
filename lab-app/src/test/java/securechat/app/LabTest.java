package securechat.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The root command: every subcommand is listed, versions and usage errors behave. */
class LabTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine lab = Lab.commandLine(new ByteArrayInputStream(new byte[0]));
    return lab.setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
  }

  @Test
  void helpListsEverySubcommand() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString())
        .contains("demo", "server", "client", "user", "./lab test", "generate-completion");
  }

  @Test
  void everySubcommandHasHelpAndTheVersion() {
    for (String command : new String[] {"demo", "server", "client", "user"}) {
      assertThat(run(command, "--help")).as(command).isZero();
      assertThat(run(command, "--version")).as(command).isZero();
    }
    assertThat(out.toString()).contains("securechat-lab ");
  }

  @Test
  void unknownSubcommandIsAUsageErrorWithoutAStackTrace() {
    assertThat(run("frobnicate")).isEqualTo(2);
    assertThat(err.toString()).startsWith("Unmatched argument at index 0: 'frobnicate'");
    assertThat(err.toString()).doesNotContain("Exception", "\tat ");
  }

  @Test
  void completionScriptCompletesStages() {
    assertThat(run("generate-completion")).isZero();
    assertThat(out.toString()).contains("lab Bash Completion", "--stage");
  }
}
