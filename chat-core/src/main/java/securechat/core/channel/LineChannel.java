package securechat.core.channel;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import securechat.core.protocol.ProtocolException;

/**
 * A two-way channel of text lines, protected as the stage protects them. Lines never contain {@code
 * \n}; framing, encoding and protection are the channel's business.
 *
 * <p>One thread may send while another receives. {@link #close} may be called from any thread and
 * makes a blocked {@link #receive} return or throw.
 */
public interface LineChannel extends Closeable {

  /** Sends one line. Blocks while the peer's buffers are full. */
  void send(String line) throws IOException;

  /**
   * Sends several lines, in order, as if by {@link #send} each; a channel may write them in one go
   * (one system call, one TLS record), which is what a busy server's writer wants.
   *
   * @throws IllegalArgumentException if a line contains {@code \n}; nothing is sent then
   */
  default void sendAll(List<String> lines) throws IOException {
    for (String line : lines) {
      send(line);
    }
  }

  /**
   * Receives the next line, or {@code null} once the peer has closed cleanly. A line that breaks
   * the framing rules (too long, not UTF-8) raises a {@link ProtocolException}; the channel stays
   * usable and the next call returns the next line.
   */
  String receive() throws IOException, ProtocolException;

  /**
   * True if a whole line has already arrived, so that {@link #receive} returns (or throws) at once,
   * without waiting for the network; false when unsure, which is always allowed. For a caller that
   * does some costly work once per batch of lines that arrived together, such as the e2e client's
   * one durable write for all their counters.
   */
  default boolean hasBufferedLine() {
    return false;
  }

  /**
   * Tells the peer that no more lines will come, while still receiving: a TCP FIN, preceded in the
   * tls stage by TLS's close_notify alert (RFC 8446 §6.1), without which the peer cannot tell a
   * finished conversation from a truncated one.
   */
  void shutdownOutput() throws IOException;

  /** What protects this channel: shown by the client's {@code /info} and by the demo. */
  ChannelInfo info();
}
