package securechat.grader.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import securechat.core.cli.ConfigException;
import securechat.grader.AssignmentCatalog;

/** {@code --assignments DIR}: an instructor's own assignments instead of the lab's. */
final class AssignmentsFolder {
  @Option(
      names = "--assignments",
      paramLabel = "DIR",
      description = "the assignments' folder (default: the lab's assignments/)")
  private Path folder;

  AssignmentCatalog catalog(AssignmentCommand parent) throws ConfigException {
    return parent.catalog(folder);
  }
}
