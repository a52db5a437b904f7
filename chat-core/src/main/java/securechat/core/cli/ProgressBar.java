package securechat.core.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A progress bar for long commands (cracking, key search, grading a class), safe to advance from
 * many threads:
 *
 * <pre>
 * [###########.........]  55%  9,227,465 of 16,777,216 keys  2.1 M keys/s  about 4 s left
 * </pre>
 *
 * On a terminal it redraws one line at most five times a second; elsewhere (a pipe, CI, a notebook)
 * it prints a line at every tenth of the way, so logs stay short.
 */
public final class ProgressBar {
  private static final int WIDTH = 20;
  private static final long REDRAW_NANOS = 200_000_000L;

  private final PrintWriter out;
  private final String unit;
  private final long total;
  private final boolean redraw;
  private final long started = System.nanoTime();
  private final AtomicLong done = new AtomicLong();
  private long lastDrawn;
  private long lastTenth = -1;

  /**
   * @param unit what is counted, plural: {@code guesses}, {@code keys}
   * @param total how many there are
   * @param redraw true on a terminal (one line redrawn), false elsewhere (a line per tenth)
   */
  public ProgressBar(PrintWriter out, String unit, long total, boolean redraw) {
    if (total <= 0) {
      throw new IllegalArgumentException("total must be positive, not " + total);
    }
    this.out = out;
    this.unit = unit;
    this.total = total;
    this.redraw = redraw;
  }

  /** Counts {@code count} more done and draws if it is time to. */
  public void advance(long count) {
    long now = done.addAndGet(count);
    synchronized (this) {
      draw(now, false);
    }
  }

  /** Draws the final state and ends the line. */
  public synchronized void finish() {
    draw(done.get(), true);
    if (redraw) {
      out.println();
    }
    out.flush();
  }

  private void draw(long now, boolean last) {
    long nanos = System.nanoTime();
    long tenth = Math.min(10, now * 10 / total);
    if (redraw && (last || nanos - lastDrawn >= REDRAW_NANOS)) {
      out.print("\r" + line(now, nanos));
      out.flush();
      lastDrawn = nanos;
    } else if (!redraw && (tenth > lastTenth || last) && !(last && tenth == lastTenth)) {
      out.println(line(now, nanos));
      out.flush();
      lastTenth = tenth;
    }
  }

  /** The bar, percentage, count, rate and time left for {@code now} done at {@code nanos}. */
  String line(long now, long nanos) {
    int filled = (int) Math.min(WIDTH, now * WIDTH / total);
    double seconds = Math.max(1e-9, (nanos - started) / 1e9);
    double rate = now / seconds;
    String left =
        rate > 0 && now < total ? "  about " + duration((total - now) / rate) + " left" : "";
    return String.format(
        Locale.ROOT,
        "[%s%s] %3d%%  %,d of %,d %s  %s %s/s%s",
        "#".repeat(filled),
        ".".repeat(WIDTH - filled),
        now * 100 / total,
        now,
        total,
        unit,
        rate(rate),
        unit,
        left);
  }

  /** A rate for people: {@code 0.4}, {@code 812}, {@code 14.2 k}, {@code 2.1 M}. */
  public static String rate(double perSecond) {
    if (perSecond >= 1e6) {
      return String.format(Locale.ROOT, "%.1f M", perSecond / 1e6);
    }
    if (perSecond >= 1e4) {
      return String.format(Locale.ROOT, "%.1f k", perSecond / 1e3);
    }
    if (perSecond < 10) {
      return String.format(Locale.ROOT, "%.1f", perSecond); // grading: a few submissions a second
    }
    return String.format(Locale.ROOT, "%.0f", perSecond);
  }

  /**
   * A duration for people, from seconds to years: {@code 4 s}, {@code 3.2 h}, {@code 1,142 years}.
   */
  public static String duration(double seconds) {
    if (seconds < 120) {
      return String.format(Locale.ROOT, "%.0f s", Math.ceil(seconds));
    }
    if (seconds < 7_200) {
      return String.format(Locale.ROOT, "%.0f min", seconds / 60);
    }
    if (seconds < 172_800) {
      return String.format(Locale.ROOT, "%.1f h", seconds / 3_600);
    }
    if (seconds < 63_072_000) {
      return String.format(Locale.ROOT, "%.0f days", seconds / 86_400);
    }
    return String.format(Locale.ROOT, "%,.0f years", seconds / 31_557_600);
  }
}
