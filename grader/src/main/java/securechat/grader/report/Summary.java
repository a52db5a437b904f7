package securechat.grader.report;

import java.util.ArrayList;
import java.util.List;
import securechat.grader.grade.GradeReport;
import securechat.grader.grade.TestResult;

/**
 * The readable report of one submission, as printed on the console and saved as {@code
 * summary.txt}:
 *
 * <pre>
 * 01-fernet (Fernet from primitives), submission alice: 7 of 20 points, 4 of 9 tests passed
 *   graded in 3.1 s; sandbox: bubblewrap …; limits: 10 s per test, 120 s in all, 256 MiB heap
 *
 *   ✓  2/2  encrypts the spec's example
 *   ✗  0/3  rejects a token whose HMAC is wrong (hidden)
 *            hint: Fernet spec, Verifying: …
 * </pre>
 */
public final class Summary {
  private Summary() {}

  /** The first lines: who, what score, how it was run, the notes. */
  public static String header(GradeReport report) {
    List<String> lines = new ArrayList<>();
    lines.add(
        report.assignment()
            + " ("
            + report.title()
            + "), submission "
            + report.submission()
            + ": "
            + GradeReport.points(report.score())
            + " of "
            + GradeReport.points(report.maxScore())
            + " points, "
            + report.passed()
            + " of "
            + report.results().size()
            + " tests passed"
            + (report.status() == GradeReport.Status.GRADED ? "" : " (" + report.status() + ")"));
    lines.add(
        String.format(
            java.util.Locale.ROOT,
            "  graded in %.1f s; sandbox: %s; limits: %s",
            report.elapsed().toMillis() / 1000.0,
            report.sandbox(),
            report.limits().describe()));
    report.notes().forEach(note -> lines.add("  " + note));
    return String.join("\n", lines);
  }

  /** The whole summary. */
  public static String of(GradeReport report) {
    StringBuilder text = new StringBuilder(header(report)).append("\n\n");
    for (TestResult result : report.results()) {
      text.append(result.outcome().passed() ? "  ✓ " : "  ✗ ")
          .append(
              String.format(
                  java.util.Locale.ROOT,
                  "%5s  ",
                  GradeReport.points(result.score())
                      + "/"
                      + GradeReport.points(result.test().points())))
          .append(result.test().name())
          .append(result.test().hidden() ? " (hidden)" : "")
          .append('\n');
      result
          .explanation()
          .lines()
          .forEach(line -> text.append("           ").append(line).append('\n'));
    }
    return text.toString();
  }
}
