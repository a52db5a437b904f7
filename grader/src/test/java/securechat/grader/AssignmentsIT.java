package securechat.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import securechat.grader.grade.GradeReport;
import securechat.grader.grade.GradedTests;
import securechat.grader.grade.Grader;
import securechat.grader.grade.Outcome.Verdict;
import securechat.grader.grade.PlannedTest;
import securechat.grader.markers.AssignmentSources;
import securechat.grader.release.ReleaseWriter;
import securechat.grader.report.JunitXml;
import securechat.grader.report.ResultsJson;
import securechat.grader.report.Summary;

/**
 * Each shipped assignment, released and graded for real (bubblewrap sandbox, test JVMs): the
 * solution gets full marks, the untouched starter zero with readable failures, the planted partial
 * submission its expected score, and malicious submissions are contained.
 */
@Timeout(300)
class AssignmentsIT {
  static List<String> assignments() throws Exception {
    return LabAssignments.names();
  }

  @ParameterizedTest
  @MethodSource("assignments")
  void theReleaseIsTheSameEveryTimeAndHoldsNeitherSolutionNorHiddenTests(
      String name, @TempDir Path dir) throws Exception {
    Assignment assignment = LabAssignments.find(name);
    ReleaseWriter writer =
        new ReleaseWriter(assignment, LabAssignments.classpath(), LabAssignments.LAB_ROOT);
    writer.write(dir.resolve("one"));
    writer.write(dir.resolve("two"));
    Map<String, byte[]> one = files(dir.resolve("one"));
    assertThat(one.keySet()).isEqualTo(files(dir.resolve("two")).keySet());
    one.forEach(
        (path, bytes) -> assertThat(files(dir.resolve("two")).get(path)).as(path).isEqualTo(bytes));
    Map<String, byte[]> released = files(dir.resolve("one"));
    List<String> hiddenTests =
        GradedTests.compile(assignment, LabAssignments.classpath()).tests().stream()
            .filter(PlannedTest::hidden)
            .map(test -> test.id().substring(test.id().indexOf('#') + 1))
            .toList();
    for (Map.Entry<String, byte[]> file : released.entrySet()) {
      if (file.getKey().startsWith("src/test/java/")) {
        String text = new String(file.getValue(), StandardCharsets.UTF_8);
        for (String hidden : hiddenTests) {
          assertThat(text).as(file.getKey()).doesNotContain(" " + hidden + "(");
        }
      }
    }
    for (Map.Entry<String, byte[]> file : released.entrySet()) {
      String text = new String(file.getValue(), StandardCharsets.UTF_8);
      assertThat(text).as(file.getKey()).doesNotContain("BEGIN SOLUTION", "HIDDEN TESTS");
    }
    for (StudentFile file : assignment.studentFiles()) {
      String classFile = file.javaPath().replace(".java", ".class");
      assertThat(released.keySet()).contains("src/main/java/" + file.javaPath());
      assertThat(jarEntries(dir.resolve("one/lib"))).doesNotContain(classFile);
    }
  }

  @ParameterizedTest
  @MethodSource("assignments")
  void theSolutionGetsFullMarks(String name, @TempDir Path dir) throws Exception {
    Assignment assignment = LabAssignments.find(name);
    try (Grader grader =
        new Grader(assignment, LabAssignments.classpath(), LabAssignments.bubblewrap())) {
      GradeReport report = grader.grade(LabAssignments.solution(assignment, dir), "solution");
      assertThat(report.score()).as(Summary.of(report)).isEqualTo(report.maxScore()).isEqualTo(20);
      assertThat(report.results()).anyMatch(result -> result.test().hidden());
    }
  }

  @ParameterizedTest
  @MethodSource("assignments")
  void theUntouchedStarterGetsZeroAndSaysWhatIsMissing(String name, @TempDir Path dir)
      throws Exception {
    Assignment assignment = LabAssignments.find(name);
    Path starter = dir.resolve("starter");
    new ReleaseWriter(assignment, LabAssignments.classpath(), LabAssignments.LAB_ROOT)
        .write(starter);
    try (Grader grader =
        new Grader(assignment, LabAssignments.classpath(), LabAssignments.bubblewrap())) {
      GradeReport report = grader.grade(starter, "starter");
      assertThat(report.score()).as(Summary.of(report)).isZero();
      assertThat(report.status()).isEqualTo(GradeReport.Status.GRADED);
      assertThat(report.results())
          .filteredOn(result -> !result.test().hidden() && result.test().points() > 0)
          .allSatisfy(result -> assertThat(result.explanation()).contains("not implemented yet"));
      assertThat(Summary.of(report)).doesNotContain("Exception in thread", "\tat org.junit");
    }
  }

  @ParameterizedTest
  @MethodSource("assignments")
  void thePlantedPartialSubmissionGetsItsExpectedScore(String name) throws Exception {
    Assignment assignment = LabAssignments.find(name);
    try (Grader grader =
        new Grader(assignment, LabAssignments.classpath(), LabAssignments.bubblewrap())) {
      GradeReport report = grader.grade(LabAssignments.partial(name), "partial");
      assertThat(report.score())
          .as(Summary.of(report))
          .isEqualTo(LabAssignments.expectedScore(name));
    }
  }

  @ParameterizedTest
  @MethodSource("assignments")
  void systemExitFailsOnlyTheTestsThatCallIt(String name, @TempDir Path dir) throws Exception {
    Assignment assignment = LabAssignments.find(name);
    Path submission =
        LabAssignments.planted(
            assignment, dir, "if (Boolean.parseBoolean(\"true\")) { System.exit(7); }");
    try (Grader grader =
        new Grader(assignment, LabAssignments.classpath(), LabAssignments.bubblewrap())) {
      GradeReport report = grader.grade(submission, "exits");
      assertThat(report.results()).hasSize(grader.plan().size());
      assertThat(report.results())
          .anySatisfy(
              result -> assertThat(result.explanation()).contains("System.exit(7) was called"));
      assertThat(report.results())
          .noneMatch(result -> result.outcome().verdict() == Verdict.CRASHED);
    }
  }

