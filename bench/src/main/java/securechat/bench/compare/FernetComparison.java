package securechat.bench.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openjdk.jmh.runner.RunnerException;
import securechat.bench.FernetBenchmark;
import securechat.bench.RawJceBenchmark;

/**
 * Fernet tokens per second, ours ({@link FernetBenchmark} under JMH) against Python {@code
 * cryptography}'s ({@code fernet_peer.py}, shipped in this jar), for a chat line (100 B) and a
 * large message (1 MiB), and ours against the raw JCE AES-CBC + HMAC floor ({@link
 * RawJceBenchmark}). Python runs before and after ours; the mean of its two runs counts. Issue 11's
 * targets: 100 B at least 20 times Python, 1 MiB at least twice Python's MB/s, and for 100 B at
 * least 0.8 times the raw JCE loop.
 */
final class FernetComparison {
  static final String PART = "fernet";
  private static final String PYTHON = "Python cryptography";
  private static final String SCRIPT = "fernet_peer.py";
  private static final int LINE = 100;
  private static final int MIB = 1 << 20;

  private final CompareSettings settings;

  FernetComparison(CompareSettings settings) {
    this.settings = settings;
  }

  List<Comparison> run() throws IOException, RunnerException {
    List<JsonNode> python = new ArrayList<>();
    String reason = PeerTool.PYTHON.missing();
    Path script = settings.file(SCRIPT);
    if (settings.tools().find(PeerTool.PYTHON.program()).isPresent()) {
      try {
        python.add(runPython(script));
      } catch (IOException e) {
        reason = "python3 failed: " + e.getMessage() + "; " + PeerTool.PYTHON.installHint();
      }
    }
    JmhScores ours = JmhScores.run(settings, FernetBenchmark.class, RawJceBenchmark.class);
    if (!python.isEmpty()) {
      python.add(runPython(script));
    }
    String command = "python3 " + SCRIPT + " " + seconds() + " " + LINE + " " + MIB;
    List<Comparison> rows = new ArrayList<>();
    for (String operation : List.of("encrypt", "decrypt")) {
      rows.add(row(operation, LINE, ours, python, command, reason));
      rows.add(row(operation, MIB, ours, python, command, reason));
    }
    rows.add(floor(ours));
    return rows;
  }

  /** One operation at one size against Python: tokens/s for a line, MB/s for 1 MiB. */
  private static Comparison row(
      String operation,
      int bytes,
      JmhScores ours,
      List<JsonNode> python,
      String command,
      String reason) {
    boolean line = bytes == LINE;
    double factor = line ? 1 : bytes / 1e6;
    String figure = "Fernet " + operation + ", " + (line ? "100 B" : "1 MiB");
    String unit = line ? "tokens/s" : "MB/s";
    Target target = Target.atLeast(line ? 20 : 2);
    Optional<Measurement> mine = ours.find("FernetBenchmark." + operation + ":" + bytes, factor);
    Optional<Measurement> theirs = Optional.empty();
    List<Measurement> runs = new ArrayList<>();
    for (JsonNode run : python) {
      double rate = run.path(operation).path(Integer.toString(bytes)).asDouble();
      if (rate > 0) {
        runs.add(new Measurement(rate * factor, command));
      }
    }
    if (runs.size() == 2) {
      theirs = Optional.of(Measurement.aroundOurs(runs.get(0), runs.get(1)));
    }
    if (mine.isEmpty() || theirs.isEmpty()) {
      return Comparison.skipped(PART, figure, unit, mine, PYTHON, target, reason);
    }
    return Comparison.of(PART, figure, unit, mine.get(), PYTHON, theirs.get(), target);
  }

  /** Fernet encrypt against the same AES-CBC + HMAC straight from the JCE, no token around it. */
  private static Comparison floor(JmhScores ours) {
    String figure = "Fernet encrypt vs raw JCE, 100 B";
    Target target = Target.atLeast(0.8);
    Optional<Measurement> fernet = ours.find("FernetBenchmark.encrypt:" + LINE);
    Optional<Measurement> raw = ours.find("RawJceBenchmark.cbcThenHmac:" + LINE);
    if (fernet.isEmpty() || raw.isEmpty()) {
      return Comparison.skipped(
          PART, figure, "ops/s", fernet, "raw JCE", target, "JMH gave no score");
    }
    return Comparison.of(
        PART, figure, "ops/s", fernet.get(), "raw JCE AES-CBC + HMAC", raw.get(), target);
  }

  /** Runs the script for both sizes; its JSON. */
  private JsonNode runPython(Path script) throws IOException {
    try (InputStream resource = FernetComparison.class.getResourceAsStream(SCRIPT)) {
      if (resource == null) {
        throw new IllegalStateException(SCRIPT + " is missing from the bench jar");
      }
      Files.copy(resource, script, StandardCopyOption.REPLACE_EXISTING);
    }
    List<String> command =
        List.of(
            "python3", script.toString(), seconds(), Integer.toString(LINE), Integer.toString(MIB));
    // Four loops of the measurement time each, plus Python's start: bounded generously.
    Duration timeout = settings.measurement().multipliedBy(4).plusSeconds(30);
    // Without cryptography the script exits with status 3 and says so in its one JSON line.
    String printed =
        ExternalProcess.run(command, settings.tools(), settings.file("python.out"), timeout);
    return new ObjectMapper().readTree(printed.strip().lines().reduce((a, b) -> b).orElse("{}"));
  }

  private String seconds() {
    return Double.toString(settings.measurement().toMillis() / 1000.0);
  }
}
