package securechat.grader.markers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import securechat.core.cli.ConfigException;
import securechat.grader.Assignment;
import securechat.grader.StudentFile;

/**
 * An assignment's sources as the student gets them, with what was cut: the starters (solution
 * regions replaced), the public tests (hidden regions removed) and the names of the hidden test
 * methods ({@code securechat.ecdhe.FernetTest#rejectsEveryInvalidVector}).
 *
 * @param starters by path below {@code src/main/java}
 * @param publicTests by path below {@code src/test/java}
 */
public record AssignmentSources(
    Map<String, String> starters, Map<String, String> publicTests, Set<String> hiddenTests) {

  /** Reads and cuts every student file and test of {@code assignment}. */
  public static AssignmentSources of(Assignment assignment) throws ConfigException, IOException {
    Map<String, String> starters = new LinkedHashMap<>();
    for (StudentFile file : assignment.studentFiles()) {
      MarkedSource source = read(file.source(), file.javaPath());
      if (source.regions(Marker.SOLUTION).isEmpty()) {
        throw new MarkerException(
            file.javaPath(),
            1,
            "has no " + Marker.SOLUTION.begin() + ": the release would give the answer away");
      }
      starters.put(file.javaPath(), Cutter.release(source).orElseThrow());
    }
    Map<String, String> publicTests = new LinkedHashMap<>();
    Set<String> hidden = new TreeSet<>();
    for (Path test : assignment.testFiles()) {
      String path = assignment.testSources().relativize(test).toString().replace('\\', '/');
      MarkedSource source = read(test, path);
      Optional<String> released = Cutter.release(source);
      released.ifPresent(text -> publicTests.put(path, text));
      for (JavaOutline.Method method : JavaOutline.parse(path, source.text()).methods()) {
        if (released.isEmpty() || source.inside(Marker.HIDDEN_TESTS, method.line())) {
          hidden.add(method.className() + "#" + method.name());
        }
      }
    }
    return new AssignmentSources(starters, publicTests, hidden);
  }

  /** True when the test method {@code className#method} is hidden from students. */
  public boolean isHidden(String testId) {
    return hiddenTests.contains(testId);
  }

  private static MarkedSource read(Path file, String name) throws ConfigException, IOException {
    return MarkedSource.parse(name, Files.readString(file, StandardCharsets.UTF_8));
  }
}
