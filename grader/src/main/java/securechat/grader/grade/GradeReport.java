package securechat.grader.grade;

import java.time.Duration;
import java.util.List;
import securechat.grader.Limits;

/**
 * The grade of one submission: every test's result, the notes about the submission as a whole
 * (compile errors, files the grader ignored), and how it was run.
 *
 * @param submission the submission's name (its folder's name)
 * @param notes sentences about the whole submission, shown before the tests
 * @param sandbox what isolated the run
 */
public record GradeReport(
    String assignment,
    String title,
    String submission,
    Status status,
    List<TestResult> results,
    List<String> notes,
    String sandbox,
    Limits limits,
    Duration elapsed) {
  /** What became of the submission as a whole. */
  public enum Status {
    GRADED("graded"),
    DID_NOT_COMPILE("did not compile"),
    MISSING_FILES("missing files");

    private final String words;

    Status(String words) {
      this.words = words;
    }

    @Override
    public String toString() {
      return words;
    }
  }

  public GradeReport {
    results = List.copyOf(results);
    notes = List.copyOf(notes);
  }

  /** The points earned. */
  public double score() {
    return results.stream().mapToDouble(TestResult::score).sum();
  }

  /** The points there are. */
  public double maxScore() {
    return results.stream().mapToDouble(result -> result.test().points()).sum();
  }

  /** How many tests passed. */
  public long passed() {
    return results.stream().filter(result -> result.outcome().passed()).count();
  }

  /** {@code 7.5} or {@code 20}: points as people write them. */
  public static String points(double points) {
    return points == Math.rint(points) ? String.valueOf((long) points) : String.valueOf(points);
  }
}
