package securechat.sniffer.stream;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import securechat.sniffer.capture.TcpSegment;

/**
 * One direction of a connection being reassembled: turns sequence numbers into offsets, holds
 * segments that come early and delivers the bytes in order.
 */
final class Flow {
  private static final long SEQUENCE_SPACE = 1L << 32;

  private final TcpStream stream;
  private final Direction direction;
  private final int maxHeldBytes;
  private final TreeMap<Long, TcpSegment> waiting = new TreeMap<>(); // by offset
  private long isn = -1;
  private long firstSequence = -1; // sequence number of offset 0
  private long next; // next offset to deliver
  private long finOffset = -1;

  Flow(TcpStream stream, Direction direction, int maxHeldBytes) {
    this.stream = stream;
    this.direction = direction;
    this.maxHeldBytes = maxHeldBytes;
  }

  /** Returns whether {@code syn} opens a different connection than the one this side opened. */
  boolean isNewSyn(TcpSegment syn) {
    return isn != syn.sequence();
  }

  void accept(TcpSegment segment) {
    long sequence = segment.sequence();
    if (segment.syn()) {
      sequence = sequence + 1; // the SYN uses one sequence number
      if (firstSequence < 0) {
        isn = segment.sequence();
        firstSequence = sequence;
      }
    } else if (firstSequence < 0) {
      firstSequence = sequence; // we missed the SYN
    }
    long offset = sequence - firstSequence;
    long end = offset + segment.payload().length;
    if (segment.fin() && finOffset < 0) {
      finOffset = end;
    }
    if (end > next) {
      waiting.putIfAbsent(offset, segment); // a retransmission of a waiting segment is dropped
    }
    deliver();
  }

  /** Gives up waiting: records every remaining hole as a gap and delivers what is held. */
  void flush() {
    while (!waiting.isEmpty()) {
      long first = waiting.firstKey();
      if (first > next) {
        stream.recordGap(direction, first - next);
        next = first;
      }
      deliver();
    }
    if (finOffset > next) {
      stream.recordGap(direction, finOffset - next);
      next = finOffset;
    }
    if (finOffset >= 0) {
      stream.markFin(direction);
    }
  }

  private void deliver() {
    while (!waiting.isEmpty() && waiting.firstKey() <= next) {
      Map.Entry<Long, TcpSegment> first = waiting.pollFirstEntry();
      long offset = first.getKey();
      byte[] payload = first.getValue().payload();
      if (offset + payload.length > next) {
        byte[] fresh = Arrays.copyOfRange(payload, (int) (next - offset), payload.length);
        stream.deliver(direction, fresh, first.getValue().frame(), first.getValue().time());
        next = offset + payload.length;
      }
    }
    if (finOffset >= 0 && next >= finOffset) {
      stream.markFin(direction);
    }
  }
}
