package securechat.grader.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import securechat.core.cli.ConfigException;
import securechat.grader.Assignment;

/** The assignment a command works on: its name, and where to find it. */
final class AssignmentChoice {
  @Parameters(
      index = "0",
      paramLabel = "NAME",
      description = "the assignment, as `lab assignment list` names it")
  private String name;

  @Mixin private AssignmentsFolder folder;

  Assignment find(AssignmentCommand parent) throws ConfigException {
    return folder.catalog(parent).find(name);
  }
}
