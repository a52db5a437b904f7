package securechat.notebook;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import securechat.notebook.Canvas.Align;
import securechat.sniffer.dissect.WireMessage;
import securechat.sniffer.dissect.WireMessage.Flag;
import securechat.sniffer.stream.Direction;

/**
 * A sequence diagram of what crossed the wire: a lane for the client and one for the server, one
 * arrow per message in the order they crossed, labelled with what the dissector saw, the time since
 * the first message on the left and the size on the right.
 *
 * <p>Blue arrows go from client to server, orange ones back. A dashed arrow carries only ciphertext
 * (the dissector could not read it); a red bold label means a password, a message or a file was
 * readable.
 */
final class Timeline {
  /** The most messages drawn; a whole conversation would make the picture too tall to read. */
  static final int MAX_MESSAGES = 30;

  static final int ROW_HEIGHT = 30;
  static final int CLIENT_X = 170;
  static final int SERVER_X = 640;
  private static final int TIME_RIGHT_X = CLIENT_X - 70;
  private static final int SIZE_LEFT_X = SERVER_X + 14;

  private static final int LANES_TOP = Canvas.TITLE_HEIGHT + 14;
  private static final int LANE_BOX_HEIGHT = 26;
  private static final int FOOTER_HEIGHT = 30;

  /** The y of the first arrow; each next one is {@link #ROW_HEIGHT} lower. */
  static final int FIRST_ARROW_Y = LANES_TOP + LANE_BOX_HEIGHT + 28;

  private Timeline() {}

  static BufferedImage draw(String title, List<WireMessage> messages) {
    List<WireMessage> shown = messages.subList(0, Math.min(MAX_MESSAGES, messages.size()));
    Canvas canvas = new Canvas(height(shown.size()));
    canvas.title(title, subtitle(messages));
    drawLanes(canvas, shown.size());
    boolean severalStreams = shown.stream().map(WireMessage::stream).distinct().count() > 1;
    for (int i = 0; i < shown.size(); i++) {
      int y = FIRST_ARROW_Y + i * ROW_HEIGHT;
      drawMessage(canvas, y, shown.get(i), shown.get(0).time(), severalStreams);
    }
    double middle = (CLIENT_X + SERVER_X) / 2.0;
    if (messages.isEmpty()) {
      canvas.text(
          "no messages", Canvas.sans(14), Palette.MUTED, middle, FIRST_ARROW_Y + 4, Align.CENTRE);
    } else if (messages.size() > shown.size()) {
      String more = "… " + (messages.size() - shown.size()) + " more messages not shown";
      int below = FIRST_ARROW_Y + shown.size() * ROW_HEIGHT + 8;
      canvas.text(more, Canvas.sans(13), Palette.MUTED, middle, below, Align.CENTRE);
    }
    return canvas.finish();
  }

  /** The picture's height for {@code rows} arrows. */
  static int height(int rows) {
    return FIRST_ARROW_Y + Math.max(1, rows) * ROW_HEIGHT + FOOTER_HEIGHT;
  }

  /**
   * The arrow's label: what a dissector calls a handshake message or ciphertext ({@code
   * ClientHello}, {@code Fernet token}), or the chat line it read, which is the lesson of the plain
   * stage ({@code /login alice <password: …>}).
   */
  static String label(WireMessage message) {
    boolean readable =
        !message.has(Flag.HANDSHAKE)
            && !message.has(Flag.OPAQUE)
            && !message.has(Flag.MALFORMED)
            && !message.kind().equals("bytes");
    return readable ? message.summary() : message.kind();
  }

  private static String subtitle(List<WireMessage> messages) {
    if (messages.isEmpty()) {
      return "nothing crossed the wire";
    }
    long spanMillis =
        Duration.between(messages.get(0).time(), messages.get(messages.size() - 1).time())
            .toMillis();
    return messages.size()
        + " messages in "
        + spanMillis
        + " ms · blue: to the server · orange: to the client · dashed: encrypted"
        + " · red: a secret in clear";
  }

  /** Draws the two lanes, long enough for {@code rows} arrows, and the columns' headings. */
  private static void drawLanes(Canvas canvas, int rows) {
    int bottom = FIRST_ARROW_Y + Math.max(1, rows) * ROW_HEIGHT - ROW_HEIGHT / 2;
    drawLane(canvas, CLIENT_X, "client", bottom);
    drawLane(canvas, SERVER_X, "server", bottom);
    int headingY = FIRST_ARROW_Y - 16;
    canvas.text("time", Canvas.bold(12), Palette.MUTED, TIME_RIGHT_X, headingY, Align.RIGHT);
    canvas.text("size", Canvas.bold(12), Palette.MUTED, SIZE_LEFT_X, headingY, Align.LEFT);
  }

  private static void drawLane(Canvas canvas, int x, String name, int bottom) {
    int top = LANES_TOP;
    Graphics2D g = canvas.graphics();
    g.setColor(Palette.GRID);
    g.setStroke(new BasicStroke(2f));
    g.draw(new Line2D.Double(x, top + LANE_BOX_HEIGHT, x, bottom));
    g.setColor(Palette.INK);
    g.setStroke(new BasicStroke(1.2f));
    g.drawRoundRect(x - 50, top, 100, LANE_BOX_HEIGHT, 8, 8);
    canvas.text(name, Canvas.bold(14), Palette.INK, x, top + 18, Align.CENTRE);
  }

  private static void drawMessage(
      Canvas canvas, int y, WireMessage message, Instant start, boolean severalStreams) {
    boolean up = message.direction() == Direction.CLIENT_TO_SERVER;
    Color colour = up ? Palette.BLUE : Palette.ORANGE;
    int from = up ? CLIENT_X : SERVER_X;
    drawArrow(canvas, from, up ? SERVER_X : CLIENT_X, y, colour, message.has(Flag.OPAQUE));
    boolean secret =
        message.has(Flag.PASSWORD) || message.has(Flag.MESSAGE) || message.has(Flag.FILE);
    Font font = secret ? Canvas.bold(13) : Canvas.sans(13);
    String label = (severalStreams ? "[" + message.stream() + "] " : "") + label(message);
    canvas.text(
        canvas.fit(label, font, SERVER_X - CLIENT_X - 24),
        font,
        secret ? Palette.VERMILLION : Palette.INK,
        (CLIENT_X + SERVER_X) / 2.0,
        y - 6,
        Align.CENTRE);
    double millis = Duration.between(start, message.time()).toNanos() / 1e6;
    String time = String.format(Locale.ROOT, "+%.1f ms", millis);
    canvas.text(time, Canvas.mono(12), Palette.MUTED, TIME_RIGHT_X, y + 4, Align.RIGHT);
    String size = String.format(Locale.ROOT, "%,d B", message.length());
    canvas.text(size, Canvas.mono(12), Palette.MUTED, SIZE_LEFT_X, y + 4, Align.LEFT);
  }

  private static void drawArrow(
      Canvas canvas, int fromX, int toX, int y, Color colour, boolean dashed) {
    Graphics2D g = canvas.graphics();
    g.setColor(colour);
    g.setStroke(
        dashed
            ? new BasicStroke(
                2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {7, 5}, 0)
            : new BasicStroke(2f));
    int direction = Integer.signum(toX - fromX);
    g.draw(new Line2D.Double(fromX, y, toX - direction * 9, y));
    Path2D head = new Path2D.Double();
    head.moveTo(toX, y);
    head.lineTo(toX - direction * 11, y - 5);
    head.lineTo(toX - direction * 11, y + 5);
    head.closePath();
    g.fill(head);
    g.setStroke(new BasicStroke(1f));
  }
}
