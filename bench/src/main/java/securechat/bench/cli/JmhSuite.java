package securechat.bench.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The lab's JMH benchmarks, run from {@code lab bench jmh} and {@code lab bench report} rather than
 * with JMH's own command line: one benchmark class at a time (so a progress line can say where it
 * is), each in a forked JVM as JMH wants, its scores gathered into {@link Row}s.
 *
 * <p>How long a run is: {@link Length#QUICK} (1 warm-up and 3 measured iterations of 1 s, for a
 * look) or {@link Length#FULL} (3 warm-ups of 1 s and 5 measured iterations of 2 s, for
 * docs/performance.md). Both use one fork: on a 2-core machine, JMH's error bars say more about the
 * machine's other work than a second fork would.
 */
public final class JmhSuite {
  /**
   * Every benchmark class, in the order of docs/performance.md. {@code BenchSmokeIT} checks this
   * list against what JMH finds, so a new benchmark cannot be left out of the report.
   */
  public static final List<String> CLASSES =
      List.of(
          "securechat.bench.FernetBenchmark",
          "securechat.bench.RawJceBenchmark",
          "securechat.bench.HkdfBenchmark",
          "securechat.ecdhe.X25519Benchmark",
          "securechat.ecdhe.EcdheHandshakeBenchmark",
          "securechat.ecdhe.EcdheLoopbackBenchmark",
          "securechat.e2e.HpkeBenchmark",
          "securechat.e2e.Ed25519Benchmark",
          "securechat.e2e.EnvelopeBenchmark",
          "securechat.e2e.E2eLoopbackBenchmark",
          "securechat.bench.LineParserBenchmark",
          "securechat.bench.ReassemblyBenchmark");

  /** How long each benchmark runs. */
  public enum Length {
    QUICK(1, TimeValue.seconds(1), 3, TimeValue.seconds(1)),
    FULL(3, TimeValue.seconds(1), 5, TimeValue.seconds(2));

    private final int warmups;
    private final TimeValue warmupTime;
    private final int iterations;
    private final TimeValue iterationTime;

    Length(int warmups, TimeValue warmupTime, int iterations, TimeValue iterationTime) {
      this.warmups = warmups;
      this.warmupTime = warmupTime;
      this.iterations = iterations;
      this.iterationTime = iterationTime;
    }

    /** The same settings as JMH's own command line takes them, for the record. */
    public String jmhArguments() {
      return String.format(
          Locale.ROOT,
          "-f 1 -wi %d -w %s -i %d -r %s",
          warmups,
          warmupTime.toString().replace(" ", ""),
          iterations,
          iterationTime.toString().replace(" ", ""));
    }
  }

  /**
   * One benchmark's score.
   *
   * @param benchmark {@code Class.method}, without the package
   * @param parameters its {@code @Param} values, {@code name=value} joined by commas; empty if none
   * @param score the mean over the measured iterations
   * @param error JMH's 99.9 % confidence half-width; NaN with fewer than two iterations
   * @param unit such as {@code ops/s}
   */
  public record Row(String benchmark, String parameters, double score, double error, String unit) {
    /** {@code Class.method} or {@code Class.method (name=value)}. */
    public String label() {
      return parameters.isEmpty() ? benchmark : benchmark + " (" + parameters + ")";
    }
  }

  private JmhSuite() {}

  /**
   * Runs the benchmark classes whose name matches {@code filter} (a regular expression searched in
   * the full class name; empty for all), printing a line to {@code progress} as each starts.
   *
   * @throws RunnerException if JMH could not run one of them
   */
  public static List<Row> run(String filter, Length length, PrintWriter progress)
      throws RunnerException {
    Pattern wanted = Pattern.compile(filter);
    List<String> classes = CLASSES.stream().filter(name -> wanted.matcher(name).find()).toList();
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < classes.size(); i++) {
      String name = classes.get(i);
      progress.printf(
          Locale.ROOT, "[%d/%d] %s …%n", i + 1, classes.size(), name.replaceAll(".*\\.", ""));
      progress.flush();
      rows.addAll(rows(new Runner(options(name, length)).run()));
    }
    return rows;
  }

  private static Options options(String className, Length length) {
    return new OptionsBuilder()
        .include("^" + Pattern.quote(className) + "\\.")
        .forks(1)
        .warmupIterations(length.warmups)
        .warmupTime(length.warmupTime)
        .measurementIterations(length.iterations)
        .measurementTime(length.iterationTime)
        .shouldFailOnError(true)
        .verbosity(VerboseMode.SILENT)
        .build();
  }

  private static List<Row> rows(Collection<RunResult> results) {
    List<Row> rows = new ArrayList<>();
    for (RunResult result : results) {
      String benchmark = result.getParams().getBenchmark().replaceAll("^.*\\.(\\w+\\.\\w+)$", "$1");
      TreeMap<String, String> parameters = new TreeMap<>();
      for (String key : result.getParams().getParamsKeys()) {
        parameters.put(key, result.getParams().getParam(key));
      }
      String joined =
          parameters.entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining(", "));
      Result<?> primary = result.getPrimaryResult();
      rows.add(
          new Row(
              benchmark,
              joined,
              primary.getScore(),
              primary.getScoreError(),
              primary.getScoreUnit()));
    }
    return rows;
  }
}
