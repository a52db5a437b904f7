package securechat.app;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The folder securechat-lab was cloned into: where {@code lab-guide/} and {@code notebooks/} are.
 * The {@code ./lab} script says so with {@code -Dlab.home}; a program started some other way (a
 * test, an IDE) finds it by walking up from where this class was loaded.
 */
public final class LabHome {
  private LabHome() {}

  /** The lab's folder, or a one-line explanation of why it cannot be found. */
  public static Path find() {
    String property = System.getProperty("lab.home");
    if (property != null && !property.isBlank()) {
      Path home = Path.of(property).toAbsolutePath().normalize();
      if (!isLabHome(home)) {
        throw new IllegalStateException(
            "lab.home=" + property + " is not a securechat-lab folder (no ./lab script in it)");
      }
      return home;
    }
    return walkUpFrom(codeLocation())
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "cannot tell where securechat-lab is: run this through the ./lab script"));
  }

  /** The nearest folder at or above {@code start} that holds the lab (its ./lab and pom.xml). */
  static Optional<Path> walkUpFrom(Path start) {
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (isLabHome(dir)) {
        return Optional.of(dir);
      }
    }
    return Optional.empty();
  }

  private static boolean isLabHome(Path dir) {
    return Files.isRegularFile(dir.resolve("lab")) && Files.isRegularFile(dir.resolve("pom.xml"));
  }

  private static Path codeLocation() {
    try {
      return Path.of(LabHome.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toAbsolutePath();
    } catch (URISyntaxException | SecurityException | NullPointerException e) {
      return Path.of("").toAbsolutePath();
    }
  }
}
