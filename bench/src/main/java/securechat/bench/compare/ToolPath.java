package securechat.bench.compare;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the peers' programs are looked for: a search path in the form of the {@code PATH}
 * environment variable. Normally this process's own {@code PATH}; a test passes one without the
 * peers to see them reported as skipped.
 *
 * @param searchPath folders separated by {@link File#pathSeparator}
 */
record ToolPath(String searchPath) {
  ToolPath {
    Objects.requireNonNull(searchPath, "searchPath");
  }

  /** This process's {@code PATH}. */
  static ToolPath fromEnvironment() {
    return new ToolPath(Objects.requireNonNullElse(System.getenv("PATH"), ""));
  }

  /** The first executable called {@code program} on the path. */
  Optional<Path> find(String program) {
    for (String folder : searchPath.split(File.pathSeparator)) {
      if (folder.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(folder, program);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
