package securechat.grader.grade;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import securechat.core.cli.ConfigException;
import securechat.grader.Assignment;
import securechat.grader.build.AssignmentJars;
import securechat.grader.build.FileTrees;
import securechat.grader.build.Javac;
import securechat.grader.build.LabClasspath;
import securechat.grader.build.LabModule;
import securechat.grader.markers.AssignmentSources;

/**
 * An assignment's tests, compiled once against the lab's real classes (the solution): the graded
 * tests with their names and points, and the class files the test JVM receives.
 *
 * @param tests public first, then hidden
 * @param classes binary name → class file
 */
public record GradedTests(List<PlannedTest> tests, Map<String, byte[]> classes) {
  public GradedTests {
    tests = List.copyOf(tests);
    classes = Map.copyOf(classes);
  }

  /** Compiles and discovers the tests of {@code assignment}. */
  public static GradedTests compile(Assignment assignment, LabClasspath classpath)
      throws ConfigException, IOException {
    Path scratch = Workspace.createPrivate("tests-" + assignment.name() + "-");
    try {
      List<Path> against = new ArrayList<>(classpath.others());
      for (LabModule module : classpath.closure(AssignmentJars.modulesOf(assignment))) {
        against.add(module.location());
      }
      List<Javac.Problem> problems = Javac.compile(assignment.testFiles(), against, scratch);
      if (!problems.isEmpty()) {
        throw new ConfigException(
            "the tests of "
                + assignment.name()
                + " do not compile against the lab: "
                + problems.get(0).oneLine());
      }
      List<PlannedTest> plan = TestPlanner.plan(scratch, AssignmentSources.of(assignment));
      return new GradedTests(plan, Workspace.classBytes(scratch));
    } finally {
      FileTrees.delete(scratch);
    }
  }

  /** The points of all tests, or of the hidden ones only. */
  public double points(boolean hiddenOnly) {
    return tests.stream()
        .filter(test -> !hiddenOnly || test.hidden())
        .mapToDouble(PlannedTest::points)
        .sum();
  }
}
