package securechat.grader.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import securechat.core.cli.ConfigException;
import securechat.grader.Assignment;
import securechat.grader.grade.GradeReport;
import securechat.grader.grade.Grader;
import securechat.grader.report.Summary;

/** {@code lab assignment grade NAME --submission DIR}: one submission's score and reports. */
@Command(
    name = "grade",
    mixinStandardHelpOptions = true,
    description = {
      "Grades one submission (a released project, or a folder of .java files): compiles it,"
          + " runs the public and hidden tests in a sandboxed JVM with time and memory limits,"
          + " prints the summary and writes results.json (Gradescope), junit.xml and summary.txt.",
      ""
    })
final class GradeCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Mixin private AssignmentChoice choice;

  @Option(
      names = "--submission",
      required = true,
      paramLabel = "DIR",
      description = "the student's folder")
  private Path submission;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "where the reports go (default: lab-data/grades/NAME/SUBMISSION); Gradescope: /autograder/results")
  private Path out;

  @Mixin private SandboxOption sandbox;

  private final AssignmentCommand parent;

  GradeCommand(AssignmentCommand parent) {
    this.parent = parent;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter console = spec.commandLine().getOut();
    Assignment assignment = choice.find(parent);
    Path dir = submission.toAbsolutePath().normalize();
    if (!java.nio.file.Files.isDirectory(dir)) {
      throw new ConfigException("the submission " + submission + " is not a folder");
    }
    String submissionName = dir.getFileName().toString();
    try (Grader grader =
        new Grader(assignment, parent.classpath(), sandbox.pick(spec.commandLine().getErr()))) {
      GradeReport report = grader.grade(dir, submissionName);
      Path folder =
          out != null ? out : Path.of("lab-data", "grades", assignment.name(), submissionName);
      ReportFiles.write(report, folder);
      console.print(Summary.of(report));
      console.println();
      console.println("reports: " + folder.resolve("results.json") + ", junit.xml, summary.txt");
    }
    console.flush();
    return 0;
  }
}
