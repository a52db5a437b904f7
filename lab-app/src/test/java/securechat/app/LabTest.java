package securechat.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
        .contains("demo", "server", "client", "user", "certs", "./lab test", "generate-completion");
  }

  @Test
  void everySubcommandHasHelpAndTheVersion() {
    for (String command : new String[] {"demo", "server", "client", "user", "certs"}) {
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
  void theTlsStageOptionsAreListedAndRefusedForAnotherStage() {
    assertThat(run("client", "--help")).isZero();
    assertThat(out.toString())
        .contains("--insecure-trust-all", "--mutual-tls", "--ca=FILE", "--keylog=FILE");
    assertThat(run("server", "--help")).isZero();
    assertThat(out.toString()).contains("--cert=NAME", "--mutual-tls");

    assertThat(run("client", "--stage", "plain", "--insecure-trust-all")).isEqualTo(1);
    assertThat(err.toString())
        .isEqualTo(
            "error: --insecure-trust-all is an option of the tls stage, not of the plain stage\n"
                + "hint: add --stage tls, or leave --insecure-trust-all out\n");
  }

  @Test
  void theEcdheStageOptionsAreListedAndFramingNeedsCompat() {
    assertThat(run("client", "--help")).isZero();
    assertThat(out.toString())
        .contains(
            "--curve=CURVE", "--insecure-no-auth", "--insecure-compat=SEED", "--framing=FRAMING");

    assertThat(run("client", "--stage", "plain", "--insecure-compat", "seed000")).isEqualTo(1);
    assertThat(err.toString())
        .startsWith(
            "error: --insecure-compat is an option of the ecdhe stage, not of the plain stage\n");
  }

  @Test
  void framingWithoutCompatIsRefused(@TempDir Path dataDir) {
    String[] args = {
      "client",
      "--stage",
      "ecdhe",
      "--framing",
      "raw",
      "--port",
      "1",
      "--data-dir",
      dataDir.toString()
    };
    assertThat(run(args)).isEqualTo(1);
    assertThat(err.toString())
        .isEqualTo("error: --framing applies only with --insecure-compat seed000\n");
  }

  @Test
  void theKeyLogIsRefusedForThePlainStage(@TempDir Path dataDir) {
    String[] args = {
      "server",
      "--stage",
      "plain",
      "--keylog",
      "keys.log",
      "--port",
      "0",
      "--data-dir",
      dataDir.toString()
    };
    assertThat(run(args)).isEqualTo(1);
    assertThat(err.toString())
        .startsWith("error: the plain stage has no keys, so --keylog has nothing to write\n");
  }

  @Test
  void completionScriptCompletesStages() {
    assertThat(run("generate-completion")).isZero();
    assertThat(out.toString()).contains("lab Bash Completion", "--stage");
  }
}
