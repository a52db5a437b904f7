package securechat.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import securechat.bench.cli.BenchCommand;
import securechat.core.cli.CliErrorHandler;

/**
 * Runs {@code lab bench compare} for real with tiny durations: every part gives both figures and a
 * ratio when the peers are installed (as on the lab's CI image), and every row is skipped with an
 * install hint when they are not (a PATH without them), except Fernet against the raw JCE floor,
 * which is ours against ours. No figure is checked against a target: speed is for the benchmark
 * runs, not for tests.
 */
class CompareCommandIT {
  private static final BenchCommand BENCH = new BenchCommand(List.of(), TestLab.class.getName());

  @Test
  @Timeout(600)
  void everyPartGivesPositiveFiguresAndARatio(@TempDir Path directory) throws Exception {
    Path markdown = directory.resolve("compare.md");
    StringWriter out = new StringWriter();

    int status =
        run(
            ToolPath.fromEnvironment(),
            out,
            "--seconds",
            "0.3",
            "--capture-packets",
            "3000",
            "--json",
            "-",
            "--markdown",
            markdown.toString());

    assertThat(status).isZero();
    JsonNode rows = new ObjectMapper().readTree(out.toString()).get("comparisons");
    List<String> parts = new ArrayList<>();
    for (JsonNode row : rows) {
      String figure = row.get("figure").asText();
      assertThat(row.get("skipped").isNull()).as(figure + ": " + row.get("skipped")).isTrue();
      assertThat(row.get("ours").get("perSecond").asDouble()).as(figure).isPositive();
      assertThat(row.get("peer").get("perSecond").asDouble()).as(figure).isPositive();
      assertThat(row.get("ratio").asDouble()).as(figure).isPositive();
      assertThat(Files.readString(markdown)).contains("| " + figure + " |");
      parts.add(row.get("part").asText());
    }
    assertThat(parts).contains("fernet", "tls", "sniffer", "speed");
  }

  @Test
  @Timeout(600)
  void missingPeersAreSkippedWithTheirInstallHints(@TempDir Path emptyPath) throws Exception {
    StringWriter out = new StringWriter();

    int status =
        run(
            new ToolPath(emptyPath.toString()),
            out,
            "--seconds",
            "0.1",
            "--capture-packets",
            "1000",
            "--json",
            "-");

    assertThat(status).isZero();
    JsonNode rows = new ObjectMapper().readTree(out.toString()).get("comparisons");
    assertThat(rows).isNotEmpty();
    for (JsonNode row : rows) {
      if (row.get("peerName").asText().startsWith("raw JCE")) {
        continue; // ours against ours: no peer program to miss
      }
      assertThat(row.get("verdict").asText()).as(row.get("figure").asText()).startsWith("skipped");
      assertThat(row.get("ratio").isNull()).isTrue();
    }
    assertThat(out.toString())
        .contains("python3 not found on PATH; install Python 3")
        .contains("openssl not found on PATH; install OpenSSL 3")
        .contains("tshark not found on PATH; install Wireshark");
  }

  private static int run(ToolPath tools, StringWriter out, String... args) {
    CommandLine command =
        CliErrorHandler.configure(new CommandLine(new CompareCommand(BENCH, tools, 0)));
    command.setOut(new PrintWriter(out)).setErr(new PrintWriter(new StringWriter()));
    return command.execute(args);
  }
}
