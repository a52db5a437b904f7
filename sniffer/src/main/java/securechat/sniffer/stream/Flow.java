package securechat.sniffer.stream;

// BEGIN SOLUTION
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
// END SOLUTION
import securechat.sniffer.capture.TcpSegment;

/**
 * One direction of a connection being reassembled: turns sequence numbers into offsets, drops the
 * bytes it has already seen, holds early bytes until the hole before them fills, and delivers
 * contiguous bytes to the stream.
 *
 * <p>Offsets here are TCP offsets: bytes since the first data byte, gaps included, as 64-bit
 * numbers that do not wrap. A 32-bit sequence number is placed at the offset nearest to the next
 * expected one (RFC 9293 §3.4 compares sequence numbers modulo 2^32 the same way).
 *
 * <p>The rules, which {@link TcpReassembler} states for the whole connection:
 *
 * <ul>
 *   <li>Offset 0 is the first data byte. RFC 9293 §3.4: a SYN takes one sequence number, its own
 *       (the initial sequence number, ISN), so data starts at ISN + 1, and a SYN may carry data
 *       there. If the capture missed the SYN, the first segment seen starts at offset 0.
 *   <li>Bytes before the next offset to deliver were delivered already: they are dropped. Bytes at
 *       an offset already held are dropped too: where segments overlap, the bytes seen first win,
 *       even when a later segment carries different ones.
 *   <li>Bytes are delivered with {@link TcpStream#deliver} as soon as nothing is missing before
 *       them (the live view reads streams during the capture), in order, each piece with the frame
 *       and time of the segment that brought it. The stream counts delivered bytes itself.
 *   <li>A hole is given up when more than {@code maxHeldBytes} wait behind it, or at {@link
 *       #flush()}: {@link TcpStream#recordGap} records its length, then delivery goes on with the
 *       bytes held after it.
 *   <li>RFC 9293 §3.4: a FIN also takes one sequence number, the one after the segment's last
 *       payload byte; it closes the direction (§3.6). {@link TcpStream#markFin} is called once
 *       every byte before the FIN was delivered, or at {@link #flush()}, after a gap up to it.
 * </ul>
 */
final class Flow {
  private static final long SEQUENCE_SPACE = 1L << 32;

  private final TcpStream stream;
  private final Direction direction;
  private final int maxHeldBytes;
  // BEGIN SOLUTION
  private final TreeMap<Long, Piece> held = new TreeMap<>();
  private long heldBytes;
  private long base = -1; // the sequence number of offset 0; -1 until the first segment
  private long isn = -1; // the initial sequence number from this side's SYN, -1 if none seen
  private long next; // the offset of the next byte to deliver
  private long finOffset = -1; // where this side's FIN sits, once seen

  /** One held piece of payload: its offset, bytes and the frame that brought them. */
  private record Piece(long offset, byte[] bytes, long frame, Instant time) {
    long end() {
      return offset + bytes.length;
    }
  }

  // END SOLUTION

  Flow(TcpStream stream, Direction direction, int maxHeldBytes) {
    this.stream = stream;
    this.direction = direction;
    this.maxHeldBytes = maxHeldBytes;
  }

  /**
   * Returns whether {@code syn} opens a different connection than the one this side opened: its
   * sequence number is not the ISN of the SYN that opened this side (a retransmitted SYN repeats
   * it), or no SYN opened this side.
   */
  boolean isNewSyn(TcpSegment syn) {
    // BEGIN SOLUTION
    return isn != syn.sequence();
    // END SOLUTION
  }

  /**
   * Takes the next segment of this direction, in capture order: places its sequence number at an
   * offset, keeps the bytes not seen before, delivers what has become contiguous, notes a FIN, and
   * gives up holes while more than {@code maxHeldBytes} are held.
   */
  void accept(TcpSegment segment) {
    // BEGIN SOLUTION
    long dataSequence = segment.sequence();
    if (segment.syn()) {
      // RFC 9293 §3.4: the SYN takes sequence number ISN; the first data byte is ISN + 1.
      dataSequence = (dataSequence + 1) % SEQUENCE_SPACE;
      if (isn < 0 && base < 0) {
        isn = segment.sequence();
        base = dataSequence;
      }
    } else if (base < 0) {
      base = dataSequence; // no SYN seen: the capture started mid-connection
    }
    long offset = offsetOf(dataSequence);
    hold(offset, segment.payload(), segment.frame(), segment.time());
    if (segment.fin() && finOffset < 0) {
      finOffset = offset + segment.payload().length;
    }
    deliver();
    while (heldBytes > maxHeldBytes) {
      skipToHeld();
    }
    // END SOLUTION
  }

  /** Gives up waiting: records every remaining hole as a gap and delivers what is held. */
  void flush() {
    // BEGIN SOLUTION
    while (!held.isEmpty()) {
      skipToHeld();
    }
    if (finOffset > next) {
      stream.recordGap(direction, finOffset - next);
      next = finOffset;
      stream.markFin(direction);
    }
    // END SOLUTION
  }

  // BEGIN SOLUTION
  private long offsetOf(long sequence) {
    long relative = Math.floorMod(sequence - base, SEQUENCE_SPACE);
    long candidate = Math.floorDiv(next, SEQUENCE_SPACE) * SEQUENCE_SPACE + relative;
    if (candidate - next > SEQUENCE_SPACE / 2) {
      candidate -= SEQUENCE_SPACE;
    } else if (next - candidate > SEQUENCE_SPACE / 2) {
      candidate += SEQUENCE_SPACE;
    }
    return candidate;
  }

  /** Keeps the bytes of {@code payload} not yet delivered nor held: first-seen bytes win. */
  private void hold(long offset, byte[] payload, long frame, Instant time) {
    long end = offset + payload.length;
    long position = Math.max(offset, next);
    Map.Entry<Long, Piece> before = held.floorEntry(position);
    if (before != null && before.getValue().end() > position) {
      position = before.getValue().end();
    }
    while (position < end) {
      Map.Entry<Long, Piece> after = held.ceilingEntry(position);
      long stop = after == null ? end : Math.min(end, after.getKey());
      if (stop > position) {
        byte[] bytes =
            Arrays.copyOfRange(payload, (int) (position - offset), (int) (stop - offset));
        held.put(position, new Piece(position, bytes, frame, time));
        heldBytes += bytes.length;
      }
      if (after == null || after.getKey() >= end) {
        return;
      }
      position = after.getValue().end();
    }
  }

  private void deliver() {
    while (!held.isEmpty() && held.firstKey() <= next) {
      Piece piece = held.pollFirstEntry().getValue();
      heldBytes -= piece.bytes().length;
      stream.deliver(direction, piece.bytes(), piece.frame(), piece.time());
      next = piece.end();
    }
    if (finOffset >= 0 && next >= finOffset) {
      stream.markFin(direction);
    }
  }

  private void skipToHeld() {
    long first = held.firstKey();
    if (first > next) {
      stream.recordGap(direction, first - next);
      next = first;
    }
    deliver();
  }
  // END SOLUTION
}
