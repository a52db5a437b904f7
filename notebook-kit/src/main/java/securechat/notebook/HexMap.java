package securechat.notebook;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import securechat.core.protocol.ProtocolException;

/**
 * Bytes as a hex dump, 16 to a row with the offset on the left and the printable characters on the
 * right (as {@code xxd} and Wireshark print them), every byte of every occurrence of a secret on a
 * red background. A line under the grid says where the secret was found, or that it was not.
 *
 * <p>At most {@link #MAX_ROWS} rows are drawn. When the bytes are longer, the rows shown start a
 * little before the secret's first occurrence, so that it is in the picture; a second line says
 * which bytes are shown.
 */
final class HexMap {
  static final int BYTES_PER_ROW = 16;
  static final int MAX_ROWS = 32;

  static final int CELL_WIDTH = 28;
  static final int CELL_HEIGHT = 22;
  static final int OFFSET_X = Canvas.MARGIN;
  static final int HEX_X = 96;
  static final int ASCII_X = HEX_X + BYTES_PER_ROW * CELL_WIDTH + 18;
  static final int CHAR_WIDTH = 10;

  /** Rows shown before the secret's first occurrence, for context. */
  private static final int ROWS_BEFORE_SECRET = 2;

  /** The top of the first row, below the title and the column header. */
  static final int GRID_TOP = Canvas.TITLE_HEIGHT + 24;

  private static final int FOOTER_HEIGHT = 64;

  private HexMap() {}

  static BufferedImage draw(String title, byte[] bytes, byte[] secret) {
    if (secret.length == 0) {
      throw new IllegalArgumentException("the secret to highlight must not be empty");
    }
    List<Integer> found = occurrences(bytes, secret);
    int firstRow = firstRow(bytes.length, found);
    int rows = Math.min(MAX_ROWS, rowsOf(bytes.length) - firstRow);
    boolean[] marked = marked(bytes.length, secret.length, found);
    Canvas canvas = new Canvas(height(rows));
    canvas.title(title, subtitle(bytes, secret));
    drawHeader(canvas);
    for (int row = 0; row < rows; row++) {
      drawRow(canvas, bytes, marked, firstRow + row, row);
    }
    int below = GRID_TOP + Math.max(1, rows) * CELL_HEIGHT + 24;
    drawFooter(canvas, below, bytes.length, secret, found, firstRow, rows);
    return canvas.finish();
  }

  /** The picture's height for {@code rows} rows. */
  static int height(int rows) {
    return GRID_TOP + Math.max(1, rows) * CELL_HEIGHT + FOOTER_HEIGHT;
  }

  /** The character of column {@code column} in the {@code shownRow}-th row drawn (the text). */
  static Rectangle textCell(int shownRow, int column) {
    return new Rectangle(
        ASCII_X + column * CHAR_WIDTH, GRID_TOP + shownRow * CELL_HEIGHT, CHAR_WIDTH, CELL_HEIGHT);
  }

  /** The hex cell of column {@code column} in the {@code shownRow}-th row drawn. */
  static Rectangle cell(int shownRow, int column) {
    return new Rectangle(
        HEX_X + column * CELL_WIDTH, GRID_TOP + shownRow * CELL_HEIGHT, CELL_WIDTH, CELL_HEIGHT);
  }

  /** The first row drawn: 0, or a little before the secret when it lies past the rows shown. */
  static int firstRow(int length, List<Integer> found) {
    if (rowsOf(length) <= MAX_ROWS || found.isEmpty()) {
      return 0;
    }
    int wanted = Math.max(0, found.get(0) / BYTES_PER_ROW - ROWS_BEFORE_SECRET);
    return Math.min(wanted, rowsOf(length) - MAX_ROWS);
  }

  /** Every index where {@code secret} starts in {@code bytes}, exactly, overlaps included. */
  static List<Integer> occurrences(byte[] bytes, byte[] secret) {
    List<Integer> found = new ArrayList<>();
    for (int start = 0; start + secret.length <= bytes.length; start++) {
      if (ByteBuffer.wrap(bytes, start, secret.length).equals(ByteBuffer.wrap(secret))) {
        found.add(start);
      }
    }
    return found;
  }

  private static int rowsOf(int length) {
    return (length + BYTES_PER_ROW - 1) / BYTES_PER_ROW;
  }

  private static boolean[] marked(int length, int secretLength, List<Integer> found) {
    boolean[] marked = new boolean[length];
    for (int start : found) {
      for (int i = start; i < start + secretLength; i++) {
        marked[i] = true;
      }
    }
    return marked;
  }

  private static String subtitle(byte[] bytes, byte[] secret) {
    return String.format(
        Locale.ROOT, "%,d bytes, 16 per row · the secret %s on red", bytes.length, shown(secret));
  }

