package securechat.notebook;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.util.Locale;

/**
 * The rectangle of a chart where values are drawn, with its y axis: value 0 at the bottom, {@code
 * yMax} at the top, grey grid lines at round steps, labelled on the left.
 *
 * @param left the x of the y axis
 * @param top the y of {@code yMax}
 * @param width the plot's width in pixels
 * @param height the plot's height in pixels
 * @param yMax the value at the top
 */
record Plot(int left, int top, int width, int height, double yMax) {

  int right() {
    return left + width;
  }

  int bottom() {
    return top + height;
  }

  /** The pixel row of {@code value}. */
  double y(double value) {
    return bottom() - value / yMax * height;
  }

  /** Draws grid lines and their values every {@code step}, the axes, and the y axis label. */
  void drawAxes(Canvas canvas, double step, String yLabel) {
    Graphics2D g = canvas.graphics();
    g.setStroke(new BasicStroke(1f));
    for (int i = 0; i * step <= yMax + 1e-9; i++) {
      double value = i * step;
      double y = y(value);
      g.setColor(Palette.GRID);
      g.draw(new Line2D.Double(left, y, right(), y));
      canvas.text(
          format(value, step), Canvas.sans(12), Palette.MUTED, left - 6, y + 4, Canvas.Align.RIGHT);
    }
    g.setColor(Palette.INK);
    g.draw(new Line2D.Double(left, top, left, bottom()));
    g.draw(new Line2D.Double(left, bottom(), right(), bottom()));
    canvas.verticalText(
        yLabel, Canvas.sans(13), Palette.INK, Canvas.MARGIN + 6, top + height / 2.0);
  }

  /**
   * A round step for grid lines between 0 and {@code max}: 1, 2 or 5 times a power of ten, giving
   * at most eight lines.
   */
  static double niceStep(double max) {
    if (max <= 0) {
      return 1;
    }
    double magnitude = Math.pow(10, Math.floor(Math.log10(max / 4)));
    for (double factor : new double[] {1, 2, 5, 10}) {
      if (max / (factor * magnitude) <= 8) {
        return factor * magnitude;
      }
    }
    return 10 * magnitude;
  }

  private static String format(double value, double step) {
    return step >= 1
        ? String.format(Locale.ROOT, "%,d", Math.round(value))
        : String.format(Locale.ROOT, "%.1f", value);
  }
}
