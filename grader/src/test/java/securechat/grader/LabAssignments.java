package securechat.grader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import securechat.grader.build.LabClasspath;
import securechat.grader.grade.Bubblewrap;
import securechat.grader.grade.Sandbox;
import securechat.grader.markers.JavaOutline;
import securechat.grader.markers.MarkedSource;
import securechat.grader.markers.Marker;
import securechat.grader.markers.MarkerException;
import securechat.grader.markers.Region;

/**
 * The lab's shipped assignments as the tests use them, and submissions made from them: the real
 * student files (the solution), and the solution with code planted at the start of every solution
 * region (a malicious student).
 */
final class LabAssignments {
  /** The lab's folder: the grader module's parent. */
  static final Path LAB_ROOT = Path.of("..").toAbsolutePath().normalize();

  private LabAssignments() {}

  static AssignmentCatalog catalog() {
    return new AssignmentCatalog(LAB_ROOT.resolve("assignments"), LAB_ROOT);
  }

  /** The shipped assignments' names, for parameterized tests. */
  static List<String> names() throws Exception {
    return catalog().all().stream().map(Assignment::name).toList();
  }

  static Assignment find(String name) throws Exception {
    return catalog().find(name);
  }

  static LabClasspath classpath() throws Exception {
    return LabClasspath.ofRunningJvm();
  }

  /** Bubblewrap; in CI it must be there (.ci/run installs it), elsewhere the test is skipped. */
  static Sandbox bubblewrap() {
    StringBuilder whyNot = new StringBuilder();
    Optional<Bubblewrap> found = Bubblewrap.find(whyNot);
    if (System.getenv("CI") != null) {
      assertThat(found).as("bubblewrap in CI: " + whyNot).isPresent();
    }
    assumeTrue(found.isPresent(), "no sandbox here: " + whyNot);
    return found.get();
  }

  /** A submission holding the lab's real student files: full marks expected. */
  static Path solution(Assignment assignment, Path dir) throws IOException {
    return planted(assignment, dir, UnaryOperator.identity());
  }

  /**
   * The solution with {@code code} put at the start of every solution region of every student file,
   * so any test that calls the student's code runs it.
   */
  static Path planted(Assignment assignment, Path dir, String code) throws IOException {
    return planted(assignment, dir, text -> plant(text, code));
  }

  // After the BEGIN line of each region inside a method body (a class-body region holds fields or
  // methods, where a statement cannot stand).
  private static String plant(String text, String code) {
    try {
      MarkedSource source = MarkedSource.parse("Planted.java", text);
      JavaOutline outline = JavaOutline.parse("Planted.java", text);
      List<String> lines = new ArrayList<>(text.lines().toList());
      List<Region> regions = new ArrayList<>(source.regions(Marker.SOLUTION));
      java.util.Collections.reverse(regions);
      for (Region region : regions) {
        if (outline.innermostBodyAround(region.beginLine(), region.endLine()).isPresent()) {
          lines.add(region.beginLine(), code);
        }
      }
      return String.join("\n", lines) + "\n";
    } catch (MarkerException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path planted(Assignment assignment, Path dir, UnaryOperator<String> change)
      throws IOException {
    for (StudentFile file : assignment.studentFiles()) {
      Path target = dir.resolve("src/main/java").resolve(file.javaPath());
      Files.createDirectories(target.getParent());
      String text = Files.readString(file.source(), StandardCharsets.UTF_8);
      Files.writeString(target, change.apply(text), StandardCharsets.UTF_8);
    }
    return dir;
  }

  /** The planted partially correct submission and the score it must get. */
  static Path partial(String name) {
    return LAB_ROOT
        .resolve("grader/src/test/resources/submissions")
        .resolve(name)
        .resolve("partial");
  }

  static double expectedScore(String name) throws IOException {
    String first = Files.readAllLines(partial(name).resolve("expected-score")).get(0).strip();
    return Double.parseDouble(first);
  }
}
