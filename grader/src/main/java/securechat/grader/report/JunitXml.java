package securechat.grader.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import securechat.grader.grade.GradeReport;
import securechat.grader.grade.TestResult;

/**
 * The grade as a JUnit XML report (the Ant/Surefire {@code testsuite} format that CI servers and
 * learning platforms read): one {@code testcase} per graded test, a {@code failure} with the same
 * student-safe text as the summary, the points in {@code properties}.
 */
public final class JunitXml {
  private JunitXml() {}

  /** The report's XML. */
  public static String of(GradeReport report) {
    long failures = report.results().size() - report.passed();
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.append(
        String.format(
            Locale.ROOT,
            "<testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" errors=\"0\" skipped=\"0\" time=\"%.3f\">\n",
            escape(report.assignment() + " " + report.submission()),
            report.results().size(),
            failures,
            report.elapsed().toMillis() / 1000.0));
    xml.append("  <properties>\n")
        .append(property("score", GradeReport.points(report.score())))
        .append(property("max_score", GradeReport.points(report.maxScore())))
        .append(property("status", report.status().toString()))
        .append("  </properties>\n");
    for (TestResult result : report.results()) {
      String className = result.test().className() + (result.test().hidden() ? " (hidden)" : "");
      xml.append("  <testcase classname=\"")
          .append(escape(className))
          .append("\" name=\"")
          .append(escape(result.test().name()))
          .append("\">");
      if (!result.outcome().passed()) {
        String first = result.explanation().lines().findFirst().orElse("failed");
        xml.append("\n    <failure message=\"")
            .append(escape(first))
            .append("\">")
            .append(escape(result.explanation()))
            .append("</failure>\n  ");
      }
      xml.append("</testcase>\n");
    }
    return xml.append("</testsuite>\n").toString();
  }

  /** Writes the report to {@code file}. */
  public static void write(GradeReport report, Path file) throws IOException {
    Files.writeString(file, of(report), StandardCharsets.UTF_8);
  }

  private static String property(String name, String value) {
    return "    <property name=\"" + name + "\" value=\"" + escape(value) + "\"/>\n";
  }

  // XML 1.0 allows no control characters but tab, newline and carriage return: drop the rest.
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> {
                  if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                    out.appendCodePoint(c);
                  }
                }
              }
            });
    return out.toString();
  }
}
