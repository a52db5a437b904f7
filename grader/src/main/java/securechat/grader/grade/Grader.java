package securechat.grader.grade;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import securechat.core.cli.ConfigException;
import securechat.grader.Assignment;
import securechat.grader.StudentFile;
import securechat.grader.build.AssignmentJars;
import securechat.grader.build.FileTrees;
import securechat.grader.build.Javac;
import securechat.grader.build.LabClasspath;
import securechat.grader.grade.Outcome.Verdict;

/**
 * Grades submissions of one assignment. Built once (the tests are compiled against the lab's real
 * classes, their list and points read, the jars written), then {@link #grade} each submission:
 *
 * <ol>
 *   <li>copy its sources into a fresh folder of a private workspace;
 *   <li>compile them against the lab's jars without the student files' classes;
 *   <li>run the tests in a sandboxed test JVM ({@link GradingRun});
 *   <li>explain each result in words a student may read ({@link Explanation}).
 * </ol>
 *
 * The tests are compiled once: Java links by name and signature, so the same test classes run
 * against any submission that kept the starter's signatures (one that did not fails the tests that
 * call what it changed, with the missing method named).
 */
public final class Grader implements AutoCloseable {
  // Packages a submission may not bring its own classes for: the test tools and the grader.
  private static final List<String> RESERVED =
      List.of(
          "org/junit/", "org/opentest4j/", "org/assertj/", "com/fasterxml/", "securechat/grader/");

  private final Assignment assignment;
  private final Sandbox sandbox;
  private final Path workspace;
  private final List<Path> labClasspath = new ArrayList<>();
  private final Set<String> labClasses = new TreeSet<>();
  private final Path resources;
  private final Map<String, byte[]> testClasses = new LinkedHashMap<>();
  private final List<PlannedTest> plan;
  private int submissions;

  public Grader(Assignment assignment, LabClasspath classpath, Sandbox sandbox)
      throws ConfigException, IOException {
    this.assignment = assignment;
    this.sandbox = sandbox;
    this.workspace = Workspace.createPrivate("grade-" + assignment.name() + "-");
    labClasspath.addAll(classpath.others());
    for (AssignmentJars.Jar jar : AssignmentJars.of(assignment, classpath)) {
      Path file = workspace.resolve("lab").resolve(jar.fileName());
      Files.createDirectories(file.getParent());
      Files.write(file, jar.bytes());
      labClasspath.add(file);
      labClasses.addAll(Workspace.classNames(file));
    }
    this.resources = workspace.resolve("resources");
    FileTrees.copy(assignment.testResources(), resources);
    GradedTests tests = GradedTests.compile(assignment, classpath);
    this.plan = tests.tests();
    testClasses.putAll(tests.classes());
  }

  /** The graded tests, public first. */
  public List<PlannedTest> plan() {
    return plan;
  }

  /** Grades the submission in {@code submission}, calling it {@code name} in the report. */
  public GradeReport grade(Path submission, String name)
      throws ConfigException, IOException, InterruptedException {
    long started = System.nanoTime();
    Path here = workspace.resolve("submission-" + ++submissions);
    List<String> notes = new ArrayList<>();
    List<Path> sources = Workspace.copySources(submission, here.resolve("src"));
    Path classes = here.resolve("classes");
    List<Javac.Problem> problems = Javac.compile(sources, labClasspath, classes);
    if (!problems.isEmpty() || sources.isEmpty()) {
      notes.add(
          sources.isEmpty()
              ? "no .java files found in the submission"
              : "your code does not compile:");
      problems.forEach(problem -> notes.add("  " + problem.oneLine()));
      return report(
          name,
          GradeReport.Status.DID_NOT_COMPILE,
          notAll("not run: the submission does not compile"),
          Set.of(),
          notes,
          started);
    }
    Set<String> studentClasses = keepOwnClasses(classes, notes);
    List<String> missing = missingStudentFiles(studentClasses);
    if (!missing.isEmpty()) {
      notes.add(
          "the submission has no "
              + String.join(", ", missing)
              + ": hand in the file(s) the README names");
      return report(
          name,
          GradeReport.Status.MISSING_FILES,
          notAll("not run: a student file is missing"),
          studentClasses,
          notes,
          started);
    }
    Path runDir = Files.createDirectories(here.resolve("run"));
    List<Path> readOnly = new ArrayList<>(labClasspath);
    readOnly.add(resources);
    readOnly.add(classes);
    List<String> command = sandbox.command(javaCommand(readOnly), readOnly, runDir);
    Map<String, Outcome> outcomes =
        new GradingRun(command, testClasses, assignment.limits())
            .run(plan.stream().map(PlannedTest::id).toList());
    return report(name, GradeReport.Status.GRADED, outcomes, studentClasses, notes, started);
  }

  @Override
  public void close() throws IOException {
    FileTrees.delete(workspace);
  }

  // Drops the classes a submission may not replace; returns the binary names of the rest.
  private Set<String> keepOwnClasses(Path classes, List<String> notes) throws IOException {
    Set<String> kept = new TreeSet<>();
    for (String className : Workspace.classNames(classes)) {
      String file = className.replace('.', '/');
      boolean reserved = RESERVED.stream().anyMatch(file::startsWith);
      if (reserved || labClasses.contains(className)) {
        notes.add(
            "ignored "
                + className
                + ": "
                + (reserved
                    ? "the test tools' own package"
                    : "part of the lab, not of this assignment; the lab's own is used"));
        Workspace.deleteClass(classes, className);
      } else {
        kept.add(className.replaceAll("\\$.*", ""));
      }
    }
    return kept;
  }

  private List<String> missingStudentFiles(Set<String> studentClasses) {
    return assignment.studentFiles().stream()
        .filter(file -> !studentClasses.contains(file.className()))
        .map(StudentFile::javaPath)
        .toList();
  }

  private List<String> javaCommand(List<Path> classpath) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of(
            "-Xmx" + assignment.limits().memoryMb() + "m",
            "-XX:MaxMetaspaceSize=256m",
            "-XX:MaxDirectMemorySize=64m",
            "-XX:+ExitOnOutOfMemoryError",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-XX:-UsePerfData",
            "-Djava.io.tmpdir=/tmp",
            "-Dfile.encoding=UTF-8",
            "-Djava.awt.headless=true",
            "--enable-native-access=ALL-UNNAMED",
            "-cp",
            String.join(
                java.io.File.pathSeparator, classpath.stream().map(Path::toString).toList()),
            "securechat.grader.run.TestRunner"));
    return command;
  }

  private Map<String, Outcome> notAll(String why) {
    Map<String, Outcome> outcomes = new LinkedHashMap<>();
    plan.forEach(test -> outcomes.put(test.id(), Outcome.of(Verdict.NOT_RUN, why)));
    return outcomes;
  }

  private GradeReport report(
      String name,
      GradeReport.Status status,
      Map<String, Outcome> outcomes,
      Set<String> studentClasses,
      List<String> notes,
      long started) {
    Explanation explanation = new Explanation(studentClasses);
    List<TestResult> results = new ArrayList<>();
    for (PlannedTest test : plan) {
      Outcome outcome = outcomes.getOrDefault(test.id(), Outcome.of(Verdict.NOT_RUN, "not run"));
      results.add(new TestResult(test, outcome, explanation.of(test, outcome)));
    }
    return new GradeReport(
        assignment.name(),
        assignment.title(),
        name,
        status,
        results,
        notes,
        sandbox.describe(),
        assignment.limits(),
        Duration.ofNanos(System.nanoTime() - started));
  }
}
