package securechat.notebook;

import java.awt.Color;

/**
 * The colours of every picture: Okabe and Ito's palette ("Color Universal Design", 2008), chosen so
 * that the common forms of colour blindness still tell them apart. Meaning never rests on colour
 * alone: a legend, a label or a line style says it too.
 */
final class Palette {
  /** Client to server; ordinary bars. */
  static final Color BLUE = new Color(0x0072B2);

  /** Server to client; printable ASCII. */
  static final Color ORANGE = new Color(0xE69F00);

  /** A secret found; the 8-bit maximum. Only ever used for what a student must notice. */
  static final Color VERMILLION = new Color(0xD55E00);

  static final Color INK = new Color(0x222222);
  static final Color MUTED = new Color(0x6B6B6B);
  static final Color GRID = new Color(0xE4E4E4);
  static final Color BACKGROUND = Color.WHITE;

  /** The printable-ASCII band behind a histogram: orange, very light. */
  static final Color ORANGE_TINT = new Color(0xFDF1DA);

  /** The "English text" band of the entropy chart: blue, very light. */
  static final Color BLUE_TINT = new Color(0xE3EFF7);

  /** Every other row of a hex map. */
  static final Color ROW_TINT = new Color(0xF4F4F4);

  private Palette() {}
}
