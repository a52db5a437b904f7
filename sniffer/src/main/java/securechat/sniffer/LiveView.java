package securechat.sniffer;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import securechat.sniffer.capture.TcpSegment;
import securechat.sniffer.dissect.Dissectors;
import securechat.sniffer.dissect.EcdheKeyLog;
import securechat.sniffer.dissect.WireMessage;
import securechat.sniffer.report.TerminalReport;
import securechat.sniffer.stream.Direction;
import securechat.sniffer.stream.TcpReassembler;
import securechat.sniffer.stream.TcpStream;

/**
 * The live part of {@code lab sniff}: after each captured segment that carries bytes, dissects its
 * connection again and prints the messages that are new, one line each. A connection past {@link
 * #MAX_LIVE_BYTES} is no longer re-read live (that would cost more with every segment); the summary
 * at the end still has all of it.
 */
final class LiveView {
  static final int MAX_LIVE_BYTES = 1 << 20;

  private final TcpReassembler reassembler;
  private final PrintWriter out;
  private final TerminalReport lines;
  private final Optional<String> stageHint;
  private final Optional<EcdheKeyLog> keyLog;
  private final Map<Integer, Integer> printed = new HashMap<>();

  LiveView(
      TcpReassembler reassembler,
      PrintWriter out,
      TerminalReport lines,
      Optional<String> stageHint,
      Optional<EcdheKeyLog> keyLog) {
    this.reassembler = reassembler;
    this.out = out;
    this.lines = lines;
    this.stageHint = stageHint;
    this.keyLog = keyLog;
  }

  /** Only reassembles, printing nothing (for {@code --json}, whose output is the document). */
  void acceptQuietly(TcpSegment segment) {
    reassembler.accept(segment);
  }

  /** Runs on the capture thread, for every segment in capture order. */
  void accept(TcpSegment segment) {
    reassembler.accept(segment);
    if (segment.payload().length == 0) {
      return;
    }
    List<TcpStream> streams = reassembler.streams();
    for (int i = streams.size() - 1; i >= 0; i--) {
      TcpStream stream = streams.get(i);
      if (carries(stream, segment)) {
        printNew(stream);
        return;
      }
    }
  }

  private static boolean carries(TcpStream stream, TcpSegment segment) {
    return (stream.client().equals(segment.source())
            && stream.server().equals(segment.destination()))
        || (stream.server().equals(segment.source())
            && stream.client().equals(segment.destination()));
  }

  /** After the capture: the messages of each connection not printed yet (the last ones). */
  void finish() {
    for (TcpStream stream : reassembler.streams()) {
      List<WireMessage> messages = Dissectors.choose(stream, stageHint, keyLog).dissect(stream);
      for (int i = printed.getOrDefault(stream.index(), 0); i < messages.size(); i++) {
        out.println("stream " + stream.index() + "  " + lines.line(messages.get(i)));
      }
    }
    out.flush();
  }

  private void printNew(TcpStream stream) {
    long size =
        stream.length(Direction.CLIENT_TO_SERVER) + stream.length(Direction.SERVER_TO_CLIENT);
    if (size > MAX_LIVE_BYTES) {
      return;
    }
    List<WireMessage> messages = Dissectors.choose(stream, stageHint, keyLog).dissect(stream);
    int already = printed.getOrDefault(stream.index(), 0);
    // The last message may still be growing (half a line, half a record): print it when the next
    // one starts, so that each line is printed once and whole.
    int complete = messages.size() - 1;
    for (int i = already; i < complete; i++) {
      out.println("stream " + stream.index() + "  " + lines.line(messages.get(i)));
    }
    if (complete > already) {
      printed.put(stream.index(), complete);
      out.flush();
    }
  }
}
