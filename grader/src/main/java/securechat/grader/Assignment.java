package securechat.grader;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import securechat.core.cli.ConfigException;

/**
 * One graded assignment, as its folder describes it ({@code assignments/README.md}): a title, the
 * lab's real sources the student completes, the tests, the limits of a graded run.
 *
 * @param name the folder's name, {@code 01-fernet}
 * @param extraModules lab modules the tests need beyond the student files' own
 */
public record Assignment(
    String name,
    String title,
    Path folder,
    List<StudentFile> studentFiles,
    List<String> extraModules,
    Limits limits) {
  public Assignment {
    studentFiles = List.copyOf(studentFiles);
    extraModules = List.copyOf(extraModules);
  }

  /** Reads {@code folder/assignment.properties}; student files are found below {@code labRoot}. */
  public static Assignment load(Path folder, Path labRoot) throws ConfigException {
    Path file = folder.resolve("assignment.properties");
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new ConfigException("cannot read " + file + ": " + e.getMessage());
    }
    String name = folder.getFileName().toString();
    String title = required(properties, "title", file);
    List<StudentFile> studentFiles = new ArrayList<>();
    for (String path : list(required(properties, "student.files", file))) {
      studentFiles.add(studentFile(labRoot, path, file));
    }
    Limits limits =
        new Limits(
            Duration.ofSeconds(number(properties, "timeout.test.seconds", 10, file)),
            Duration.ofSeconds(number(properties, "timeout.total.seconds", 120, file)),
            number(properties, "memory.mb", 256, file));
    List<String> modules = list(properties.getProperty("modules", ""));
    return new Assignment(name, title, folder, studentFiles, modules, limits);
  }

  /** The tests' sources, public and hidden. */
  public Path testSources() {
    return folder.resolve("src/test/java");
  }

  /** The tests' resources (released, and readable by submissions). */
  public Path testResources() {
    return folder.resolve("src/test/resources");
  }

  /** Every test source file, in a stable order. */
  public List<Path> testFiles() throws IOException {
    try (Stream<Path> files = Files.walk(testSources())) {
      return files.filter(path -> path.toString().endsWith(".java")).sorted().toList();
    }
  }

  /** The lab modules the student files live in, then the extra ones, without repeats. */
  public List<String> modules() {
    return Stream.concat(studentFiles.stream().map(StudentFile::module), extraModules.stream())
        .distinct()
        .toList();
  }

  private static StudentFile studentFile(Path labRoot, String path, Path file)
      throws ConfigException {
    String marker = "/src/main/java/";
    int at = path.indexOf(marker);
    if (at <= 0 || !path.endsWith(".java")) {
      throw new ConfigException(
          file + ": student file '" + path + "' is not MODULE/src/main/java/…/Name.java");
    }
    Path source = labRoot.resolve(path);
    if (!Files.isRegularFile(source)) {
      throw new ConfigException(file + ": student file " + source + " does not exist");
    }
    return new StudentFile(path.substring(0, at), source, path.substring(at + marker.length()));
  }

  private static String required(Properties properties, String key, Path file)
      throws ConfigException {
    String value = properties.getProperty(key, "").strip();
    if (value.isEmpty()) {
      throw new ConfigException(file + ": '" + key + "' is missing");
    }
    return value;
  }

  private static int number(Properties properties, String key, int otherwise, Path file)
      throws ConfigException {
    String value = properties.getProperty(key);
    if (value == null) {
      return otherwise;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new ConfigException(
          file + ": '" + key + "' must be a whole number, not '" + value + "'");
    }
  }

  private static List<String> list(String value) {
    return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
