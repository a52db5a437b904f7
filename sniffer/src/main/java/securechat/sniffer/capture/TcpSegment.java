package securechat.sniffer.capture;

import java.time.Instant;
import java.util.Objects;

/**
 * One captured TCP segment, reduced to what reassembly and dissection need: which frame of the
 * capture it was, when, from where to where, its sequence number, flags and payload.
 *
 * @param frame the frame's number in the capture, counting from 1 as Wireshark does
 * @param time when libpcap saw it
 * @param source the sender
 * @param destination the receiver
 * @param sequence the TCP sequence number of the first payload byte (of the SYN, for a SYN)
 * @param syn the SYN flag (opens a direction; takes one sequence number)
 * @param fin the FIN flag (closes a direction; takes one sequence number)
 * @param rst the RST flag (aborts the connection)
 * @param payload the TCP payload, possibly empty; never changed after capture
 */
public record TcpSegment(
    long frame,
    Instant time,
    Endpoint source,
    Endpoint destination,
    long sequence,
    boolean syn,
    boolean fin,
    boolean rst,
    byte[] payload) {
  public TcpSegment {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(payload, "payload");
    if (sequence < 0 || sequence > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("sequence must be an unsigned 32-bit number: " + sequence);
    }
  }
}
