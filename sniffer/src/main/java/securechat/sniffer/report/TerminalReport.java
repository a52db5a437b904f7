package securechat.sniffer.report;

import java.io.PrintWriter;
import java.util.Locale;
import securechat.sniffer.dissect.SecretSearch;
import securechat.sniffer.dissect.WireMessage;
import securechat.sniffer.dissect.WireMessage.Flag;
import securechat.sniffer.stream.Direction;
import securechat.sniffer.stream.TcpStream;

/**
 * The sniffer's view on a terminal: one line per message, what gives secrets away in red and what
 * is encrypted dimmed (unless colours are off), then a summary table.
 */
public final class TerminalReport {
  private static final String RED = "\u001b[31m";
  private static final String DIM = "\u001b[2m";
  private static final String BOLD = "\u001b[1m";
  private static final String RESET = "\u001b[0m";

  private final PrintWriter out;
  private final boolean colour;

  public TerminalReport(PrintWriter out, boolean colour) {
    this.out = out;
    this.colour = colour;
  }

  public void print(Analysis analysis) {
    for (TcpStream stream : analysis.streams()) {
      out.println(
          paint(BOLD, "stream " + stream.index() + "  " + stream.client() + " ⇄ " + stream.server())
              + "  ("
              + analysis.stages().get(stream.index())
              + ")");
      for (WireMessage message : analysis.messages(stream)) {
        out.println("  " + line(message));
      }
    }
    printSummary(analysis);
    out.flush();
  }

  /** One message as one line: frame, direction, kind, summary; coloured by what it reveals. */
  public String line(WireMessage message) {
    String text =
        String.format(
            Locale.ROOT,
            "#%-5d %s %-18s %s",
            message.frame(),
            message.direction().arrow(),
            message.kind(),
            message.summary());
    if (message.has(Flag.PASSWORD) || message.has(Flag.MESSAGE) || message.has(Flag.FILE)) {
      return paint(RED, text);
    }
    return message.has(Flag.OPAQUE) ? paint(DIM, text) : text;
  }

  /** The table of streams, what was readable, and where the secret showed up. */
  public void printSummary(Analysis analysis) {
    out.println();
    out.println(paint(BOLD, "summary") + ": " + analysis.counts());
    out.printf(
        Locale.ROOT,
        "%-7s %-6s %-45s %8s %8s %7s %7s%n",
        "stream",
        "stage",
        "connection",
        "c→s B",
        "s→c B",
        "H c→s",
        "H s→c");
    for (TcpStream stream : analysis.streams()) {
      out.printf(
          Locale.ROOT,
          "%-7d %-6s %-45s %8d %8d %7.2f %7.2f%n",
          stream.index(),
          analysis.stages().get(stream.index()),
          stream.client() + " ⇄ " + stream.server(),
          stream.length(Direction.CLIENT_TO_SERVER),
          stream.length(Direction.SERVER_TO_CLIENT),
          Analysis.entropy(stream, Direction.CLIENT_TO_SERVER),
          Analysis.entropy(stream, Direction.SERVER_TO_CLIENT));
    }
    out.printf(
        Locale.ROOT,
        "readable: %d with a password, %d with chat text, %d with a file; %d encrypted%n",
        analysis.count(Flag.PASSWORD),
        analysis.count(Flag.MESSAGE),
        analysis.count(Flag.FILE),
        analysis.count(Flag.OPAQUE));
    if (analysis.secret().isPresent()) {
      printHits(analysis);
    }
  }

  private void printHits(Analysis analysis) {
    if (analysis.hits().isEmpty()) {
      out.println("secret: not found on the wire");
      return;
    }
    out.println(paint(RED, "secret: found " + analysis.hits().size() + " time(s)"));
    for (SecretSearch.Hit hit : analysis.hits()) {
      out.printf(
          Locale.ROOT,
          "  stream %d %s offset %d, frame %d%s%n",
          hit.stream(),
          hit.direction().arrow(),
          hit.offset(),
          hit.frame(),
          hit.decrypted() ? " (inside a token decrypted with the key log)" : "");
    }
  }

  private String paint(String colourCode, String text) {
    return colour ? colourCode + text + RESET : text;
  }
}
