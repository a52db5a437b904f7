package securechat.grader.grade;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import securechat.core.cli.ConfigException;
import securechat.grader.Hint;
import securechat.grader.Points;
import securechat.grader.markers.AssignmentSources;

/**
 * Finds an assignment's graded tests with JUnit's own discovery, run on the tests compiled against
 * the lab's real classes (the solution): the list, names and points are the same for every
 * submission, even one that does not compile. Public tests come first.
 */
final class TestPlanner {
  private TestPlanner() {}

  /** The graded tests among the classes compiled into {@code testClasses}. */
  static List<PlannedTest> plan(Path testClasses, AssignmentSources sources)
      throws ConfigException, IOException {
    List<PlannedTest> planned = new ArrayList<>();
    try (URLClassLoader loader =
        new URLClassLoader(
            new URL[] {testClasses.toUri().toURL()}, TestPlanner.class.getClassLoader())) {
      List<ClassSelector> selectors = new ArrayList<>();
      for (String name : topLevelClasses(testClasses)) {
        selectors.add(selectClass(Class.forName(name, false, loader)));
      }
      TestPlan plan =
          LauncherFactory.create()
              .discover(LauncherDiscoveryRequestBuilder.request().selectors(selectors).build());
      for (TestIdentifier root : plan.getRoots()) {
        for (TestIdentifier identifier : plan.getDescendants(root)) {
          graded(plan, identifier, sources).ifPresent(planned::add);
        }
      }
    } catch (ClassNotFoundException | LinkageError e) {
      throw new ConfigException("the assignment's tests cannot be loaded: " + e);
    }
    planned.sort(Comparator.comparing(PlannedTest::hidden));
    return planned;
  }

  private static java.util.Optional<PlannedTest> graded(
      TestPlan plan, TestIdentifier identifier, AssignmentSources sources) {
    if (!(identifier.getSource().orElse(null) instanceof MethodSource source)
        || !(plan.getParent(identifier).flatMap(TestIdentifier::getSource).orElse(null)
            instanceof ClassSource)) {
      return java.util.Optional.empty();
    }
    Method method = source.getJavaMethod();
    Points points = method.getAnnotation(Points.class);
    Hint hint = method.getAnnotation(Hint.class);
    String id = source.getClassName() + "#" + source.getMethodName();
    return java.util.Optional.of(
        new PlannedTest(
            id,
            identifier.getDisplayName(),
            points == null ? 1 : points.value(),
            hint == null ? "" : hint.value(),
            sources.isHidden(id)));
  }

  private static List<String> topLevelClasses(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .map(path -> root.relativize(path).toString().replace('\\', '/'))
          .filter(name -> name.endsWith(".class") && !name.contains("$"))
          .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
          .sorted()
          .toList();
    }
  }
}
