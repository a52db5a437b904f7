package securechat.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ComparisonJsonTest {
  private static final ComparisonReport REPORT =
      new ComparisonReport(
          List.of(
              Comparison.of(
                  "fernet",
                  "Fernet encrypt, 100 B",
                  "tokens/s",
                  new Measurement(343_296, "JMH FernetBenchmark.encrypt"),
                  "Python cryptography",
                  new Measurement(54_220, "python3 fernet_peer.py 5 100 1048576"),
                  Target.atLeast(20)),
              Comparison.skipped(
                  "sniffer",
                  "lab sniff --read, whole process",
                  "packets/s",
                  Optional.of(new Measurement(1_000_000, "./lab sniff --read chat.pcap")),
                  "tshark",
                  Target.atLeast(2),
                  PeerTool.TSHARK.missing()),
              Comparison.of(
                  "speed",
                  "X25519 key agreement",
                  "agreements/s",
                  new Measurement(9_000, "JMH X25519Benchmark.agree"),
                  "openssl speed",
                  new Measurement(30_000, "openssl speed -seconds 5 ecdhx25519"),
                  Target.ANCHOR)),
          Instant.parse("2026-11-24T16:00:00Z"),
          "2 cores, Java 25",
          Duration.ofSeconds(5));

  @Test
  void jsonReadsBackAsTheSameReport() throws IOException {
    assertThat(ComparisonJson.read(ComparisonJson.write(REPORT))).isEqualTo(REPORT);
  }

  @Test
  void jsonCarriesRatioTargetAndVerdictOfEachRow() throws IOException {
    JsonNode rows = new ObjectMapper().readTree(ComparisonJson.write(REPORT)).get("comparisons");

    assertThat(rows).hasSize(3);
    assertThat(rows.get(0).get("ratio").asDouble()).isEqualTo(343_296 / 54_220.0);
    assertThat(rows.get(0).get("targetRatio").asDouble()).isEqualTo(20);
    assertThat(rows.get(0).get("verdict").asText()).isEqualTo("missed");
    assertThat(rows.get(1).get("ratio").isNull()).isTrue();
    assertThat(rows.get(1).get("skipped").asText()).startsWith("tshark not found on PATH");
    assertThat(rows.get(2).get("targetRatio").isNull()).isTrue();
  }

  @Test
  void notAReportIsAnError() {
    assertThatThrownBy(() -> ComparisonJson.read("{\"comparisons\": []}"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not a lab bench compare report");
  }

  @Test
  void markdownHasARowPerComparisonAndEveryCommand() {
    String markdown = ComparisonTable.markdown(REPORT);

    assertThat(markdown)
        .contains("| figure | unit | ours | peer | ratio | target | result |")
        .contains(
            "| Fernet encrypt, 100 B | tokens/s | 343,296 | 54,220 (Python cryptography) | 6.33×"
                + " | ≥ 20× | missed |")
        .contains("| X25519 key agreement | agreements/s | 9,000 | 30,000 (openssl speed) | 0.30×")
        .contains("skipped: tshark not found on PATH")
        .contains("`python3 fernet_peer.py 5 100 1048576`")
        .contains("`./lab sniff --read chat.pcap`");
  }

  @Test
  void textTableAlignsItsColumns() {
    List<String> lines = ComparisonTable.text(REPORT).lines().toList();

    assertThat(lines).hasSize(4);
    int ratioColumn = lines.get(0).indexOf("ratio");
    assertThat(lines.get(1).substring(ratioColumn)).startsWith("6.33×");
  }
}
