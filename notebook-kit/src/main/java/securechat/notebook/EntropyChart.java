package securechat.notebook;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import securechat.sniffer.dissect.Entropy;

/**
 * Shannon entropy per label (a stage, a direction), one bar each, against the 8 bits per byte that
 * random bytes reach. Text sits around 4-5 bits per byte (shaded); ciphertext close to 8. A short
 * sample scores low whatever it is: n bytes can show at most log2(n) bits, so the byte count is
 * printed under each bar.
 */
final class EntropyChart {
  static final int HEIGHT = 420;

  /** The top of the y axis: a little above 8, so that the maximum is a line of its own. */
  static final double Y_MAX = 8.6;

  static final double MAX_BITS = 8.0;

  private EntropyChart() {}

  static BufferedImage draw(Map<String, byte[]> bytesByLabel) {
    List<String> labels = new ArrayList<>(bytesByLabel.keySet());
    Canvas canvas = new Canvas(HEIGHT);
    canvas.title(
        "Entropy: how random do the bytes look?",
        "Shannon entropy in bits per byte: text about 4-5, ciphertext and keys close to 8");
    Plot plot = plot();
    drawTextBand(canvas, plot);
    plot.drawAxes(canvas, 1, "bits per byte");
    drawMaximum(canvas, plot);
    for (int i = 0; i < labels.size(); i++) {
      drawBar(canvas, plot, i, labels.size(), labels.get(i), bytesByLabel.get(labels.get(i)));
    }
    return canvas.finish();
  }

  static Plot plot() {
    int top = Canvas.TITLE_HEIGHT + 8;
    int left = 84;
    int right = Canvas.MARGIN + 70; // the notes beside the maximum and the text band
    return new Plot(left, top, Canvas.WIDTH - left - right, HEIGHT - top - 60, Y_MAX);
  }

  /** The x at the centre of bar {@code index} of {@code count}. */
  static double barCentre(Plot plot, int index, int count) {
    double slot = plot.width() / (double) Math.max(1, count);
    return plot.left() + slot * (index + 0.5);
  }

  /** How wide each of {@code count} bars is: most of its slot, but never a wall. */
  static double barWidth(Plot plot, int count) {
    return Math.min(110, plot.width() / (double) Math.max(1, count) * 0.6);
  }

  private static void drawTextBand(Canvas canvas, Plot plot) {
    Graphics2D g = canvas.graphics();
    g.setColor(Palette.BLUE_TINT);
    g.fill(new Rectangle2D.Double(plot.left(), plot.y(5), plot.width(), plot.y(4) - plot.y(5)));
    note(canvas, plot, 4.5, Palette.MUTED, "English", "text");
  }

  private static void drawMaximum(Canvas canvas, Plot plot) {
    Graphics2D g = canvas.graphics();
    g.setColor(Palette.VERMILLION);
    g.setStroke(
        new BasicStroke(
            2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8, 5}, 0));
    double y = plot.y(MAX_BITS);
    g.draw(new Line2D.Double(plot.left(), y, plot.right(), y));
    g.setStroke(new BasicStroke(1f));
    note(canvas, plot, MAX_BITS, Palette.VERMILLION, "maximum", "(random)");
  }

  /** Two short lines in the right margin, centred on {@code value}. */
  private static void note(
      Canvas canvas, Plot plot, double value, Color colour, String first, String second) {
    double y = plot.y(value);
    canvas.text(first, Canvas.sans(12), colour, plot.right() + 8, y - 2, Canvas.Align.LEFT);
    canvas.text(second, Canvas.sans(12), colour, plot.right() + 8, y + 12, Canvas.Align.LEFT);
  }

  private static void drawBar(
      Canvas canvas, Plot plot, int index, int count, String label, byte[] bytes) {
    double bits = Entropy.bitsPerByte(bytes);
    double centre = barCentre(plot, index, count);
    double width = barWidth(plot, count);
    double y = plot.y(bits);
    Graphics2D g = canvas.graphics();
    g.setColor(Palette.BLUE);
    g.fill(new Rectangle2D.Double(centre - width / 2, y, width, plot.bottom() - y));
    // The value inside the bar's top, or above the bar when it is too short to hold it.
    boolean inside = plot.bottom() - y > 26;
    String value = String.format(Locale.ROOT, "%.2f", bits);
    Color ink = inside ? Palette.BACKGROUND : Palette.INK;
    canvas.text(value, Canvas.bold(13), ink, centre, inside ? y + 18 : y - 6, Canvas.Align.CENTRE);
    String shown = canvas.fit(label, Canvas.bold(13), (int) (plot.width() / (double) count) - 8);
    canvas.text(
        shown, Canvas.bold(13), Palette.INK, centre, plot.bottom() + 20, Canvas.Align.CENTRE);
    String size = String.format(Locale.ROOT, "%,d bytes", bytes.length);
    canvas.text(
        size, Canvas.sans(12), Palette.MUTED, centre, plot.bottom() + 37, Canvas.Align.CENTRE);
  }
}
