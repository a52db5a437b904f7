package securechat.bench.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The report's comparisons with real peers: {@code lab bench compare} in a JVM of its own, its
 * Markdown table copied into the page.
 */
final class ComparePart implements ReportCommand.Part {
  private final BenchCommand bench;

  ComparePart(BenchCommand bench) {
    this.bench = bench;
  }

  @Override
  public String name() {
    return "compare";
  }

  @Override
  public String run(boolean quick, PrintWriter progress) throws Exception {
    Path markdown = LabRun.temporaryFile(".md");
    List<String> args =
        quick
            ? List.of("bench", "compare", "--quick", "--markdown", markdown.toString())
            : List.of("bench", "compare", "--seconds", "5", "--markdown", markdown.toString());
    LabRun.run(bench, args, Duration.ofMinutes(40), progress);
    // The table says itself which command measured it.
    return Files.readString(markdown, StandardCharsets.UTF_8);
  }
}
