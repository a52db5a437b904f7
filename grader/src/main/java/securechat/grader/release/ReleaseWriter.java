package securechat.grader.release;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import securechat.core.cli.ConfigException;
import securechat.grader.Assignment;
import securechat.grader.build.AssignmentJars;
import securechat.grader.build.FileTrees;
import securechat.grader.build.Javac;
import securechat.grader.build.LabClasspath;
import securechat.grader.build.LabModule;
import securechat.grader.grade.GradedTests;
import securechat.grader.markers.AssignmentSources;

/**
 * Writes an assignment's student project: a Maven project that builds on its own (the Maven
 * Wrapper, the lab's jars in {@code lib/} without the solution's classes), the starter files, the
 * public tests and the student README. The same inputs give the same bytes.
 *
 * <pre>
 *   OUT/README.md  pom.xml  mvnw  mvnw.cmd  .mvn/wrapper/  .gitignore
 *   OUT/lib/securechat-lab-release/chat-ecdhe/VERSION/chat-ecdhe-VERSION.jar (+ .pom)
 *   OUT/src/main/java/…   the starters      OUT/src/test/java/…  the public tests
 * </pre>
 *
 * Before it returns, it compiles the starters and the public tests as the student will: a release
 * that would not build is the author's error, reported here rather than by students.
 */
public final class ReleaseWriter {
  private final Assignment assignment;
  private final LabClasspath classpath;
  private final Path labRoot;

  public ReleaseWriter(Assignment assignment, LabClasspath classpath, Path labRoot) {
    this.assignment = assignment;
    this.classpath = classpath;
    this.labRoot = labRoot;
  }

  /** What was written, for the command's report. */
  public record Released(Path folder, int starters, int publicTestFiles, int hiddenTests) {}

  /** Writes the project into {@code out}, which must be missing or empty. */
  public Released write(Path out) throws ConfigException, IOException {
    checkEmpty(out);
    AssignmentSources sources = AssignmentSources.of(assignment);
    List<AssignmentJars.Jar> jars = AssignmentJars.of(assignment, classpath);
    writeAll(out.resolve("src/main/java"), sources.starters());
    writeAll(out.resolve("src/test/java"), sources.publicTests());
    FileTrees.copy(assignment.testResources(), out.resolve("src/test/resources"));
    Files.copy(assignment.folder().resolve("README.md"), out.resolve("README.md"));
    writeLib(out.resolve("lib"), jars);
    String pom =
        ReleasePom.of(
            assignment,
            jars,
            libraries(jars),
            testLibraries(),
            LabModule.exclusionsIn(labRoot.resolve("pom.xml")));
    write(out.resolve("pom.xml"), pom);
    write(out.resolve(".gitignore"), "target/\n");
    copyWrapper(out);
    checkCompiles(out, jars);
    long hidden =
        GradedTests.compile(assignment, classpath).tests().stream().filter(t -> t.hidden()).count();
    return new Released(out, sources.starters().size(), sources.publicTests().size(), (int) hidden);
  }

  private List<LabClasspath.Coordinates> libraries(List<AssignmentJars.Jar> jars)
      throws ConfigException {
    List<LabModule> modules =
        jars.stream()
            .map(AssignmentJars.Jar::module)
            .filter(m -> !m.artifactId().equals("grader"))
            .toList();
    return classpath.thirdPartyOf(modules);
  }

  private List<LabClasspath.Coordinates> testLibraries() throws ConfigException {
    return List.of(
        classpath.coordinates("org.junit.jupiter", "junit-jupiter"),
        classpath.coordinates("org.assertj", "assertj-core"),
        classpath.coordinates("com.fasterxml.jackson.core", "jackson-databind"));
  }

  private static void writeLib(Path lib, List<AssignmentJars.Jar> jars) throws IOException {
    for (AssignmentJars.Jar jar : jars) {
      Path dir =
          lib.resolve(ReleasePom.RELEASE_GROUP)
              .resolve(jar.module().artifactId())
              .resolve(jar.version());
      Files.createDirectories(dir);
      Files.write(dir.resolve(jar.fileName()), jar.bytes());
      write(dir.resolve(jar.fileName().replaceAll("\\.jar$", ".pom")), ReleasePom.ofJar(jar));
    }
  }

  private void copyWrapper(Path out) throws IOException {
    for (String file : List.of("mvnw", "mvnw.cmd", ".mvn/wrapper/maven-wrapper.properties")) {
      Path target = out.resolve(file);
      Files.createDirectories(target.getParent());
      Files.copy(labRoot.resolve(file), target);
    }
    try {
      Files.setPosixFilePermissions(
          out.resolve("mvnw"), PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (UnsupportedOperationException e) {
      // Windows: no permission bits, and mvnw.cmd is the one that runs there.
    }
  }

  private void checkCompiles(Path out, List<AssignmentJars.Jar> jars)
      throws ConfigException, IOException {
    Path scratch = Files.createTempDirectory("release-check");
    try {
      List<Path> classpathForCheck = new ArrayList<>(classpath.others());
      try (Stream<Path> files = Files.walk(out.resolve("lib"))) {
        files
            .filter(path -> path.toString().endsWith(".jar"))
            .sorted()
            .forEach(classpathForCheck::add);
      }
      List<Path> sources;
      try (Stream<Path> files = Files.walk(out.resolve("src"))) {
        sources = files.filter(path -> path.toString().endsWith(".java")).sorted().toList();
      }
      List<Javac.Problem> problems = Javac.compile(sources, classpathForCheck, scratch);
      if (!problems.isEmpty()) {
        throw new ConfigException(
            "the release of "
                + assignment.name()
                + " does not compile: "
                + problems.get(0).oneLine(),
            "the starter must compile: end each solution region at the end of its method body");
      }
    } finally {
      FileTrees.delete(scratch);
    }
  }

  private static void checkEmpty(Path out) throws ConfigException, IOException {
    if (Files.exists(out)) {
      try (Stream<Path> entries = Files.list(out)) {
        if (entries.findAny().isPresent()) {
          throw new ConfigException(
              out + " is not empty", "give a new folder: a release never writes over files");
        }
      }
    }
  }

  private static void writeAll(Path root, Map<String, String> files) throws IOException {
    for (Map.Entry<String, String> file : files.entrySet()) {
      write(root.resolve(file.getKey()), file.getValue());
    }
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
