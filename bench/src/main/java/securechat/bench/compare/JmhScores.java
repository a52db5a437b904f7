package securechat.bench.compare;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Our side of a figure, measured by JMH exactly as {@code docs/performance.md}'s JMH tables are,
 * but started from this program ({@link Runner}) with a short warm-up and measurement. JMH's own
 * output is silenced; the scores come back by name: {@code "FernetBenchmark.encrypt:100"} is the
 * {@code encrypt} method of {@code FernetBenchmark} with its one parameter set to 100.
 */
final class JmhScores {
  private final Map<String, Measurement> scores;

  private JmhScores(Map<String, Measurement> scores) {
    this.scores = scores;
  }

  /**
   * Runs the benchmark classes, each method and parameter value in turn: warm-up, then measurement,
   * each {@code settings.measurement()} long, split in iterations.
   *
   * @param classes benchmark classes, e.g. {@code FernetBenchmark.class}
   */
  static JmhScores run(CompareSettings settings, Class<?>... classes) throws RunnerException {
    long millis = settings.measurement().toMillis();
    ChainedOptionsBuilder options =
        new OptionsBuilder()
            .forks(settings.jmhForks())
            .warmupIterations(2)
            .warmupTime(TimeValue.milliseconds(millis / 2))
            .measurementIterations(3)
            .measurementTime(TimeValue.milliseconds(millis / 3))
            .verbosity(VerboseMode.SILENT)
            .shouldFailOnError(true);
    if (Runtime.version().feature() >= 23) {
      // JMH 1.37 reads fields through sun.misc.Unsafe; JDK 23+ warns about it in every fork.
      options.jvmArgsAppend("--sun-misc-unsafe-memory-access=allow");
    }
    for (Class<?> benchmark : classes) {
      options.include("^" + Pattern.quote(benchmark.getName()) + "\\.");
    }
    String jmhOptions =
        String.format(
            " -f %d -wi 2 -w %dms -i 3 -r %dms", settings.jmhForks(), millis / 2, millis / 3);
    Map<String, Measurement> scores = new HashMap<>();
    for (RunResult result : new Runner(options.build()).run()) {
      double score = result.getPrimaryResult().getScore();
      scores.put(
          key(result.getParams()),
          new Measurement(score, command(result.getParams()) + jmhOptions));
    }
    return new JmhScores(scores);
  }

  /** The score of {@code "Class.method"} or {@code "Class.method:param"}, as a measurement. */
  Optional<Measurement> find(String name) {
    return Optional.ofNullable(scores.get(name));
  }

  /** The same, scaled: operations per second times {@code factor} (e.g. bytes per op / 10^6). */
  Optional<Measurement> find(String name, double factor) {
    return find(name).map(m -> new Measurement(m.perSecond() * factor, m.command()));
  }

  /** "FernetBenchmark.encrypt:100": the simple class name, the method, the parameter values. */
  private static String key(BenchmarkParams params) {
    StringBuilder key = new StringBuilder(simpleName(params.getBenchmark()));
    for (String param : params.getParamsKeys()) {
      key.append(':').append(params.getParam(param));
    }
    return key.toString();
  }

  /** The JMH command line that measures this one figure again. */
  private static String command(BenchmarkParams params) {
    StringBuilder command =
        new StringBuilder("java -cp 'bench/target/lib/*' org.openjdk.jmh.Main '")
            .append(simpleName(params.getBenchmark()))
            .append("$'");
    for (String param : params.getParamsKeys()) {
      command.append(" -p ").append(param).append('=').append(params.getParam(param));
    }
    return command.toString();
  }

  /** {@code securechat.bench.FernetBenchmark.encrypt} → {@code FernetBenchmark.encrypt}. */
  private static String simpleName(String benchmark) {
    return benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
  }
}
