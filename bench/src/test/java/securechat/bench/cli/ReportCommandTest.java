package securechat.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import securechat.core.cli.CliErrorHandler;

class ReportCommandTest {
  @TempDir Path folder;
  private final List<String> ran = new ArrayList<>();
  private final StringWriter err = new StringWriter();

  private ReportCommand.Part part(String name, String markdown) {
    return new ReportCommand.Part() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String run(boolean quick, PrintWriter progress) {
        ran.add(name + (quick ? " quick" : ""));
        return markdown;
      }
    };
  }

  private int report(Path page, String... options) {
    ReportCommand command =
        new ReportCommand(List.of(part("one", "figures of one"), part("two", "figures of two")));
    CommandLine line = CliErrorHandler.configure(new CommandLine(command));
    line.setOut(new PrintWriter(new StringWriter()));
    line.setErr(new PrintWriter(err));
    List<String> args = new ArrayList<>(List.of("--out", page.toString()));
    args.addAll(List.of(options));
    return line.execute(args.toArray(new String[0]));
  }

  private Path page(String... blocks) throws Exception {
    StringBuilder text = new StringBuilder("# Performance\n\nWhy the figures are what they are.\n");
    for (String block : blocks) {
      text.append(GeneratedBlocks.begin(block))
          .append("\nold\n")
          .append(GeneratedBlocks.end(block));
      text.append("\n\nProse about ").append(block).append(".\n");
    }
    return Files.writeString(folder.resolve("performance.md"), text);
  }

  @Test
  void everyPartRunsInOrderAndFillsItsBlockLeavingTheProse() throws Exception {
    Path page = page("one", "two");

    assertThat(report(page, "--quick")).isZero();

    assertThat(ran).containsExactly("one quick", "two quick");
    assertThat(Files.readString(page))
        .contains("Why the figures are what they are.", "Prose about one.", "Prose about two.")
        .contains("figures of one", "figures of two")
        .doesNotContain("old");
  }

  @Test
  void onlyRunsTheNamedParts() throws Exception {
    Path page = page("one", "two");

    assertThat(report(page, "--only", "two")).isZero();

    assertThat(ran).containsExactly("two");
    assertThat(Files.readString(page)).contains("figures of two", "old");
  }

  @Test
  void aMissingBlockStopsTheReportBeforeAnythingIsMeasured() throws Exception {
    Path page = page("one");

    assertThat(report(page)).isNotZero();

    assertThat(ran).isEmpty();
    assertThat(err.toString()).contains("no block 'two'").hasLineCount(1);
  }

  @Test
  void anUnknownPartIsOneLineNamingTheParts() throws Exception {
    assertThat(report(page("one", "two"), "--only", "three")).isNotZero();
    assertThat(err.toString()).contains("no part 'three'; the parts are: [one, two]");
  }

  @Test
  void labBenchReportHasEveryPartAndTheRealPageHasABlockForEach() throws Exception {
    // The real command tree, as `./lab bench report` sees it: a part left out of it would leave
    // its block of docs/performance.md unwritten without a word.
    CommandLine lab =
        CliErrorHandler.configure(new BenchCommand(List.of(), "unused.Main").commandLine());
    lab.setOut(new PrintWriter(new StringWriter()));
    lab.setErr(new PrintWriter(err));
    Path page = Path.of("..", "docs", "performance.md");

    assertThat(lab.execute("report", "--out", page.toString(), "--only", "none")).isNotZero();

    assertThat(err.toString()).contains("the parts are: [machine, compare, load, jmh]");
    String text = Files.readString(page);
    for (String part : List.of("machine", "compare", "load", "jmh")) {
      assertThat(text).contains(GeneratedBlocks.begin(part)).contains(GeneratedBlocks.end(part));
    }
  }
}
