package securechat.attacks.crack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import securechat.core.cli.CliErrorHandler;

/** {@code lab attack des} as a student runs it: 16 unknown bits fall, 56 outlast the budget. */
@Timeout(120)
class DesIT {
  private static final Pattern SECRET =
      Pattern.compile("the key \\(the victim's secret\\): (\\w+)");

  @TempDir Path tmp;

  private final StringWriter out = new StringWriter();

  private int run(String... args) {
    return CliErrorHandler.configure(new CommandLine(new DesCommand()))
        .setOut(new PrintWriter(out))
        .setErr(new PrintWriter(new StringWriter()))
        .execute(args);
  }

  @Test
  void sixteenUnknownBitsAreSearchedAndTheVictimsKeyIsFound() throws Exception {
    Path json = tmp.resolve("des.json");

    int exitCode = run("--bits", "16", "--json", json.toString());

    assertThat(exitCode).isZero();
    Matcher secret = SECRET.matcher(out.toString());
    assertThat(secret.find()).isTrue();
    JsonNode verdict = new ObjectMapper().readTree(Files.readString(json)).get(0);
    assertThat(verdict.get("outcome").asText()).isEqualTo("succeeded");
    assertThat(verdict.get("evidence").get(0).asText()).isEqualTo("key found: " + secret.group(1));
    assertThat(verdict.get("figures").get("keys_tried").asLong()).isBetween(1L, 1L << 16);
  }

  @Test
  void fiftySixUnknownBitsOutlastTheBudgetAndTheTimeForAllIsProjected() throws Exception {
    Path json = tmp.resolve("des.json");

    int exitCode = run("--bits", "56", "--budget", "1s", "--json", json.toString());

    assertThat(exitCode).isZero();
    assertThat(out.toString()).contains("verdict: REFUSED  des on des-ecb");
    JsonNode verdict = new ObjectMapper().readTree(Files.readString(json)).get(0);
    assertThat(verdict.get("outcome").asText()).isEqualTo("refused");
    assertThat(verdict.get("headline").asText()).contains("all 2^56 keys would take about");
    assertThat(verdict.get("figures").get("keys_per_second").asDouble()).isPositive();
    assertThat(verdict.get("figures").get("projected_seconds_56_bits").asDouble())
        .isGreaterThan(1.0);
    assertThat(verdict.get("why").asText()).contains("Deep Crack", "lab attack legacy");
  }
}
