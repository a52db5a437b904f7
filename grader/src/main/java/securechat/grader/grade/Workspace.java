package securechat.grader.grade;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import securechat.core.cli.ConfigException;

/** The file work of grading: the private workspace, submissions' sources, class files. */
final class Workspace {
  private static final int MAX_SOURCE_FILES = 500;
  private static final long MAX_SOURCE_BYTES = 1024 * 1024;

  private Workspace() {}

  /** A new temporary folder only its owner can enter. */
  static Path createPrivate(String prefix) throws IOException {
    Path dir = Files.createTempDirectory(prefix);
    try {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    } catch (UnsupportedOperationException e) {
      // Windows: the temp folder is already the user's own.
    }
    return dir;
  }

  /**
   * Copies a submission's Java sources into {@code to}: those of {@code src/main/java} when it has
   * that folder (a released project), otherwise every {@code .java} file outside tests and build
   * output (a folder of loose files).
   */
  static List<Path> copySources(Path submission, Path to) throws ConfigException, IOException {
    if (!Files.isDirectory(submission)) {
      throw new ConfigException("the submission " + submission + " is not a folder");
    }
    Path mainJava = submission.resolve("src/main/java");
    Path from = Files.isDirectory(mainJava) ? mainJava : submission;
    List<Path> copied = new ArrayList<>();
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : (Iterable<Path>) files.filter(Workspace::isSource).sorted()::iterator) {
        String relative = from.relativize(file).toString().replace('\\', '/');
        if (relative.contains("src/test/")
            || relative.startsWith("target/")
            || relative.contains("/target/")) {
          continue;
        }
        if (copied.size() == MAX_SOURCE_FILES || Files.size(file) > MAX_SOURCE_BYTES) {
          throw new ConfigException(
              "the submission "
                  + submission
                  + " has more than "
                  + MAX_SOURCE_FILES
                  + " .java files or one over 1 MiB");
        }
        Path target = to.resolve(relative);
        Files.createDirectories(target.getParent());
        copied.add(Files.copy(file, target));
      }
    }
    return copied;
  }

  /** The binary names of the classes in a jar or a class folder. */
  static List<String> classNames(Path location) throws IOException {
    if (Files.isDirectory(location)) {
      return classBytes(location).keySet().stream().toList();
    }
    try (JarFile jar = new JarFile(location.toFile())) {
      return jar.stream()
          .map(java.util.zip.ZipEntry::getName)
          .filter(name -> name.endsWith(".class") && !name.endsWith("module-info.class"))
          .map(Workspace::binaryName)
          .toList();
    }
  }

  /** Every class file below {@code root}, by binary name, in a stable order. */
  static Map<String, byte[]> classBytes(Path root) throws IOException {
    Map<String, byte[]> classes = new LinkedHashMap<>();
    if (!Files.isDirectory(root)) {
      return classes;
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file :
          (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class")).sorted()::iterator) {
        classes.put(
            binaryName(root.relativize(file).toString().replace('\\', '/')),
            Files.readAllBytes(file));
      }
    }
    return classes;
  }

  /** Deletes the class file of {@code className} below {@code root}. */
  static void deleteClass(Path root, String className) throws IOException {
    Files.deleteIfExists(root.resolve(className.replace('.', '/') + ".class"));
  }

  private static boolean isSource(Path file) {
    return file.toString().endsWith(".java") && Files.isRegularFile(file);
  }

  private static String binaryName(String classFile) {
    return classFile.substring(0, classFile.length() - ".class".length()).replace('/', '.');
  }
}
