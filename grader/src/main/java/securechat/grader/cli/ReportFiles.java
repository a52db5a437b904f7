package securechat.grader.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import securechat.grader.grade.GradeReport;
import securechat.grader.report.JunitXml;
import securechat.grader.report.ResultsJson;
import securechat.grader.report.Summary;

/** Writes a grade's three reports into one folder: results.json, junit.xml, summary.txt. */
final class ReportFiles {
  private ReportFiles() {}

  static void write(GradeReport report, Path folder) throws IOException {
    Files.createDirectories(folder);
    ResultsJson.write(report, folder.resolve("results.json"));
    JunitXml.write(report, folder.resolve("junit.xml"));
    Files.writeString(folder.resolve("summary.txt"), Summary.of(report), StandardCharsets.UTF_8);
  }
}
