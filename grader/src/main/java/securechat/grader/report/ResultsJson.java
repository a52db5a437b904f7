package securechat.grader.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import securechat.grader.grade.GradeReport;
import securechat.grader.grade.TestResult;

/**
 * Gradescope's {@code results.json} (the "Autograder Specifications" output format): the total
 * score, the run's time, one entry per test with its score, maximum, status, name, number, output
 * and visibility. Hidden tests are visible as results (students see their name and score); their
 * code never is. Tags say which tests are public and which hidden.
 */
public final class ResultsJson {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ResultsJson() {}

  /** The document for {@code report}. */
  public static ObjectNode of(GradeReport report) {
    ObjectNode root = JSON.createObjectNode();
    root.put("score", report.score());
    root.put("execution_time", Math.max(1, Math.round(report.elapsed().toMillis() / 1000.0)));
    root.put("output", Summary.header(report));
    root.put("output_format", "text");
    root.put("test_output_format", "text");
    root.put("test_name_format", "text");
    root.put("visibility", "visible");
    root.put("stdout_visibility", "hidden");
    ArrayNode tests = root.putArray("tests");
    int number = 0;
    for (TestResult result : report.results()) {
      ObjectNode test = tests.addObject();
      test.put("score", result.score());
      test.put("max_score", result.test().points());
      test.put("status", result.outcome().passed() ? "passed" : "failed");
      test.put("name", result.test().name());
      test.put("number", String.valueOf(++number));
      test.put("output", result.explanation());
      test.put("visibility", "visible");
      test.putArray("tags").add(result.test().hidden() ? "hidden" : "public");
    }
    return root;
  }

  /** Writes the document to {@code file}. */
  public static void write(GradeReport report, Path file) throws IOException {
    JSON.writeValue(file.toFile(), of(report));
  }
}
