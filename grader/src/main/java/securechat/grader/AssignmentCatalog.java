package securechat.grader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import securechat.core.cli.ConfigException;

/**
 * The assignments in one folder (the lab's {@code assignments/}, or an instructor's own): every
 * subfolder with an {@code assignment.properties}.
 */
public record AssignmentCatalog(Path folder, Path labRoot) {
  /** Every assignment, by name. */
  public List<Assignment> all() throws ConfigException {
    List<Assignment> assignments = new ArrayList<>();
    for (Path dir : folders()) {
      assignments.add(Assignment.load(dir, labRoot));
    }
    return assignments;
  }

  /** The assignment called {@code name}; the error lists the ones there are. */
  public Assignment find(String name) throws ConfigException {
    Path dir = folder.resolve(name).normalize();
    if (!dir.getParent().equals(folder.normalize())
        || !Files.isRegularFile(dir.resolve("assignment.properties"))) {
      List<String> names = folders().stream().map(path -> path.getFileName().toString()).toList();
      throw new ConfigException(
          "no assignment '" + name + "' in " + folder,
          names.isEmpty()
              ? "give the assignments' folder with --assignments DIR"
              : "there are: " + String.join(", ", names));
    }
    return Assignment.load(dir, labRoot);
  }

  private List<Path> folders() throws ConfigException {
    if (!Files.isDirectory(folder)) {
      throw new ConfigException(
          "no assignments folder at " + folder, "give one with --assignments DIR");
    }
    try (Stream<Path> dirs = Files.list(folder)) {
      return dirs.filter(dir -> Files.isRegularFile(dir.resolve("assignment.properties")))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new ConfigException("cannot list " + folder + ": " + e.getMessage());
    }
  }
}
