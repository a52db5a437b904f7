package securechat.bench.compare;

import java.util.Objects;

/**
 * One side's figure in a comparison: how many per second, and the command that measured it, so
 * anyone can run it again.
 *
 * @param perSecond operations (or packets, or megabytes) per second; positive
 * @param command the command line, or for JMH the benchmark and its options
 */
public record Measurement(double perSecond, String command) {
  public Measurement {
    if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
      throw new IllegalArgumentException("a rate must be positive, not " + perSecond);
    }
    Objects.requireNonNull(command, "command");
  }

  /** The same figure, {@code from} replaced by {@code to} in its command. */
  public Measurement replacing(String from, String to) {
    return new Measurement(perSecond, command.replace(from, to));
  }
}
