package securechat.bench.compare;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The result of one {@code lab bench compare} run: its rows, and what the reader needs to judge
 * them (when, on what machine, how long each measurement ran). {@link ComparisonTable} prints it
 * for a terminal or as Markdown; {@link ComparisonJson} writes and reads it, so that another
 * command (or {@code docs/performance.md}'s generator) can render a saved run.
 *
 * @param rows every comparison, in the order measured
 * @param measuredAt when the run started
 * @param machine cores, JDK, load average at the start: one line
 * @param measurement how long each side of each figure was measured
 */
public record ComparisonReport(
    List<Comparison> rows, Instant measuredAt, String machine, Duration measurement) {
  public ComparisonReport {
    rows = List.copyOf(rows);
    Objects.requireNonNull(measuredAt, "measuredAt");
    Objects.requireNonNull(machine, "machine");
    Objects.requireNonNull(measurement, "measurement");
  }
}
