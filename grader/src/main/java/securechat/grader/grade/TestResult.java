package securechat.grader.grade;

/**
 * A graded test's result as reports show it: the test, its outcome, and the student-safe text that
 * explains it.
 */
public record TestResult(PlannedTest test, Outcome outcome, String explanation) {
  /** The points earned: all of the test's, or none. */
  public double score() {
    return outcome.passed() ? test.points() : 0;
  }
}
