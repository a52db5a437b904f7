package securechat.sniffer.stream;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import securechat.sniffer.capture.TcpSegment;

/**
 * The TCP reassembler: groups captured segments by connection and puts each direction's payload
 * back in order, as the receiving program read it.
 *
 * <pre>{@code
 * TcpReassembler reassembler = new TcpReassembler();
 * segments.forEach(reassembler::accept);   // in capture order
 * reassembler.finish();
 * for (TcpStream stream : reassembler.streams()) {
 *   byte[] request = stream.bytes(Direction.CLIENT_TO_SERVER);
 * }
 * }</pre>
 *
 * <p>What it copes with, as Wireshark's defaults do: retransmitted bytes are delivered once;
 * segments out of order are held until the hole before them fills; where segments overlap, the
 * bytes seen first win; sequence numbers wrap at 2^32; SYN and FIN each take one sequence number
 * (RFC 9293 §3.4). A lost segment leaves a hole that never fills: it becomes a {@link Gap} once the
 * connection is reset, {@link #finish()} is called, or more than {@link #MAX_HELD_BYTES} wait
 * behind it, so memory stays bounded. A RST ends a connection; a new SYN on a 4-tuple whose
 * connection has ended starts a new stream.
 *
 * <p>A segment's payload is untrusted: it is copied, never interpreted here.
 */
public final class TcpReassembler {
  /** The most bytes one direction may hold behind a hole before the hole is given up as a gap. */
  public static final int MAX_HELD_BYTES = 4 * 1024 * 1024;

  private final int maxHeldBytes;
  private final Map<ConnectionKey, Connection> connections = new HashMap<>();
  private final List<Connection> inOrder = new ArrayList<>();

  /** A reassembler that holds at most {@link #MAX_HELD_BYTES} per direction. */
  public TcpReassembler() {
    this(MAX_HELD_BYTES);
  }

  /** A reassembler that holds at most {@code maxHeldBytes} per direction (for tests). */
  TcpReassembler(int maxHeldBytes) {
    this.maxHeldBytes = maxHeldBytes;
  }

  /**
   * Takes the next segment of the capture. A segment belongs to the connection of its 4-tuple,
   * whichever way it travels ({@link ConnectionKey}). A 4-tuple seen for the first time, or a SYN
   * that {@link Connection#isReusedBy reuses} the 4-tuple of an ended connection, starts a new
   * {@link Connection}, numbered in order of appearance; the ended one is flushed first. The
   * connection passes the segment on to the {@link Flow} of its direction.
   */
  public void accept(TcpSegment segment) {
    Objects.requireNonNull(segment, "segment");
    // BEGIN SOLUTION
    ConnectionKey key = ConnectionKey.of(segment.source(), segment.destination());
    Connection connection = connections.get(key);
    if (connection == null || connection.isReusedBy(segment)) {
      if (connection != null) {
        connection.flush();
      }
      connection = new Connection(inOrder.size(), segment, maxHeldBytes);
      connections.put(key, connection);
      inOrder.add(connection);
    }
    connection.accept(segment);
    // END SOLUTION
  }

  /** Ends the capture: every hole still open becomes a gap and all held bytes are delivered. */
  public void finish() {
    // BEGIN SOLUTION
    inOrder.forEach(Connection::flush);
    // END SOLUTION
  }

  /** Returns every connection seen, in order of first appearance. */
  public List<TcpStream> streams() {
    return inOrder.stream().map(Connection::stream).toList();
  }
}
