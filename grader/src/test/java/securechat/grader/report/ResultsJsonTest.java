package securechat.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * results.json against Gradescope's field list ("Autograder Specifications", output format): no
 * field Gradescope does not know, every value of the type and vocabulary it expects.
 */
class ResultsJsonTest {
  private static final Set<String> TOP_LEVEL =
      Set.of(
          "score",
          "execution_time",
          "output",
          "output_format",
          "test_output_format",
          "test_name_format",
          "visibility",
          "stdout_visibility",
          "extra_data",
          "tests",
          "leaderboard");
  private static final Set<String> TEST =
      Set.of(
          "score",
          "max_score",
          "status",
          "name",
          "name_format",
          "number",
          "output",
          "output_format",
          "tags",
          "visibility",
          "extra_data");
  private static final Set<String> FORMATS = Set.of("text", "html", "simple_format", "md", "ansi");
  private static final Set<String> VISIBILITIES =
      Set.of("hidden", "after_due_date", "after_published", "visible");

  @Test
  void everyFieldIsOneGradescopeKnowsWithAValueItAccepts() {
    JsonNode json = ResultsJson.of(Reports.sample());
    assertThat(names(json)).isSubsetOf(TOP_LEVEL);
    assertThat(json.get("score").isNumber()).isTrue();
    assertThat(json.get("execution_time").isIntegralNumber()).isTrue();
    assertThat(json.get("output_format").asText()).isIn(FORMATS);
    assertThat(json.get("test_output_format").asText()).isIn(FORMATS);
    assertThat(json.get("visibility").asText()).isIn(VISIBILITIES);
    assertThat(json.get("stdout_visibility").asText()).isIn(VISIBILITIES);
    for (JsonNode test : json.get("tests")) {
      assertThat(names(test)).isSubsetOf(TEST);
      assertThat(test.get("score").isNumber() && test.get("max_score").isNumber()).isTrue();
      assertThat(test.get("score").asDouble()).isBetween(0.0, test.get("max_score").asDouble());
      assertThat(test.get("status").asText()).isIn("passed", "failed");
      assertThat(test.get("visibility").asText()).isIn(VISIBILITIES);
      assertThat(test.get("tags").isArray()).isTrue();
      assertThat(test.get("number").isTextual()).isTrue();
    }
  }

  @Test
  void theScoreIsTheSumOfTheTestsAndTheirResultsAreThere() {
    JsonNode json = ResultsJson.of(Reports.sample());
    assertThat(json.get("score").asDouble()).isEqualTo(2.0);
    JsonNode hidden = json.get("tests").get(1);
    assertThat(hidden.get("max_score").asDouble()).isEqualTo(3.5);
    assertThat(hidden.get("status").asText()).isEqualTo("failed");
    assertThat(hidden.get("tags").get(0).asText()).isEqualTo("hidden");
    assertThat(hidden.get("output").asText()).contains("hint: Fernet spec, Verifying");
    assertThat(json.get("output").asText())
        .startsWith("01-x (X from primitives), submission alice: 2 of 5.5 points");
  }

  private static Set<String> names(JsonNode node) {
    Set<String> names = new java.util.TreeSet<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }
}
