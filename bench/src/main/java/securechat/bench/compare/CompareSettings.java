package securechat.bench.compare;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What every part of the comparison needs: how long each measurement runs, where the peers'
 * programs are, how JMH runs ours, where temporary files go, and how to start our own {@code lab}
 * in a new JVM.
 *
 * @param measurement how long one side of one figure is measured (JMH: warm-up as long again)
 * @param tools where {@code python3}, {@code openssl} and {@code tshark} are looked for
 * @param jmhForks 1 for real figures (a fresh JVM per benchmark, as JMH recommends); 0 in tests
 * @param capturePackets how many packets the sniffer's capture file holds
 * @param workDirectory where capture files, certificates and logs go
 * @param labProcess the command line of {@code ./lab ARGS} in a new JVM ({@code
 *     BenchCommand.labProcess} with no JVM options)
 */
public record CompareSettings(
    Duration measurement,
    ToolPath tools,
    int jmhForks,
    int capturePackets,
    Path workDirectory,
    Function<List<String>, List<String>> labProcess) {
  public CompareSettings {
    Objects.requireNonNull(measurement, "measurement");
    Objects.requireNonNull(tools, "tools");
    Objects.requireNonNull(workDirectory, "workDirectory");
    Objects.requireNonNull(labProcess, "labProcess");
    if (measurement.toMillis() < 100) {
      throw new IllegalArgumentException("a measurement takes at least 100 ms, not " + measurement);
    }
    if (jmhForks < 0 || capturePackets < 100) {
      throw new IllegalArgumentException("jmhForks >= 0 and capturePackets >= 100");
    }
  }

  /** The measurement time in whole seconds, at least 1, for tools that count in seconds. */
  int wholeSeconds() {
    return (int) Math.max(1, Math.round(measurement.toMillis() / 1000.0));
  }

  /** Where a tool's output file goes. */
  Path file(String name) {
    return workDirectory.resolve(name);
  }
}
