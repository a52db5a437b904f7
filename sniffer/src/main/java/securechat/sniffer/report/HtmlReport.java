package securechat.sniffer.report;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.HexFormat;
import java.util.Locale;
import securechat.sniffer.dissect.SecretSearch;
import securechat.sniffer.dissect.WireMessage;
import securechat.sniffer.dissect.WireMessage.Flag;
import securechat.sniffer.stream.Direction;
import securechat.sniffer.stream.TcpStream;

/**
 * The analysis as one self-contained HTML page (no scripts, fonts or images from the network): per
 * stream the dissected messages, the entropy of each direction, and a hex view of its first bytes
 * with every occurrence of the secret highlighted.
 */
public final class HtmlReport {
  /** Bytes of each direction shown in the hex view: enough for a handshake and a few lines. */
  static final int HEX_BYTES = 4096;

  private HtmlReport() {}

  public static String of(Analysis analysis) {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<title>securechat-lab sniffer report</title><style>"
        + STYLE
        + "</style></head><body>\n"
        + "<h1>What an eavesdropper saw</h1>\n"
        + body(analysis)
        + "</body></html>\n";
  }

  /** The page's style sheet, for pages that embed {@link #body} (the demo's report). */
  public static final String STYLE =
      "body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
          + "td,th{border:1px solid #ccc;padding:2px 6px;text-align:left;vertical-align:top}"
          + ".leak{background:#fdd}.opaque{color:#777}pre{font-size:12px}"
          + "mark{background:#f66;color:#000}";

  /**
   * The analysis without the page around it: the counts, where the secret appeared, and each
   * stream's messages and hex view, with {@code h2} headings per stream.
   */
  public static String body(Analysis analysis) {
    StringBuilder html = new StringBuilder();
    html.append("<p>").append(escape(analysis.counts().toString())).append("</p>\n");
    analysis.secret().ifPresent(secret -> html.append(secretLine(analysis, secret)));
    for (TcpStream stream : analysis.streams()) {
      html.append(stream(analysis, stream));
    }
    return html.toString();
  }

  private static String secretLine(Analysis analysis, String secret) {
    return "<p>Secret <code>"
        + escape(secret)
        + "</code>: "
        + (analysis.hits().isEmpty()
            ? "not found on the wire."
            : "<strong>found " + analysis.hits().size() + " time(s)</strong>, highlighted below.")
        + "</p>\n";
  }

  private static String stream(Analysis analysis, TcpStream stream) {
    StringBuilder html = new StringBuilder();
    html.append(
        String.format(
            Locale.ROOT,
            "<h2>Stream %d: %s ⇄ %s (%s)</h2>\n<p>entropy C→S %.2f, S→C %.2f bits/byte</p>\n",
            stream.index(),
            escape(stream.client().toString()),
            escape(stream.server().toString()),
            escape(analysis.stages().get(stream.index())),
            Analysis.entropy(stream, Direction.CLIENT_TO_SERVER),
            Analysis.entropy(stream, Direction.SERVER_TO_CLIENT)));
    html.append("<table><tr><th>frame</th><th>dir</th><th>kind</th><th>what it shows</th></tr>\n");
    for (WireMessage message : analysis.messages(stream)) {
      html.append(row(message));
    }
    html.append("</table>\n");
    for (Direction direction : Direction.values()) {
      html.append("<h3>").append(direction.arrow()).append(" bytes</h3>\n<pre>");
      html.append(hexView(stream, direction, analysis)).append("</pre>\n");
    }
    return html.toString();
  }

  /** One message as a table row: frame, direction, kind, summary and details; leaks shaded. */
  public static String row(WireMessage message) {
    boolean leak =
        message.has(Flag.PASSWORD) || message.has(Flag.MESSAGE) || message.has(Flag.FILE);
    String css = leak ? " class=\"leak\"" : message.has(Flag.OPAQUE) ? " class=\"opaque\"" : "";
    StringBuilder details = new StringBuilder();
    message.details().forEach(detail -> details.append("<br>").append(escape(detail)));
    return "<tr"
        + css
        + "><td>"
        + message.frame()
        + "</td><td>"
        + message.direction().arrow()
        + "</td><td>"
        + escape(message.kind())
        + "</td><td>"
        + escape(message.summary())
        + details
        + "</td></tr>\n";
  }

  /** Hex and ASCII, 16 bytes a row, bytes inside a secret hit marked. */
  static String hexView(TcpStream stream, Direction direction, Analysis analysis) {
    byte[] bytes = stream.bytes(direction);
    int shown = Math.min(bytes.length, HEX_BYTES);
    boolean[] secret = new boolean[shown];
    int secretLength = analysis.secret().map(s -> s.getBytes(UTF_8).length).orElse(0);
    for (SecretSearch.Hit hit : analysis.hits()) {
      if (hit.stream() == stream.index() && hit.direction() == direction && !hit.decrypted()) {
        for (long i = hit.offset(); i < Math.min(shown, hit.offset() + secretLength); i++) {
          secret[(int) i] = true;
        }
      }
    }
    StringBuilder out = new StringBuilder();
    for (int row = 0; row < shown; row += 16) {
      out.append(String.format(Locale.ROOT, "%06x  ", row));
      StringBuilder ascii = new StringBuilder();
      for (int i = row; i < Math.min(row + 16, shown); i++) {
        String hex = HexFormat.of().toHexDigits(bytes[i]);
        char c = bytes[i] >= 0x20 && bytes[i] < 0x7f ? (char) bytes[i] : '.';
        out.append(secret[i] ? "<mark>" + hex + "</mark> " : hex + " ");
        String shownChar = escape(String.valueOf(c));
        ascii.append(secret[i] ? "<mark>" + shownChar + "</mark>" : shownChar);
      }
      out.append(" ".repeat(3 * (16 - Math.min(16, shown - row)))).append(' ').append(ascii);
      out.append('\n');
    }
    if (bytes.length > shown) {
      out.append("… ").append(bytes.length - shown).append(" more bytes\n");
    }
    return out.toString();
  }

  /** {@code text} safe inside HTML elements and attribute values. */
  public static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
