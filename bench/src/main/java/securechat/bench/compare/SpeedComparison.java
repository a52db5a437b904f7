package securechat.bench.compare;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.runner.RunnerException;
import securechat.e2e.Ed25519Benchmark;
import securechat.ecdhe.X25519Benchmark;

/**
 * Ed25519 signatures and X25519 key agreements per second, ours ({@link Ed25519Benchmark}, {@link
 * X25519Benchmark} under JMH, one thread) beside {@code openssl speed} (one process, one thread):
 * the physical anchor of issue 11. OpenSSL's hand-tuned C says what this machine can do; there is
 * no target, but a ratio far below 1 says where the e2e and ecdhe stages lose their time. {@code
 * -elapsed} makes OpenSSL divide by wall-clock time, as JMH does; by default it divides by its CPU
 * time, which on a busy machine flatters it several times over.
 */
final class SpeedComparison {
  static final String PART = "speed";
  private static final String PEER = "openssl speed";
  static final Pattern ED25519 =
      Pattern.compile("\\(Ed25519\\)\\s+[\\d.]+s\\s+[\\d.]+s\\s+([\\d.]+)\\s+([\\d.]+)");
  static final Pattern X25519 = Pattern.compile("\\(X25519\\)\\s+[\\d.]+s\\s+([\\d.]+)");

  private final CompareSettings settings;

  SpeedComparison(CompareSettings settings) {
    this.settings = settings;
  }

  List<Comparison> run() throws IOException, RunnerException {
    List<String> printed = new ArrayList<>();
    String reason = PeerTool.OPENSSL.missing();
    List<String> command =
        List.of(
            "openssl",
            "speed",
            "-elapsed",
            "-seconds",
            Integer.toString(settings.wholeSeconds()),
            "ed25519",
            "ecdhx25519");
    // Three loops (sign, verify, agree) of the measurement time each.
    Duration timeout = Duration.ofSeconds(3L * settings.wholeSeconds() + 30);
    Path log = settings.file("openssl-speed.log");
    if (settings.tools().find(PeerTool.OPENSSL.program()).isPresent()) {
      try {
        printed.add(ExternalProcess.run(command, settings.tools(), log, timeout));
      } catch (IOException e) {
        reason = "openssl speed failed: " + e.getMessage();
      }
    }
    JmhScores ours = JmhScores.run(settings, Ed25519Benchmark.class, X25519Benchmark.class);
    if (!printed.isEmpty()) {
      printed.add(ExternalProcess.run(command, settings.tools(), log, timeout));
    }
    String shown = String.join(" ", command);
    if (printed.size() == 2) {
      shown += "  (mean of the runs before and after ours)";
    }
    List<Comparison> rows = new ArrayList<>();
    rows.add(
        row(
            "Ed25519 sign (200 B)",
            "signatures/s",
            ours.find("Ed25519Benchmark.sign:200"),
            meanRate(printed, ED25519, 1),
            shown,
            reason));
    rows.add(
        row(
            "Ed25519 verify (200 B)",
            "verifications/s",
            ours.find("Ed25519Benchmark.verify:200"),
            meanRate(printed, ED25519, 2),
            shown,
            reason));
    rows.add(
        row(
            "X25519 key agreement",
            "agreements/s",
            ours.find("X25519Benchmark.agree"),
            meanRate(printed, X25519, 1),
            shown,
            reason));
    return rows;
  }

  private static Comparison row(
      String figure,
      String unit,
      Optional<Measurement> ours,
      Optional<Double> openssl,
      String command,
      String reason) {
    if (ours.isEmpty() || openssl.isEmpty()) {
      String why = openssl.isEmpty() ? reason : "JMH gave no score";
      return Comparison.skipped(PART, figure, unit, ours, PEER, Target.ANCHOR, why);
    }
    return Comparison.of(
        PART,
        figure,
        unit,
        ours.get(),
        PEER,
        new Measurement(openssl.get(), command),
        Target.ANCHOR);
  }

  /** A rate from openssl speed's summary table: the {@code group}th number after the name. */
  static Optional<Double> rate(Optional<String> printed, Pattern line, int group) {
    return printed
        .map(line::matcher)
        .filter(Matcher::find)
        .map(matcher -> Double.parseDouble(matcher.group(group)))
        .filter(rate -> rate > 0);
  }

  /** The mean of the rates of the runs before and after ours; empty if any lacks it. */
  private static Optional<Double> meanRate(List<String> printed, Pattern line, int group) {
    double sum = 0;
    for (String run : printed) {
      Optional<Double> rate = rate(Optional.of(run), line, group);
      if (rate.isEmpty()) {
        return Optional.empty();
      }
      sum += rate.get();
    }
    return printed.isEmpty() ? Optional.empty() : Optional.of(sum / printed.size());
  }
}
