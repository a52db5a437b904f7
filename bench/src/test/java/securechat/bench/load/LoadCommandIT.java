package securechat.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import securechat.core.cli.CliErrorHandler;

/**
 * Small load runs of every stage and pattern, each with its own server JVM: the counts must add up
 * (every expected delivery arrives, once, with no error) and the server's figures must be there.
 * Never a check on speed: the figures of a shared test machine mean nothing.
 */
class LoadCommandIT {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({
    // Broadcast and whisper take the same path through a stage's channel: plain has both, the
    // other stages one each (the suite's time is precious).
    "plain, broadcast, 200",
    "plain, whisper, 200",
    "tls, whisper, 200",
    "ecdhe, whisper, 200",
    // An e2e broadcast is one envelope per recipient, sealed and opened by the clients: 19 times
    // the work of a whisper, so a lower rate keeps the run small on a busy test machine.
    "e2e, broadcast, 10",
    "e2e, whisper, 100"
  })
  @Timeout(180)
  void everyMessageArrivesOnceAndTheServerIsMeasured(String stage, String pattern, String rate)
      throws Exception {
    JsonNode report =
        run(
            "--stage",
            stage,
            "--pattern",
            pattern,
            "--clients",
            "20",
            "--rate",
            rate,
            "--duration",
            "1s",
            "--drain",
            "20s");

    JsonNode messages = report.path("messages");
    long perMessage = pattern.equals("broadcast") ? 19 : 1;
    assertThat(messages.path("sent").asLong()).isPositive();
    assertThat(messages.path("expected").asLong())
        .isEqualTo(messages.path("sent").asLong() * perMessage);
    assertThat(messages.path("delivered").asLong()).isEqualTo(messages.path("expected").asLong());
    assertThat(messages.path("lost").asLong()).isZero();
    assertThat(messages.path("duplicates").asLong()).isZero();
    assertThat(report.path("errorCount").asLong()).as(report.path("errors").toString()).isZero();
    assertThat(report.path("logins").path("count").asInt()).isEqualTo(20);
    assertThat(report.path("latency").path("count").asLong())
        .isEqualTo(messages.path("delivered").asLong());
    assertServerMeasured(report);
  }

  @ParameterizedTest
  @CsvSource({"plain", "tls", "ecdhe", "e2e"})
  @Timeout(180)
  void connectPatternCompletesHandshakes(String stage) throws Exception {
    JsonNode report =
        run("--stage", stage, "--pattern", "connect", "--clients", "4", "--duration", "1s");

    assertThat(report.path("handshakes").path("count").asLong()).isPositive();
    assertThat(report.path("latency").path("count").asLong())
        .isEqualTo(report.path("handshakes").path("count").asLong());
    assertThat(report.path("errorCount").asLong()).as(report.path("errors").toString()).isZero();
    assertServerMeasured(report);
  }

  private static void assertServerMeasured(JsonNode report) {
    JsonNode server = report.path("server");
    assertThat(server.path("heapPeakBytes").asLong()).isPositive();
    assertThat(server.path("heapLiveBytes").asLong()).isPositive();
    assertThat(server.path("platformThreads").asInt()).isPositive();
    assertThat(report.path("serverNote").asText()).isEmpty();
  }

  private JsonNode run(String... options) throws Exception {
    Path json = dir.resolve("report.json");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine lab = CliErrorHandler.configure(TestStages.bench().commandLine());
    lab.setOut(new PrintWriter(out));
    lab.setErr(new PrintWriter(err));
    String[] args = new String[options.length + 3];
    args[0] = "load";
    System.arraycopy(options, 0, args, 1, options.length);
    args[options.length + 1] = "--json";
    args[options.length + 2] = json.toString();

    int status = lab.execute(args);

    assertThat(status).as(err.toString()).isZero();
    assertThat(out.toString()).contains("lab bench load:");
    return new ObjectMapper().readTree(Files.readString(json));
  }
}
