package securechat.grader.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import securechat.core.cli.ConfigException;
import securechat.core.cli.ProgressBar;
import securechat.core.terminal.Consoles;
import securechat.grader.Assignment;
import securechat.grader.grade.GradeReport;
import securechat.grader.grade.Grader;
import securechat.grader.report.Gradebook;

/**
 * {@code lab assignment grade-all NAME --submissions DIR}: every subfolder of DIR is one student's
 * submission, graded one after the other into {@code OUT/SUBMISSION/} and one CSV gradebook.
 */
@Command(
    name = "grade-all",
    mixinStandardHelpOptions = true,
    description = {
      "Grades every subfolder of a folder of submissions (one per student) as `grade` does, with a"
          + " progress bar, into OUT/SUBMISSION/ (results.json, junit.xml, summary.txt) and"
          + " OUT/gradebook.csv. A submission that cannot be graded is a row that says why.",
      ""
    })
final class GradeAllCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Mixin private AssignmentChoice choice;

  @Option(
      names = "--submissions",
      required = true,
      paramLabel = "DIR",
      description = "a folder with one subfolder per student")
  private Path submissions;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "where the reports and gradebook.csv go (default: lab-data/grades/NAME)")
  private Path out;

  @Mixin private SandboxOption sandbox;

  private final AssignmentCommand parent;

  GradeAllCommand(AssignmentCommand parent) {
    this.parent = parent;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter console = spec.commandLine().getOut();
    Assignment assignment = choice.find(parent);
    List<Path> students = subfolders(submissions);
    Path outDir = out != null ? out : Path.of("lab-data", "grades", assignment.name());
    Files.createDirectories(outDir);
    long started = System.nanoTime();
    double total = 0;
    int graded = 0;
    try (Grader grader =
            new Grader(assignment, parent.classpath(), sandbox.pick(spec.commandLine().getErr()));
        Gradebook gradebook = new Gradebook(outDir.resolve("gradebook.csv"), grader.plan())) {
      ProgressBar bar =
          new ProgressBar(console, "submissions", students.size(), Consoles.colourWanted(false));
      for (Path student : students) {
        String who = student.getFileName().toString();
        try {
          GradeReport report = grader.grade(student, who);
          ReportFiles.write(report, outDir.resolve(who));
          gradebook.add(report);
          total += report.score();
          graded++;
        } catch (ConfigException | IOException e) {
          gradebook.failed(who, e.getMessage());
        }
        bar.advance(1);
      }
      bar.finish();
      double seconds = (System.nanoTime() - started) / 1e9;
      console.printf(
          Locale.ROOT,
          "graded %d of %d submissions in %.0f s (%.1f s each); mean score %s of %s%n",
          graded,
          students.size(),
          seconds,
          seconds / Math.max(1, students.size()),
          GradeReport.points(graded == 0 ? 0 : Math.round(10 * total / graded) / 10.0),
          GradeReport.points(grader.plan().stream().mapToDouble(test -> test.points()).sum()));
      console.println("gradebook: " + outDir.resolve("gradebook.csv"));
    }
    console.flush();
    return 0;
  }

  private static List<Path> subfolders(Path folder) throws ConfigException, IOException {
    if (!Files.isDirectory(folder)) {
      throw new ConfigException("the submissions folder " + folder + " does not exist");
    }
    try (Stream<Path> entries = Files.list(folder)) {
      List<Path> found = entries.filter(Files::isDirectory).sorted().toList();
      if (found.isEmpty()) {
        throw new ConfigException(
            "no submissions in " + folder, "put each student's submission in its own subfolder");
      }
      return found;
    }
  }
}
