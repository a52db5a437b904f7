package securechat.app.notebooks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import securechat.core.cli.ConfigException;

/**
 * Where the lab keeps what the notebooks need, in the folder securechat-lab was cloned into: the
 * notebooks themselves in {@code notebooks/}, and the Java kernel's jar, which the build copies to
 * {@code lab-app/target/jupyter/}.
 */
final class LabNotebooks {
  static final String KERNEL_JAR_FOLDER = "lab-app/target/jupyter";

  private final Path labHome;

  LabNotebooks(Path labHome) {
    this.labHome = labHome;
  }

  Path folder() {
    return labHome.resolve("notebooks");
  }

  /** Every {@code notebooks/*.ipynb}, in name order (the order a course reads them in). */
  List<Path> all() throws IOException {
    if (!Files.isDirectory(folder())) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder())) {
      return files
          .filter(file -> file.getFileName().toString().endsWith(".ipynb"))
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    }
  }

  /**
   * The notebooks the user named: a file that exists as given (relative to the current folder),
   * else {@code notebooks/NAME} or {@code notebooks/NAME.ipynb}. No names means all of them.
   */
  List<Path> resolve(List<String> names) throws ConfigException, IOException {
    if (names.isEmpty()) {
      return all();
    }
    List<Path> notebooks = new ArrayList<>();
    for (String name : names) {
      notebooks.add(resolve(name));
    }
    return notebooks;
  }

  private Path resolve(String name) throws ConfigException, IOException {
    for (Path candidate :
        List.of(Path.of(name), folder().resolve(name), folder().resolve(name + ".ipynb"))) {
      if (Files.isRegularFile(candidate) && candidate.toString().endsWith(".ipynb")) {
        return candidate.toAbsolutePath().normalize();
      }
    }
    List<String> known = all().stream().map(path -> path.getFileName().toString()).toList();
    throw new ConfigException(
        "no notebook '" + name + "' in " + folder(),
        known.isEmpty() ? "the folder holds no notebook yet" : "the notebooks are: " + known);
  }

  /** How to name a notebook to a person: {@code notebooks/NAME.ipynb}, or its path elsewhere. */
  String display(Path notebook) {
    return notebook.startsWith(folder())
        ? "notebooks/" + folder().relativize(notebook)
        : notebook.toString();
  }

  /** The kernel's jar as the build left it, or a sentence saying that it is not built. */
  Path kernelJar() throws ConfigException {
    Path jar = labHome.resolve(KERNEL_JAR_FOLDER).resolve(kernelJarName());
    if (!Files.isRegularFile(jar)) {
      throw new ConfigException(
          "the notebooks' Java kernel is not built: " + jar + " is missing",
          "build the lab first: ./lab build");
    }
    return jar;
  }

  /** {@code rapaio-jupyter-kernel-3.0.1.jar}: the version comes from the build (pom.xml). */
  static String kernelJarName() {
    Properties properties = new Properties();
    try (InputStream in = LabNotebooks.class.getResourceAsStream("kernel.properties")) {
      if (in == null) {
        throw new IllegalStateException("kernel.properties is missing from the lab's jar");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String version = properties.getProperty("version", "");
    if (!version.matches("[0-9][0-9A-Za-z.-]*")) {
      throw new IllegalStateException("kernel.properties was not filled in by the build");
    }
    return "rapaio-jupyter-kernel-" + version + ".jar";
  }
}
