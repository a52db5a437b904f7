package securechat.grader.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import securechat.core.cli.ConfigException;

/**
 * Compiles Java sources with the JDK's compiler, in this JVM (no process to start, and nothing the
 * sources say is run: annotation processing is off). Errors come back as values, one per problem.
 */
public final class Javac {
  private static final int MAX_PROBLEMS = 20;

  private Javac() {}

  /** One compile error: the file's name, its line, javac's message. */
  public record Problem(String fileName, long line, String message) {
    /** {@code Fernet.java:42: cannot find symbol …}, javac's message on one line. */
    public String oneLine() {
      return fileName
          + ":"
          + line
          + ": "
          + message.lines().map(String::strip).reduce((a, b) -> a + "; " + b).orElse("");
    }
  }

  /**
   * Compiles {@code sources} against {@code classpath} into {@code outDir} for Java 21; returns the
   * errors (empty: it compiled).
   */
  public static List<Problem> compile(List<Path> sources, List<Path> classpath, Path outDir)
      throws ConfigException, IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new ConfigException(
          "this Java has no compiler", "run the lab with a JDK 21 or newer, not a JRE");
    }
    Files.createDirectories(outDir);
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      files.setLocationFromPaths(StandardLocation.CLASS_PATH, classpath);
      files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(outDir));
      List<String> options =
          List.of(
              "-proc:none",
              "--release",
              "21",
              "-encoding",
              "UTF-8",
              "-nowarn",
              "-implicit:none",
              "-Xmaxerrs",
              String.valueOf(MAX_PROBLEMS));
      boolean ok =
          javac
              .getTask(
                  null,
                  files,
                  diagnostics,
                  options,
                  null,
                  files.getJavaFileObjectsFromPaths(sources))
              .call();
      List<Problem> problems = new ArrayList<>();
      for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
        if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
          problems.add(problemOf(diagnostic));
        }
      }
      if (!ok && problems.isEmpty()) {
        problems.add(new Problem("javac", 0, "failed without saying why"));
      }
      return problems;
    }
  }

  private static Problem problemOf(Diagnostic<? extends JavaFileObject> diagnostic) {
    String file =
        diagnostic.getSource() == null
            ? "javac"
            : Path.of(diagnostic.getSource().toUri()).getFileName().toString();
    return new Problem(
        file, Math.max(0, diagnostic.getLineNumber()), diagnostic.getMessage(Locale.ROOT));
  }
}