  @ParameterizedTest
  @MethodSource("assignments")
  void anEndlessLoopIsStoppedAtTheTestsLimitAndTheRunAtItsOwn(String name, @TempDir Path dir)
      throws Exception {
    Assignment real = LabAssignments.find(name);
    Limits limits = new Limits(Duration.ofSeconds(2), Duration.ofSeconds(12), 256);
    Assignment assignment =
        new Assignment(
            real.name(),
            real.title(),
            real.folder(),
            real.studentFiles(),
            real.extraModules(),
            limits);
    Path submission =
        LabAssignments.planted(
            assignment,
            dir,
            "if (Boolean.parseBoolean(\"true\")) { while (true) { Thread.onSpinWait(); } }");
    try (Grader grader =
        new Grader(assignment, LabAssignments.classpath(), LabAssignments.bubblewrap())) {
      GradeReport report = grader.grade(submission, "loops");
      assertThat(report.elapsed()).isLessThan(Duration.ofSeconds(30));
      assertThat(report.results())
          .anySatisfy(
              result -> assertThat(result.explanation()).contains("did not finish within 2 s"));
    }
  }

  @ParameterizedTest
  @MethodSource("assignments")
  void aSubmissionSeesNeitherTheTestsNorTheNetwork(String name, @TempDir Path dir)
      throws Exception {
    Assignment assignment = LabAssignments.find(name);
    try (ServerSocket outside = new ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
      String snoop =
          """
          if (System.getProperty("snooped") != null) {
            throw new IllegalStateException(System.getProperty("snooped"));
          }
          if (Boolean.parseBoolean("true")) {
            java.util.List<String> found = new java.util.ArrayList<>();
            if (java.nio.file.Files.exists(java.nio.file.Path.of("%s"))) found.add("the lab's assignments");
            try {
              java.nio.file.Files.walkFileTree(java.nio.file.Path.of("/"), new java.nio.file.SimpleFileVisitor<>() {
                @Override
                public java.nio.file.FileVisitResult visitFile(java.nio.file.Path file, java.nio.file.attribute.BasicFileAttributes attributes) {
                  String name = file.toString();
                  if (name.contains("/assignments/") || (name.contains("Test") && (name.endsWith(".java") || name.endsWith(".class")))) found.add(name);
                  return java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult visitFileFailed(java.nio.file.Path file, java.io.IOException e) {
                  return java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult preVisitDirectory(java.nio.file.Path dir, java.nio.file.attribute.BasicFileAttributes attributes) {
                  return dir.startsWith("/proc") || dir.startsWith("/sys") ? java.nio.file.FileVisitResult.SKIP_SUBTREE : java.nio.file.FileVisitResult.CONTINUE;
                }
              });
            } catch (java.io.IOException e) {
              found.add("walk failed: " + e);
            }
            for (String hidden : new String[] {%s}) {
              if (ClassLoader.getSystemResource(hidden.replace('.', '/') + ".class") != null) found.add(hidden);
            }
            try (java.net.Socket socket = new java.net.Socket()) {
              socket.connect(new java.net.InetSocketAddress("127.0.0.1", %d), 1000);
              found.add("reached the grader's loopback");
            } catch (java.io.IOException expected) {
            }
            System.setProperty("snooped", "FOUND " + found);
            throw new IllegalStateException("FOUND " + found);
          }
          """
              .formatted(
                  LabAssignments.LAB_ROOT.resolve("assignments"),
                  hiddenClassLiterals(assignment),
                  outside.getLocalPort());
      Path submission = LabAssignments.planted(assignment, dir, snoop);
      try (Grader grader =
          new Grader(assignment, LabAssignments.classpath(), LabAssignments.bubblewrap())) {
        GradeReport report = grader.grade(submission, "snoops");
        String everything = Summary.of(report) + ResultsJson.of(report) + JunitXml.of(report);
        assertThat(everything)
            .contains("FOUND []")
            .doesNotContain("FOUND [/", "reached the grader");
        outside.setSoTimeout(1);
        assertThat(acceptsNobody(outside)).isTrue();
      }
    }
  }

  private static boolean acceptsNobody(ServerSocket socket) throws Exception {
    try (var accepted = socket.accept()) {
      return false;
    } catch (SocketTimeoutException expected) {
      return true;
    }
  }

  private static String hiddenClassLiterals(Assignment assignment) throws Exception {
    return String.join(
        ", ",
        AssignmentSources.of(assignment).hiddenTests().stream()
            .map(id -> "\"" + id.substring(0, id.indexOf('#')) + "\"")
            .distinct()
            .toList());
  }

  private static Map<String, byte[]> files(Path root) {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(root)) {
      for (Path file : (Iterable<Path>) all.filter(Files::isRegularFile)::iterator) {
        files.put(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return files;
  }

  private static List<String> jarEntries(Path lib) throws Exception {
    List<String> entries = new java.util.ArrayList<>();
    try (Stream<Path> jars = Files.walk(lib)) {
      for (Path jar : (Iterable<Path>) jars.filter(p -> p.toString().endsWith(".jar"))::iterator) {
        try (var file = new java.util.jar.JarFile(jar.toFile())) {
          file.stream().forEach(entry -> entries.add(entry.getName()));
        }
      }
    }
    return entries;
  }
}
