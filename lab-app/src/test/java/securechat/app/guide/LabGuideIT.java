package securechat.app.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import securechat.app.LabHome;
import securechat.app.guide.GuideRunner.ChapterReport;

/**
 * The lab guide's doc test: every shell block of every chapter runs as a student would type it,
 * against the real {@code ./lab}, in a fresh folder per chapter. A chapter whose commands no longer
 * work fails here, with the line of the guide and the end of the command's output.
 *
 * <p>{@code -Dguide.chapters=01-plain.md,02-tls.md} runs only those chapters (while writing one).
 */
class LabGuideIT {
  private static final List<String> SUMMARIES = new ArrayList<>();
  @TempDir static Path work;

  @TestFactory
  Stream<DynamicTest> everyCommandOfTheGuideWorks() throws IOException {
    boolean root = "root".equals(System.getProperty("user.name"));
    Assumptions.assumeTrue(
        root || System.getenv("CI") != null,
        "the lab guide's commands capture on lo (sudo): run this test as root, or in CI");
    List<String> missing = TOOLS.stream().filter(tool -> !onPath(tool)).toList();
    Assumptions.assumeTrue(
        missing.isEmpty() || System.getenv("CI") != null,
        "the lab guide's commands need " + missing + " (.ci/run installs them)");
    Path home = LabHome.find();
    List<Path> chapters =
        GuideRenderer.chapters(home.resolve("lab-guide")).stream()
            .filter(LabGuideIT::chosen)
            .toList();
    assertThat(chapters).isNotEmpty();
    PrintWriter out = new PrintWriter(System.out, true);
    GuideRunner runner = new GuideRunner(home, out);
    return chapters.stream()
        .map(
            chapter ->
                DynamicTest.dynamicTest(
                    chapter.getFileName().toString(),
                    () -> {
                      out.println("lab guide: " + chapter.getFileName());
                      String name = chapter.getFileName().toString().replace(".md", "");
                      ChapterReport report = runner.run(chapter, work.resolve(name));
                      SUMMARIES.add(report.summary());
                      assertThat(report.failures()).as(report.summary()).isEmpty();
                    }));
  }

  /** What the chapters' commands run besides ./lab (CI installs them: .ci/run). */
  private static final List<String> TOOLS =
      List.of("tshark", "openssl", "nc", "python3", "jupyter-nbconvert", "bwrap");

  private static boolean onPath(String tool) {
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
  }

  private static boolean chosen(Path chapter) {
    String chosen = System.getProperty("guide.chapters", "");
    return chosen.isBlank()
        || List.of(chosen.split(",")).contains(chapter.getFileName().toString());
  }

  @AfterAll
  static void printTimings() {
    System.out.println("lab guide doc test:");
    SUMMARIES.forEach(summary -> System.out.println("  " + summary));
  }
}
