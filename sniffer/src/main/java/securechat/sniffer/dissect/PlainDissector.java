package securechat.sniffer.dissect;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import securechat.sniffer.dissect.WireMessage.Flag;
import securechat.sniffer.stream.Direction;
import securechat.sniffer.stream.TcpStream;

/**
 * The plain stage's dissector: every line of both directions, in clear, with what it gives away. A
 * {@code /login} or {@code /register} line shows its password, flagged {@link Flag#PASSWORD}: that
 * is what the plain stage does not protect.
 */
public final class PlainDissector implements Dissector {
  private static final List<String> FIRST_WORDS =
      List.of("/register ", "/login ", "/help", "/quit", "WELCOME ", "ERR server-full");

  @Override
  public String stage() {
    return "plain";
  }

  /** Recognises a stream whose first line in either direction starts the chat protocol. */
  @Override
  public boolean recognises(TcpStream stream) {
    for (Direction direction : Direction.values()) {
      String start = startOf(stream, direction);
      if (FIRST_WORDS.stream().anyMatch(start::startsWith)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public List<WireMessage> dissect(TcpStream stream) {
    List<WireMessage> messages = new ArrayList<>();
    for (Direction direction : Direction.values()) {
      for (Line line : LineSplitter.lines(stream, direction)) {
        messages.add(message(stream, line));
      }
    }
    messages.sort(captureOrder());
    return messages;
  }

  /** Orders messages by the frame of their first byte, then by their place in the stream. */
  static Comparator<WireMessage> captureOrder() {
    return Comparator.comparingLong(WireMessage::frame)
        .thenComparing(WireMessage::direction)
        .thenComparingLong(WireMessage::offset);
  }

  private static WireMessage message(TcpStream stream, Line line) {
    ChatLineReading reading = ChatLineReading.of(line.rawText(), line.direction());
    Set<Flag> flags = EnumSet.noneOf(Flag.class);
    flags.addAll(reading.flags());
    List<String> details = new ArrayList<>();
    if (!line.wellFormed()) {
      flags.add(Flag.MALFORMED);
      details.add("not a complete line: no \\n at the end, invalid UTF-8, or bytes missing");
    }
    return new WireMessage(
        stream.index(),
        line.direction(),
        line.offset(),
        line.length(),
        line.frame(),
        line.time(),
        reading.kind(),
        reading.summary(),
        details,
        flags);
  }

  private static String startOf(TcpStream stream, Direction direction) {
    return new String(stream.bytes(direction, 32), StandardCharsets.UTF_8);
  }
}
