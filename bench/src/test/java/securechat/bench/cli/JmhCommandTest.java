package securechat.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import securechat.core.cli.CliErrorHandler;

class JmhCommandTest {
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine command = CliErrorHandler.configure(new CommandLine(new JmhCommand()));
    command.setOut(new PrintWriter(new StringWriter()));
    command.setErr(new PrintWriter(err));
    return command.execute(args);
  }

  @Test
  void aFilterThatMatchesNoBenchmarkIsOneLineNamingTheBenchmarks() {
    assertThat(run("NoSuchBenchmark")).isNotZero();
    assertThat(err.toString().strip())
        .startsWith("error: no benchmark class matches 'NoSuchBenchmark'")
        .contains("FernetBenchmark")
        .doesNotContain("\n\tat ");
  }

  @Test
  void aFilterThatIsNotARegularExpressionIsOneLine() {
    assertThat(run("Fernet(")).isNotZero();
    assertThat(err.toString().strip())
        .startsWith("error: FILTER is not a regular expression")
        .hasLineCount(1);
  }

  @Test
  void theTableAlignsScoresAndLeavesOutAnErrorJmhCouldNotGive() {
    String table =
        JmhCommand.table(
            List.of(
                new JmhSuite.Row(
                    "FernetBenchmark.encrypt", "messageBytes=100", 1_054_321.25, 12_345.5, "ops/s"),
                new JmhSuite.Row("HkdfBenchmark.derive96Bytes", "", 250_000, Double.NaN, "ops/s")));
    assertThat(table.lines())
        .containsExactly(
            "benchmark                                             score       ± error  unit",
            "FernetBenchmark.encrypt (messageBytes=100)      1,054,321.3      12,345.5  ops/s",
            "HkdfBenchmark.derive96Bytes                       250,000.0                ops/s");
  }
}
