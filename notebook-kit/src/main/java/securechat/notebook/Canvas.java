package securechat.notebook;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/**
 * An 800-pixel-wide white image to draw one picture on, anti-aliased, with the fonts and the title
 * every picture shares. AWT draws into a {@link BufferedImage} without a screen (headless), so this
 * works in a notebook kernel, a test and CI alike.
 */
final class Canvas {
  /** Every picture's width: readable in a notebook without scaling. */
  static final int WIDTH = 800;

  /** Space between the picture's edge and anything drawn. */
  static final int MARGIN = 24;

  /** Where a picture's content starts: below its title and subtitle. */
  static final int TITLE_HEIGHT = MARGIN + 58;

  /** How text is placed relative to the x it is drawn at. */
  enum Align {
    LEFT,
    CENTRE,
    RIGHT
  }

  private final BufferedImage image;
  private final Graphics2D g;

  Canvas(int height) {
    image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
    g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    g.setColor(Palette.BACKGROUND);
    g.fillRect(0, 0, WIDTH, height);
  }

  static Font sans(int size) {
    return new Font(Font.SANS_SERIF, Font.PLAIN, size);
  }

  static Font bold(int size) {
    return new Font(Font.SANS_SERIF, Font.BOLD, size);
  }

  static Font mono(int size) {
    return new Font(Font.MONOSPACED, Font.PLAIN, size);
  }

  /** The graphics to draw with; colours and strokes set on it stay set. */
  Graphics2D graphics() {
    return g;
  }

  /** Draws the title and, below it in grey, the subtitle, above {@link #TITLE_HEIGHT}. */
  void title(String title, String subtitle) {
    text(
        fit(title, bold(20), WIDTH - 2 * MARGIN),
        bold(20),
        Palette.INK,
        MARGIN,
        MARGIN + 18,
        Align.LEFT);
    text(
        fit(subtitle, sans(13), WIDTH - 2 * MARGIN),
        sans(13),
        Palette.MUTED,
        MARGIN,
        MARGIN + 40,
        Align.LEFT);
  }

  /** Draws one line of text with its baseline at {@code y}. */
  void text(String text, Font font, Color color, double x, double y, Align align) {
    g.setFont(font);
    g.setColor(color);
    double width = g.getFontMetrics().stringWidth(text);
    double left =
        switch (align) {
          case LEFT -> x;
          case CENTRE -> x - width / 2;
          case RIGHT -> x - width;
        };
    g.drawString(text, (float) left, (float) y);
  }

  /** Draws text turned a quarter left, centred on ({@code x}, {@code y}): a y-axis label. */
  void verticalText(String text, Font font, Color color, double x, double y) {
    AffineTransform saved = g.getTransform();
    g.rotate(-Math.PI / 2, x, y);
    text(text, font, color, x, y, Align.CENTRE);
    g.setTransform(saved);
  }

  /** How wide {@code text} is in {@code font}, in pixels. */
  int width(String text, Font font) {
    FontMetrics metrics = g.getFontMetrics(font);
    return metrics.stringWidth(text);
  }

  /** {@code text} cut (ending in "…") so that it fits {@code maxWidth} pixels in {@code font}. */
  String fit(String text, Font font, int maxWidth) {
    if (width(text, font) <= maxWidth) {
      return text;
    }
    int end = text.length();
    while (end > 0 && width(text.substring(0, end) + "…", font) > maxWidth) {
      end--;
    }
    return text.substring(0, end) + "…";
  }

  /** Ends drawing and returns the picture. */
  BufferedImage finish() {
    g.dispose();
    return image;
  }
}
