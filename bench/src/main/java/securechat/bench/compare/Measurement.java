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

  /**
   * The peer's figure measured before and after ours, averaged: on a machine whose load drifts, the
   * mean of the runs around ours is closer to what the peer would have done at the same time.
   */
  public static Measurement aroundOurs(Measurement before, Measurement after) {
    String note =
        String.format(
            "  (mean of the runs before and after ours: %s and %s)",
            Figures.rate(before.perSecond()), Figures.rate(after.perSecond()));
    return new Measurement((before.perSecond() + after.perSecond()) / 2, before.command() + note);
  }

  /** The same figure, {@code from} replaced by {@code to} in its command. */
  public Measurement replacing(String from, String to) {
    return new Measurement(perSecond, command.replace(from, to));
  }
}
