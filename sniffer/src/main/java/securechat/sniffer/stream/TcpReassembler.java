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

  /** Takes the next segment of the capture. */
  public void accept(TcpSegment segment) {
    Objects.requireNonNull(segment, "segment");
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
  }

  /** Ends the capture: every hole still open becomes a gap and all held bytes are delivered. */
  public void finish() {
    inOrder.forEach(Connection::flush);
  }

  /** Returns every connection seen, in order of first appearance. */
  public List<TcpStream> streams() {
    return inOrder.stream().map(Connection::stream).toList();
  }
}
