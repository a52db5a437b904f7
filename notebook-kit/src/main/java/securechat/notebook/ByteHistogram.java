package securechat.notebook;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Locale;
import securechat.sniffer.dissect.Entropy;

/**
 * How often each byte value 0-255 occurs, one bar per value. Text piles up in the printable-ASCII
 * band (0x20-0x7E, shaded), where plain chat lines, base64 and PEM live; ciphertext spreads evenly
 * over all 256 values.
 */
final class ByteHistogram {
  static final int HEIGHT = 440;

  /** The first and last printable ASCII character: space and tilde. */
  static final int FIRST_PRINTABLE = 0x20;

  static final int LAST_PRINTABLE = 0x7E;

  private ByteHistogram() {}

  static BufferedImage draw(String title, byte[] bytes) {
    long[] counts = counts(bytes);
    Canvas canvas = new Canvas(HEIGHT);
    canvas.title(title, subtitle(bytes, counts));
    Plot plot = plot(max(counts));
    drawBand(canvas, plot);
    plot.drawAxes(canvas, step(max(counts)), "count");
    drawBars(canvas, plot, counts);
    drawXAxis(canvas, plot);
    drawLegend(canvas, plot.top() - 16);
    if (bytes.length == 0) {
      canvas.text(
          "no bytes",
          Canvas.sans(14),
          Palette.MUTED,
          plot.left() + plot.width() / 2.0,
          plot.top() + plot.height() / 2.0,
          Canvas.Align.CENTRE);
    }
    return canvas.finish();
  }

  /** The plot area, for counts up to {@code maxCount}. */
  static Plot plot(long maxCount) {
    int top = Canvas.TITLE_HEIGHT + 22; // room for the legend
    double step = step(maxCount);
    double yMax = Math.max(step, Math.ceil(maxCount / step) * step);
    int left = 84;
    int right = Canvas.MARGIN + 12; // room for the last tick's label, 0xFF
    return new Plot(left, top, Canvas.WIDTH - left - right, HEIGHT - top - 64, yMax);
  }

  /** The left edge of the bar of byte {@code value}; the next value's is its right edge. */
  static double barLeft(Plot plot, int value) {
    return plot.left() + value * (plot.width() / 256.0);
  }

  static long[] counts(byte[] bytes) {
    long[] counts = new long[256];
    for (byte b : bytes) {
      counts[b & 0xff]++;
    }
    return counts;
  }

  static boolean printable(int value) {
    return value >= FIRST_PRINTABLE && value <= LAST_PRINTABLE;
  }

  private static double step(long maxCount) {
    return Math.max(1, Plot.niceStep(maxCount));
  }

  private static long max(long[] counts) {
    long max = 0;
    for (long count : counts) {
      max = Math.max(max, count);
    }
    return max;
  }

  private static String subtitle(byte[] bytes, long[] counts) {
    long printable = 0;
    for (int value = FIRST_PRINTABLE; value <= LAST_PRINTABLE; value++) {
      printable += counts[value];
    }
    return String.format(
        Locale.ROOT,
        "%,d bytes · %.2f bits of entropy per byte · %.0f%% printable ASCII",
        bytes.length,
        Entropy.bitsPerByte(bytes),
        bytes.length == 0 ? 0.0 : 100.0 * printable / bytes.length);
  }

  private static void drawBand(Canvas canvas, Plot plot) {
    Graphics2D g = canvas.graphics();
    double left = barLeft(plot, FIRST_PRINTABLE);
    double right = barLeft(plot, LAST_PRINTABLE + 1);
    g.setColor(Palette.ORANGE_TINT);
    g.fill(new Rectangle2D.Double(left, plot.top(), right - left, plot.height()));
  }

  private static void drawBars(Canvas canvas, Plot plot, long[] counts) {
    Graphics2D g = canvas.graphics();
    double width = plot.width() / 256.0;
    for (int value = 0; value < 256; value++) {
      if (counts[value] == 0) {
        continue;
      }
      double y = plot.y(counts[value]);
      g.setColor(printable(value) ? Palette.ORANGE : Palette.BLUE);
      // At least 1.5 px wide, so that a single byte value still shows as a bar.
      g.fill(
          new Rectangle2D.Double(
              barLeft(plot, value), y, Math.max(1.5, width - 0.4), plot.bottom() - y));
    }
  }

  private static void drawXAxis(Canvas canvas, Plot plot) {
    Font font = Canvas.mono(12);
    for (int value = 0; value <= 0xE0; value += 0x20) {
      tick(canvas, plot, value, String.format("0x%02X", value), font);
    }
    tick(canvas, plot, 0xFF, "0xFF", font);
    canvas.text(
        "byte value",
        Canvas.sans(13),
        Palette.INK,
        plot.left() + plot.width() / 2.0,
        plot.bottom() + 44,
        Canvas.Align.CENTRE);
  }

  private static void tick(Canvas canvas, Plot plot, int value, String label, Font font) {
    double x = barLeft(plot, value) + plot.width() / 512.0;
    Graphics2D g = canvas.graphics();
    g.setColor(Palette.INK);
    g.draw(new Line2D.Double(x, plot.bottom(), x, plot.bottom() + 5));
    canvas.text(label, font, Palette.MUTED, x, plot.bottom() + 20, Canvas.Align.CENTRE);
  }

  private static void drawLegend(Canvas canvas, int y) {
    int x = Canvas.WIDTH - Canvas.MARGIN - 360;
    swatch(canvas, x, y, Palette.ORANGE, "printable ASCII 0x20-0x7E (shaded)");
    swatch(canvas, x + 250, y, Palette.BLUE, "other bytes");
  }

  private static void swatch(Canvas canvas, int x, int y, Color colour, String label) {
    Graphics2D g = canvas.graphics();
    g.setColor(colour);
    g.fillRect(x, y - 10, 12, 12);
    canvas.text(label, Canvas.sans(12), Palette.INK, x + 17, y, Canvas.Align.LEFT);
  }
}
