package securechat.bench.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import securechat.bench.compare.Figures;
import securechat.core.cli.ConfigException;

/**
 * {@code lab bench report}: every figure of docs/performance.md measured again and written into the
 * page, in one command. Each part of the run fills one generated block of the page ({@link
 * GeneratedBlocks}); the prose around the blocks is left as written.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Measure everything again (the machine, the JMH benchmarks, the comparisons with real peers,"
          + " the load tests) and write the figures into docs/performance.md.",
      "About 20 minutes; --quick about 8 (shorter runs: for a look, not for the page)."
    })
final class ReportCommand implements Callable<Integer> {
  /** The parts of a report, in the order they run. */
  interface Part {
    /** The part's block name in the page. */
    String name();

    /** Runs the part and returns its Markdown. */
    String run(boolean quick, PrintWriter progress) throws Exception;
  }

  @Spec private CommandSpec spec;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "The page to update. Default: docs/performance.md in the lab's folder")
  private Path out;

  @Option(names = "--quick", description = "Shorter runs, to try the report out")
  private boolean quick;

  @Option(
      names = "--only",
      split = ",",
      paramLabel = "PART",
      description = "Only these parts: ${COMPLETION-CANDIDATES}")
  private Set<String> only;

  private final List<Part> parts;

  ReportCommand(List<Part> parts) {
    this.parts = List.copyOf(parts);
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter progress = spec.commandLine().getOut();
    Path page = out != null ? out : defaultPage();
    if (!Files.isRegularFile(page)) {
      throw new ConfigException("no page to update at " + page + ": give one with --out FILE");
    }
    List<Part> chosen = chosen();
    String text = Files.readString(page, StandardCharsets.UTF_8);
    for (Part part : chosen) {
      // Fail before an hour of measuring, not after: every block must be in the page.
      GeneratedBlocks.replace(text, part.name(), "");
    }
    Map<String, String> blocks = new LinkedHashMap<>();
    for (Part part : chosen) {
      long started = System.nanoTime();
      progress.printf(Locale.ROOT, "== %s ==%n", part.name());
      progress.flush();
      blocks.put(part.name(), part.run(quick, progress));
      progress.printf(
          Locale.ROOT,
          "   %s done in %s%n",
          part.name(),
          ReportCommand.minutes(Duration.ofNanos(System.nanoTime() - started)));
      // Written after each part: a run stopped half way keeps what it measured.
      text = GeneratedBlocks.replace(text, part.name(), blocks.get(part.name()));
      Files.writeString(page, text, StandardCharsets.UTF_8);
    }
    progress.println("updated " + page);
    progress.flush();
    return 0;
  }

  private List<Part> chosen() throws ConfigException {
    if (only == null) {
      return parts;
    }
    List<Part> chosen = new ArrayList<>();
    for (Part part : parts) {
      if (only.contains(part.name())) {
        chosen.add(part);
      }
    }
    List<String> names = parts.stream().map(Part::name).toList();
    for (String name : only) {
      if (!names.contains(name)) {
        throw new ConfigException("no part '" + name + "'; the parts are: " + names);
      }
    }
    return chosen;
  }

  private static Path defaultPage() throws ConfigException {
    String home = System.getProperty("lab.home");
    if (home == null) {
      throw new ConfigException("cannot tell where the lab is: give the page with --out FILE");
    }
    return Path.of(home, "docs", "performance.md");
  }

  static String minutes(Duration duration) {
    long seconds = duration.toSeconds();
    return seconds < 60
        ? seconds + " s"
        : String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
  }

  /** The machine: what every other figure was measured on. */
  static final class MachinePart implements Part {
    @Override
    public String name() {
      return "machine";
    }

    @Override
    public String run(boolean quick, PrintWriter progress) {
      return Machine.current().summary() + ".";
    }
  }

  /** The JMH benchmarks: a row per benchmark and parameter. */
  static final class JmhPart implements Part {
    @Override
    public String name() {
      return "jmh";
    }

    @Override
    public String run(boolean quick, PrintWriter progress) throws Exception {
      JmhSuite.Length length = quick ? JmhSuite.Length.QUICK : JmhSuite.Length.FULL;
      List<JmhSuite.Row> rows = JmhSuite.run("", length, progress);
      StringBuilder md = new StringBuilder();
      md.append("`./lab bench jmh")
          .append(quick ? "" : " --full")
          .append("` (JMH ")
          .append(length.jmhArguments())
          .append("):\n\n");
      md.append("| benchmark | parameters | score | ± (99.9 %) | unit |\n");
      md.append("|---|---|---:|---:|---|\n");
      for (JmhSuite.Row row : rows) {
        md.append(
            String.format(
                Locale.ROOT,
                "| `%s` | %s | %s | %s | %s |%n",
                row.benchmark(),
                row.parameters(),
                Figures.rate(row.score()),
                Double.isNaN(row.error()) ? "" : Figures.rate(row.error()),
                row.unit()));
      }
      return md.toString();
    }
  }
}
