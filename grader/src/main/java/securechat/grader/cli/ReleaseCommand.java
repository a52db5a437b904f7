package securechat.grader.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import securechat.grader.Assignment;
import securechat.grader.release.ReleaseWriter;

/** {@code lab assignment release NAME --out DIR}: the student's starter project. */
@Command(
    name = "release",
    mixinStandardHelpOptions = true,
    description = {
      "Writes the student's project for an assignment: a Maven project (with the Maven Wrapper)"
          + " that builds on its own against the lab's jars without the solution, the starter"
          + " files with each solution replaced by a 'not implemented yet' throw, the public tests"
          + " and the README. Hidden tests are left out. The same lab gives the same bytes.",
      ""
    })
final class ReleaseCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Mixin private AssignmentChoice choice;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "a new or empty folder")
  private Path out;

  private final AssignmentCommand parent;

  ReleaseCommand(AssignmentCommand parent) {
    this.parent = parent;
  }

  @Override
  public Integer call() throws Exception {
    Assignment assignment = choice.find(parent);
    ReleaseWriter.Released released =
        new ReleaseWriter(assignment, parent.classpath(), parent.labHome())
            .write(out.toAbsolutePath());
    PrintWriter console = spec.commandLine().getOut();
    console.printf(
        "released %s to %s: %d starter file(s), %d public test file(s); %d hidden test(s) left out%n",
        assignment.name(),
        out,
        released.starters(),
        released.publicTestFiles(),
        released.hiddenTests());
    console.printf("students build and test it with: cd %s && ./mvnw test%n", out);
    console.flush();
    return 0;
  }
}
