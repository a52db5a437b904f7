package securechat.grader.report;

import java.time.Duration;
import java.util.List;
import securechat.grader.Limits;
import securechat.grader.grade.GradeReport;
import securechat.grader.grade.Outcome;
import securechat.grader.grade.PlannedTest;
import securechat.grader.grade.TestResult;

/** A small grade to write reports of: one public pass, one hidden failure. */
final class Reports {
  private Reports() {}

  static GradeReport sample() {
    PlannedTest shown =
        new PlannedTest("p.ATest#shown", "encrypts, \"quoted\" & <tagged>", 2, "", false);
    PlannedTest hidden =
        new PlannedTest(
            "p.ATest#secret", "rejects a flipped bit", 3.5, "Fernet spec, Verifying", true);
    return new GradeReport(
        "01-x",
        "X from primitives",
        "alice",
        GradeReport.Status.GRADED,
        List.of(
            new TestResult(shown, new Outcome(Outcome.Verdict.PASSED, List.of(), "", ""), ""),
            new TestResult(
                hidden,
                new Outcome(Outcome.Verdict.FAILED, List.of(), "", ""),
                "a hidden check failed\u0007\nhint: Fernet spec, Verifying")),
        List.of(),
        "bubblewrap",
        Limits.DEFAULT,
        Duration.ofMillis(2400));
  }
}
