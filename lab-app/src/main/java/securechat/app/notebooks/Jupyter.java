package securechat.app.notebooks;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Jupyter as this process sees it: which of its programs are on the {@code PATH}, and the folder
 * where a user's kernel specs go. Everything comes from the environment given to the constructor,
 * so tests can pretend to be another user, another system, or a machine without Jupyter.
 *
 * <p>The user's kernel folder follows Jupyter's own rule ({@code jupyter_core.paths}, printed by
 * {@code jupyter --data-dir}): {@code JUPYTER_DATA_DIR} if set, else {@code ~/Library/Jupyter} on
 * macOS, {@code %APPDATA%\jupyter} on Windows, {@code $XDG_DATA_HOME/jupyter} or {@code
 * ~/.local/share/jupyter} elsewhere; kernel specs live in its {@code kernels/} folder. We apply the
 * rule ourselves instead of asking {@code jupyter --data-dir}: the kernel can then be installed
 * before Jupyter is, and without starting Python.
 */
final class Jupyter {
  private final Map<String, String> env;
  private final String osName;
  private final Path home;

  Jupyter(Map<String, String> env, String osName, Path home) {
    this.env = Map.copyOf(env);
    this.osName = osName.toLowerCase(Locale.ROOT);
    this.home = home;
  }

  /** Jupyter as seen by this process: its environment, its system, its user's home. */
  static Jupyter ofThisProcess() {
    return new Jupyter(
        System.getenv(), System.getProperty("os.name"), Path.of(System.getProperty("user.home")));
  }

  /** The environment that programs started for Jupyter get. */
  Map<String, String> env() {
    return env;
  }

  boolean isWindows() {
    return osName.startsWith("windows");
  }

  /** The program {@code name} ({@code jupyter-nbconvert}...) from the PATH, if it is there. */
  Optional<Path> program(String name) {
    List<String> names = isWindows() ? List.of(name + ".exe", name + ".cmd", name) : List.of(name);
    for (String folder : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
      for (String file : names) {
        Optional<Path> found = executable(folder, file);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Path> executable(String folder, String file) {
    if (folder.isBlank()) {
      return Optional.empty();
    }
    try {
      Path candidate = Path.of(folder, file);
      return Files.isRegularFile(candidate) && Files.isExecutable(candidate)
          ? Optional.of(candidate.toAbsolutePath())
          : Optional.empty();
    } catch (InvalidPathException notAFolder) {
      return Optional.empty();
    }
  }

  /** Where this user's kernel specs go: the {@code kernels} folder of Jupyter's data folder. */
  Path userKernelsFolder() {
    return userDataFolder().resolve("kernels");
  }

  private Path userDataFolder() {
    String dataDir = env.get("JUPYTER_DATA_DIR");
    if (dataDir != null && !dataDir.isBlank()) {
      return Path.of(dataDir).toAbsolutePath();
    }
    if (osName.startsWith("mac")) {
      return home.resolve("Library").resolve("Jupyter");
    }
    if (isWindows()) {
      String appData = env.get("APPDATA");
      return appData != null && !appData.isBlank()
          ? Path.of(appData, "jupyter")
          : home.resolve(".jupyter").resolve("data");
    }
    String xdgDataHome = env.get("XDG_DATA_HOME");
    return xdgDataHome != null && !xdgDataHome.isBlank()
        ? Path.of(xdgDataHome, "jupyter")
        : home.resolve(".local").resolve("share").resolve("jupyter");
  }
}
