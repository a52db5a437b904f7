/**
 * The sniffer ({@code lab sniff}): captures the chat on the wire with pcap4j ({@code capture}),
 * reassembles each TCP connection into its two byte streams ({@code stream}), takes each stream
 * apart as its stage's protocol ({@code dissect}), and reports what an eavesdropper sees ({@code
 * report}).
 *
 * <pre>
 *  libpcap ─▶ capture: TcpSegment ─▶ stream: TcpReassembler ─▶ TcpStream ─▶ dissect: Dissector
 *                                                                  ─▶ report: terminal, JSON, HTML
 * </pre>
 *
 * <p>Lab guide: every stage's chapter, "watch the wire".
 */
package securechat.sniffer;