  private static void drawHeader(Canvas canvas) {
    Font font = Canvas.mono(12);
    for (int column = 0; column < BYTES_PER_ROW; column++) {
      Rectangle cell = cell(0, column);
      canvas.text(
          String.format("%X", column),
          font,
          Palette.MUTED,
          cell.getCenterX(),
          GRID_TOP - 8,
          Canvas.Align.CENTRE);
    }
    canvas.text(
        "offset", Canvas.sans(12), Palette.MUTED, OFFSET_X, GRID_TOP - 8, Canvas.Align.LEFT);
    canvas.text("text", Canvas.sans(12), Palette.MUTED, ASCII_X, GRID_TOP - 8, Canvas.Align.LEFT);
  }

  /** Draws row {@code row} of the bytes as the {@code shownRow}-th row of the grid. */
  private static void drawRow(
      Canvas canvas, byte[] bytes, boolean[] marked, int row, int shownRow) {
    int y = cell(shownRow, 0).y;
    if (shownRow % 2 == 1) {
      Graphics2D g = canvas.graphics();
      g.setColor(Palette.ROW_TINT);
      g.fillRect(OFFSET_X, y, ASCII_X + BYTES_PER_ROW * CHAR_WIDTH - OFFSET_X, CELL_HEIGHT);
    }
    int start = row * BYTES_PER_ROW;
    canvas.text(
        String.format("%06x", start),
        Canvas.mono(13),
        Palette.MUTED,
        OFFSET_X,
        y + 16,
        Canvas.Align.LEFT);
    for (int column = 0; column < BYTES_PER_ROW && start + column < bytes.length; column++) {
      int index = start + column;
      drawByte(
          canvas, bytes[index], marked[index], cell(shownRow, column), textCell(shownRow, column));
    }
  }

  /** Draws one byte in hex and as text, both on red when it belongs to the secret. */
  private static void drawByte(
      Canvas canvas, byte b, boolean marked, Rectangle hex, Rectangle text) {
    int value = b & 0xff;
    boolean printable = ByteHistogram.printable(value);
    Color ink = printable ? Palette.INK : Palette.MUTED;
    if (marked) {
      Graphics2D g = canvas.graphics();
      g.setColor(Palette.VERMILLION);
      g.fill(hex);
      g.fill(text);
      ink = Palette.BACKGROUND;
    }
    Font font = marked ? new Font(Font.MONOSPACED, Font.BOLD, 13) : Canvas.mono(13);
    int baseline = hex.y + 16;
    canvas.text(
        HexFormat.of().toHexDigits(b), font, ink, hex.getCenterX(), baseline, Canvas.Align.CENTRE);
    canvas.text(
        printable ? String.valueOf((char) value) : "·",
        font,
        ink,
        text.getCenterX(),
        baseline,
        Canvas.Align.CENTRE);
  }

  /** Under the grid: where the secret was found, and which bytes the grid leaves out. */
  private static void drawFooter(
      Canvas canvas,
      int y,
      int length,
      byte[] secret,
      List<Integer> found,
      int firstRow,
      int rows) {
    Color colour = found.isEmpty() ? Palette.INK : Palette.VERMILLION;
    String where = whereFound(secret, found, length);
    canvas.text(where, Canvas.bold(14), colour, OFFSET_X, y, Canvas.Align.LEFT);
    int from = firstRow * BYTES_PER_ROW;
    int to = Math.min(length, (firstRow + rows) * BYTES_PER_ROW);
    if (to - from < length) {
      String cut =
          String.format(
              Locale.ROOT,
              "showing bytes %06x-%06x of %,d: %,d bytes not shown",
              from,
              Math.max(from, to - 1),
              length,
              length - (to - from));
      canvas.text(cut, Canvas.sans(13), Palette.MUTED, OFFSET_X, y + 22, Canvas.Align.LEFT);
    }
  }

  /** The line under the grid: where the secret was found, or that it was not. */
  static String whereFound(byte[] secret, List<Integer> found, int length) {
    if (found.isEmpty()) {
      return String.format(Locale.ROOT, "%s not found in %,d bytes", shown(secret), length);
    }
    return String.format(
        Locale.ROOT,
        "%s found %s, at offset%s %s",
        shown(secret),
        found.size() == 1 ? "once" : found.size() + " times",
        found.size() == 1 ? "" : "s",
        offsets(found));
  }

  /** The first few offsets, in hex like the grid's. */
  private static String offsets(List<Integer> found) {
    List<String> shown = new ArrayList<>();
    for (int i = 0; i < Math.min(6, found.size()); i++) {
      shown.add(String.format("%06x", found.get(i)));
    }
    return String.join(", ", shown) + (found.size() > 6 ? ", …" : "");
  }

  /** The secret as quoted text when it is printable UTF-8, else as hex. */
  static String shown(byte[] secret) {
    try {
      String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(secret)).toString();
      if (text.codePoints().noneMatch(Character::isISOControl)) {
        return ProtocolException.quote(text).replace('\'', '"');
      }
    } catch (CharacterCodingException e) {
      // Not text: shown as hex below.
    }
    return "0x"
        + HexFormat.of().formatHex(secret, 0, Math.min(20, secret.length))
        + (secret.length > 20 ? "…" : "");
  }
}
