package securechat.sniffer.dissect;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import securechat.sniffer.dissect.WireMessage.Flag;
import securechat.sniffer.stream.Direction;
import securechat.sniffer.stream.TcpStream;

/** Collects one direction's messages, placing each reading at its offset, frame and time. */
final class WireMessages {
  private final TcpStream stream;
  private final Direction direction;
  private final List<WireMessage> messages = new ArrayList<>();

  WireMessages(TcpStream stream, Direction direction) {
    this.stream = stream;
    this.direction = direction;
  }

  void add(long offset, int length, Reading reading) {
    messages.add(
        new WireMessage(
            stream.index(),
            direction,
            offset,
            length,
            LineSplitter.frameAt(stream, direction, offset),
            LineSplitter.timeAt(stream, direction, offset),
            reading.kind(),
            reading.summary(),
            reading.details(),
            reading.flags()));
  }

  void malformed(long offset, int length, String sentence) {
    add(offset, length, new Reading("malformed", sentence, List.of(), EnumSet.of(Flag.MALFORMED)));
  }

  List<WireMessage> messages() {
    return List.copyOf(messages);
  }
}
