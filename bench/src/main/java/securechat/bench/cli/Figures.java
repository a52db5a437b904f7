package securechat.bench.cli;

import java.util.Locale;

/** How the reports write numbers: three significant figures are all a 2-core machine can give. */
public final class Figures {
  private Figures() {}

  /**
   * {@code 1,234,567} → {@code 1.23 M}; {@code 45,678} → {@code 45,678}; {@code 12.345} → {@code
   * 12.3}; {@code 0.01234} → {@code 0.0123}.
   */
  public static String number(double value) {
    double size = Math.abs(value);
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return String.valueOf(value);
    }
    if (size >= 10_000_000) {
      return String.format(Locale.ROOT, "%.3g M", value / 1_000_000);
    }
    if (size >= 1_000) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    if (size >= 100) {
      return String.format(Locale.ROOT, "%.0f", value);
    }
    return String.format(Locale.ROOT, "%.3g", value);
  }

  /** A ratio: {@code 2.4×}, {@code 0.53×}. */
  public static String ratio(double value) {
    return String.format(
        Locale.ROOT, value >= 10 ? "%.0f×" : value >= 1 ? "%.1f×" : "%.2f×", value);
  }
}
