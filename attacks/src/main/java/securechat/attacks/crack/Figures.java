package securechat.attacks.crack;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.Locale;
import securechat.core.cli.ProgressBar;

/** How the searches write measured numbers: rounded as a measurement deserves, and for people. */
final class Figures {
  private Figures() {}

  /**
   * {@code value} to three significant digits, for a verdict's figures: a rate measured over a few
   * seconds is not exact to the last guess, and {@code 0.000672} must not round to {@code 0.0}.
   * Whole numbers come back as a {@code Long}, so that JSON shows {@code 116000000000}, not {@code
   * 1.16E11}.
   */
  static Number measured(double value) {
    if (!Double.isFinite(value) || value == 0) {
      return value;
    }
    BigDecimal rounded = new BigDecimal(value).round(new MathContext(3));
    if (rounded.abs().compareTo(BigDecimal.ONE) >= 0 && rounded.stripTrailingZeros().scale() <= 0) {
      return rounded.longValue();
    }
    return rounded.doubleValue();
  }

  /** Two significant digits, as people say a ratio: 250,000, not 251,873. */
  static String roughly(double value) {
    if (value < 10) {
      return String.format(Locale.ROOT, "%.1f", value);
    }
    double scale = Math.pow(10, Math.floor(Math.log10(value)) - 1);
    return String.format(Locale.ROOT, "%,.0f", Math.round(value / scale) * scale);
  }

  /** A duration for people: {@code 23 ms}, {@code 10 s}, {@code 5 min}, {@code 1,142 years}. */
  static String duration(Duration duration) {
    if (duration.toMillis() < 1_000) {
      return duration.toMillis() + " ms";
    }
    return ProgressBar.duration(duration.toMillis() / 1e3);
  }
}
