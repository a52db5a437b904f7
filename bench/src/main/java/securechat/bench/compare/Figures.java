package securechat.bench.compare;

import java.util.Locale;

/** How the tables write numbers: grouped thousands for rates, a few digits for ratios. */
public final class Figures {
  private Figures() {}

  /** A rate: {@code 343,296} or, below 100, {@code 42.7}. */
  public static String rate(double value) {
    return String.format(Locale.ROOT, value >= 100 ? "%,.0f" : "%,.1f", value);
  }

  /**
   * A ratio: {@code 0.53}, {@code 6.3}, {@code 21}; whole numbers without decimals ({@code 20}).
   */
  public static String ratio(double ratio) {
    if (ratio >= 100 || ratio == Math.rint(ratio)) {
      return String.format(Locale.ROOT, "%,.0f", ratio);
    }
    return String.format(Locale.ROOT, ratio >= 10 ? "%.1f" : "%.2f", ratio);
  }
}
