package securechat.attacks.crack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;
import securechat.core.cli.CliErrorHandler;

@Timeout(60)
class DesCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return CliErrorHandler.configure(new CommandLine(new DesCommand()))
        .setOut(new PrintWriter(out))
        .setErr(new PrintWriter(err))
        .execute(args);
  }

  @Test
  void sameSeedGivesTheSameKeyAndTheSearchFindsIt() {
    String key = DesVerdicts.hex(DesChallenge.random(new Random(5)).key());

    int exitCode = run("--bits", "8", "--seed", "5", "--no-color");

    assertThat(exitCode).isZero();
    assertThat(out.toString())
        .contains("the key (the victim's secret): " + key)
        .contains("  seen: key found: " + key)
        .contains("verdict: SUCCEEDED  des on des-ecb");
  }

  @Test
  void bitsOutsideOneToFiftySixAreRefused() {
    assertThat(run("--bits", "57")).isEqualTo(CliErrorHandler.EXIT_FAILURE);
    assertThat(run("--bits", "0")).isEqualTo(CliErrorHandler.EXIT_FAILURE);

    assertThat(err.toString().lines())
        .containsExactly(
            "error: --bits must be 1 to 56, not 57", "error: --bits must be 1 to 56, not 0");
    assertThat(out.toString()).isEmpty();
  }
}
