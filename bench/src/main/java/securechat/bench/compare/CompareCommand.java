package securechat.bench.compare;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.openjdk.jmh.runner.RunnerException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import securechat.bench.cli.BenchCommand;
import securechat.core.cli.ConfigException;

/**
 * {@code lab bench compare}: runs our code and real peers one after the other in one run and
 * prints, for each figure, ours / peer against issue 11's target. A peer that is not installed
 * makes its rows say "skipped" with the command that installs it; nothing else stops the run. Every
 * server it starts is stopped before it moves on, and every step has a time limit.
 *
 * <pre>
 * ./lab bench compare --seconds 5 --markdown docs/compare.md
 * ./lab bench compare --only fernet,speed --quick --json -
 * </pre>
 */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Measure ours beside real peers in one run and print the ratios (ours / peer) with issue"
          + " 11's targets: Fernet vs Python cryptography, TLS 1.3 handshakes vs openssl s_server,"
          + " the sniffer vs tshark, X25519/Ed25519 vs openssl speed.",
      ""
    })
public final class CompareCommand implements Callable<Integer> {
  private static final List<String> PARTS = List.of("fernet", "tls", "sniffer", "speed");

  @Spec private CommandSpec spec;

  @Option(
      names = "--only",
      split = ",",
      paramLabel = "PART",
      description = "Only these parts: fernet, tls, sniffer, speed. Default: all")
  private List<String> only;

  @Option(
      names = "--seconds",
      paramLabel = "S",
      defaultValue = "3",
      description = "Seconds per measurement (each side, each figure). Default: ${DEFAULT-VALUE}")
  private double seconds;

  @Option(names = "--quick", description = "One second per measurement, a smaller capture")
  private boolean quick;

  @Option(
      names = "--capture-packets",
      paramLabel = "N",
      description = "Packets in the sniffer's capture file. Default: 300000 (--quick: 50000)")
  private Integer capturePackets;

  @Option(
      names = "--json",
      paramLabel = "FILE",
      description = "Write the results as JSON (- for stdout)")
  private String jsonFile;

  @Option(names = "--markdown", paramLabel = "FILE", description = "Write the table as Markdown")
  private Path markdownFile;

  private final BenchCommand bench;
  private final ToolPath tools;
  private final int jmhForks;

  /** The command for the application: the peers from this process's PATH, JMH in forks. */
  public CompareCommand(BenchCommand bench) {
    this(bench, ToolPath.fromEnvironment(), 1);
  }

  /** For tests: another search path for the peers, JMH in this JVM ({@code jmhForks} 0). */
  CompareCommand(BenchCommand bench, ToolPath tools, int jmhForks) {
    this.bench = bench;
    this.tools = tools;
    this.jmhForks = jmhForks;
  }

  @Override
  public Integer call() throws ConfigException, IOException {
    List<String> parts = checkedParts();
    Duration measurement = measurement();
    boolean jsonToStdout = "-".equals(jsonFile);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter progress = spec.commandLine().getErr();
    Instant started = Instant.now();
    String machine = machine();
    Path work = Files.createTempDirectory("lab-bench-compare");
    List<Comparison> rows = new ArrayList<>();
    try {
      CompareSettings settings = settings(measurement, work);
      for (int index = 0; index < parts.size(); index++) {
        String part = parts.get(index);
        progress.printf("[%d/%d] %s: %s%n", index + 1, parts.size(), part, about(part, settings));
        progress.flush();
        for (Comparison row : runPart(part, settings)) {
          rows.add(row.withCommandsReplacing(work.toString(), "$WORK"));
        }
      }
    } finally {
      deleteRecursively(work);
    }
    ComparisonReport report = new ComparisonReport(rows, started, machine, measurement);
    (jsonToStdout ? progress : out).print(ComparisonTable.text(report));
    writeOutputs(report, out);
    out.flush();
    progress.flush();
    return 0;
  }

  private List<Comparison> runPart(String part, CompareSettings settings) {
    try {
      return switch (part) {
        case FernetComparison.PART -> new FernetComparison(settings).run();
        case TlsComparison.PART -> new TlsComparison(settings).run();
        case SnifferComparison.PART -> new SnifferComparison(settings).run();
        case SpeedComparison.PART -> new SpeedComparison(settings).run();
        default -> throw new IllegalStateException("no part " + part);
      };
    } catch (IOException | RunnerException e) {
      // One broken part (a server that would not start) must not lose the others' figures.
      String reason = "failed: " + e.getMessage();
      return List.of(
          Comparison.skipped(part, part, "-", Optional.empty(), "-", Target.ANCHOR, reason));
    }
  }

  /** What a part does and about how long it takes, for the progress line. */
  private static String about(String part, CompareSettings settings) {
    long s = settings.measurement().toSeconds();
    return switch (part) {
      case FernetComparison.PART ->
          "Python cryptography around JMH (about " + (20 * s + 15) + " s)";
      case TlsComparison.PART ->
          "openssl s_time against lab server and s_server (about " + (8 * s + 20) + " s)";
      case SnifferComparison.PART ->
          "tshark and lab sniff on "
              + settings.capturePackets()
              + " packets (about "
              + (6 * s + 10)
              + " s)";
      default -> "openssl speed around JMH (about " + (12 * s + 10) + " s)";
    };
  }

  private CompareSettings settings(Duration measurement, Path work) {
    return new CompareSettings(
        measurement,
        tools,
        jmhForks,
        capturePackets != null ? capturePackets : quick ? 50_000 : 300_000,
        work,
        args -> bench.labProcess(List.of(), args.toArray(String[]::new)));
  }

  private void writeOutputs(ComparisonReport report, PrintWriter out) throws IOException {
    if ("-".equals(jsonFile)) {
      out.print(ComparisonJson.write(report));
    } else if (jsonFile != null) {
      Files.writeString(Path.of(jsonFile), ComparisonJson.write(report), StandardCharsets.UTF_8);
    }
    if (markdownFile != null) {
      Files.writeString(markdownFile, ComparisonTable.markdown(report), StandardCharsets.UTF_8);
    }
  }

  private List<String> checkedParts() throws ConfigException {
    if (only == null || only.isEmpty()) {
      return PARTS;
    }
    for (String part : only) {
      if (!PARTS.contains(part)) {
        throw new ConfigException(
            "unknown part '" + part + "'; the parts are: " + String.join(", ", PARTS));
      }
    }
    return PARTS.stream().filter(only::contains).toList();
  }

  private Duration measurement() throws ConfigException {
    double chosen = quick ? 1 : seconds;
    if (!(chosen >= 0.1 && chosen <= 600)) {
      throw new ConfigException("--seconds must be between 0.1 and 600, not " + seconds);
    }
    return Duration.ofMillis(Math.round(chosen * 1000));
  }

  private static String machine() {
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return String.format(
        Locale.ROOT,
        "%d cores, Java %s, load average %.2f at the start",
        Runtime.getRuntime().availableProcessors(),
        Runtime.version(),
        load);
  }

  private static void deleteRecursively(Path directory) throws IOException {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
