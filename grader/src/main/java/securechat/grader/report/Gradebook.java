package securechat.grader.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import securechat.grader.grade.GradeReport;
import securechat.grader.grade.PlannedTest;
import securechat.grader.grade.TestResult;

/**
 * A class's grades as CSV (RFC 4180), one row per submission: the score, the maximum, the
 * percentage, the status, then one column per test with the points earned, so a spreadsheet can
 * show which test most of the class missed.
 */
public final class Gradebook implements AutoCloseable {
  private final Writer out;

  /** Starts {@code file} with its header row. */
  public Gradebook(Path file, List<PlannedTest> plan) throws IOException {
    this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    List<String> header =
        new ArrayList<>(
            List.of(
                "submission",
                "score",
                "max_score",
                "percent",
                "tests_passed",
                "status",
                "seconds"));
    plan.forEach(test -> header.add(test.name() + (test.hidden() ? " (hidden)" : "")));
    row(header);
  }

  /** Adds the row of one graded submission. */
  public synchronized void add(GradeReport report) throws IOException {
    List<String> cells = new ArrayList<>();
    cells.add(report.submission());
    cells.add(GradeReport.points(report.score()));
    cells.add(GradeReport.points(report.maxScore()));
    cells.add(
        String.format(
            java.util.Locale.ROOT,
            "%.1f",
            report.maxScore() == 0 ? 0 : 100 * report.score() / report.maxScore()));
    cells.add(report.passed() + "/" + report.results().size());
    cells.add(report.status().toString());
    cells.add(String.format(java.util.Locale.ROOT, "%.1f", report.elapsed().toMillis() / 1000.0));
    for (TestResult result : report.results()) {
      cells.add(GradeReport.points(result.score()));
    }
    row(cells);
  }

  /** Adds the row of a submission that could not be graded at all. */
  public synchronized void failed(String submission, String why) throws IOException {
    row(List.of(submission, "0", "", "0.0", "", "not graded: " + why, ""));
  }

  @Override
  public void close() throws IOException {
    out.close();
  }

  private void row(List<String> cells) throws IOException {
    List<String> quoted = new ArrayList<>();
    for (String cell : cells) {
      quoted.add(quote(cell));
    }
    out.write(String.join(",", quoted) + "\r\n");
    out.flush();
  }

  // RFC 4180 §2: a field with a comma, quote or line break is quoted, its quotes doubled. A
  // leading = + - @ is defused so a spreadsheet does not run a student's folder name as a formula.
  static String quote(String cell) {
    String safe =
        !cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0 && !cell.matches("-?[0-9.]+")
            ? "'" + cell
            : cell;
    if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
      return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
    return safe;
  }
}
