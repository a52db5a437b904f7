package securechat.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerdictJsonTest {
  private final Verdict verdict =
      new Verdict(
          "crack",
          "unsalted-sha256",
          Outcome.SUCCEEDED,
          "cracked 7 of 8 passwords",
          "no salt",
          List.of("alice: dragon"),
          Map.of("guesses_per_second", 1.5e6));

  @Test
  void verdictsBecomeAnArrayOfObjectsWithTheOutcomeInLowerCase() throws Exception {
    StringWriter out = new StringWriter();

    VerdictJson.write(List.of(verdict), out);

    JsonNode node = new ObjectMapper().readTree(out.toString()).get(0);
    assertThat(node.get("attack").asText()).isEqualTo("crack");
    assertThat(node.get("outcome").asText()).isEqualTo("succeeded");
    assertThat(node.get("evidence").get(0).asText()).isEqualTo("alice: dragon");
    assertThat(node.get("figures").get("guesses_per_second").asDouble()).isEqualTo(1.5e6);
  }

  @Test
  void theNarratorPrintsOutcomeHeadlineEvidenceFiguresAndWhy() {
    StringWriter out = new StringWriter();

    new Narrator(new PrintWriter(out), false).verdict(verdict);

    assertThat(out.toString())
        .contains("verdict: SUCCEEDED  crack on unsalted-sha256")
        .contains("  cracked 7 of 8 passwords")
        .contains("  seen: alice: dragon")
        .contains("  guesses_per_second: 1500000.0")
        .contains("  why: no salt");
  }

  @Test
  void theNarratorMakesUntrustedTextSafeToPrint() {
    StringWriter out = new StringWriter();

    new Narrator(new PrintWriter(out), false).saw("evil \u001b[2J line");

    assertThat(out.toString()).doesNotContain("\u001b");
  }
}
