package securechat.grader.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import securechat.grader.Assignment;
import securechat.grader.StudentFile;
import securechat.grader.grade.GradeReport;
import securechat.grader.grade.GradedTests;

/** {@code lab assignment list}: every assignment, its points and the files students write. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "Lists the assignments: name, title, points (public + hidden), student files.")
final class ListCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Mixin private AssignmentsFolder folder;

  private final AssignmentCommand parent;

  ListCommand(AssignmentCommand parent) {
    this.parent = parent;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    var classpath = parent.classpath();
    out.printf(
        "%-18s %-34s %7s %7s %7s  %s%n",
        "assignment", "title", "points", "public", "hidden", "student writes");
    for (Assignment assignment : folder.catalog(parent).all()) {
      GradedTests tests = GradedTests.compile(assignment, classpath);
      double all = tests.points(false);
      double hidden = tests.points(true);
      out.printf(
          "%-18s %-34s %7s %7s %7s  %s%n",
          assignment.name(),
          assignment.title(),
          GradeReport.points(all),
          GradeReport.points(all - hidden),
          GradeReport.points(hidden),
          String.join(
              ", ", assignment.studentFiles().stream().map(StudentFile::javaPath).toList()));
    }
    out.flush();
    return 0;
  }
}
