package securechat.grader.cli;

import java.nio.file.Path;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import securechat.core.cli.ConfigException;
import securechat.grader.AssignmentCatalog;
import securechat.grader.build.LabClasspath;

/**
 * {@code lab assignment}: graded assignments built from the lab's real code. This class lists the
 * subcommands and gives them what they share: the lab's folder and its classpath.
 *
 * <pre>
 * ./lab assignment list                                   what there is, with points
 * ./lab assignment release 01-fernet --out starter/       the student's project
 * ./lab assignment grade 01-fernet --submission alice/    one submission: score and reports
 * ./lab assignment grade-all 01-fernet --submissions hand-ins/   a class, into a CSV gradebook
 * </pre>
 */
@Command(
    name = "assignment",
    mixinStandardHelpOptions = true,
    description = {
      "Graded assignments (assignments/): release a student's starter project, grade submissions"
          + " with hidden tests in a sandbox, write Gradescope results.json, JUnit XML, a summary"
          + " and a CSV gradebook.",
      ""
    })
public final class AssignmentCommand implements Runnable {
  @Spec private CommandSpec spec;

  private final Supplier<Path> labHome;

  /**
   * @param labHome the lab's folder; throws IllegalStateException when it cannot be found
   */
  public AssignmentCommand(Supplier<Path> labHome) {
    this.labHome = labHome;
  }

  /** The command with its subcommands. */
  public CommandLine commandLine() {
    CommandLine command = new CommandLine(this);
    command.addSubcommand("list", new ListCommand(this));
    command.addSubcommand("release", new ReleaseCommand(this));
    command.addSubcommand("grade", new GradeCommand(this));
    command.addSubcommand("grade-all", new GradeAllCommand(this));
    return command;
  }

  /** {@code lab assignment} alone lists the subcommands. */
  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  Path labHome() throws ConfigException {
    try {
      return labHome.get();
    } catch (IllegalStateException unknown) {
      throw new ConfigException(unknown.getMessage());
    }
  }

  /** The assignments in {@code folder}, or in the lab's {@code assignments/} when null. */
  AssignmentCatalog catalog(Path folder) throws ConfigException {
    Path home = labHome();
    return new AssignmentCatalog(
        folder == null ? home.resolve("assignments") : folder.toAbsolutePath().normalize(), home);
  }

  LabClasspath classpath() throws ConfigException {
    return LabClasspath.ofRunningJvm();
  }
}
