/**
 * TCP reassembly: turns the captured segments of each connection back into the two byte streams its
 * programs wrote, as Wireshark's "Follow TCP Stream" does. {@link
 * securechat.sniffer.stream.TcpReassembler} takes {@code TcpSegment}s in capture order and copes
 * with what a real capture contains: retransmissions, segments out of order or overlapping, lost
 * segments (recorded as gaps), sequence numbers that wrap at 2^32, and ports reused by a new
 * connection. Each connection becomes one {@link securechat.sniffer.stream.TcpStream}, numbered as
 * tshark's {@code tcp.stream}.
 *
 * <p>Lab guide: every stage's chapter, "watch the wire".
 */
package securechat.sniffer.stream;
