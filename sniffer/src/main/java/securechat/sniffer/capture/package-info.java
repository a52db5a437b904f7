/**
 * Capture: packets from libpcap (through pcap4j), live from an interface or read from a pcap or
 * pcapng file, each TCP packet over IPv4 or IPv6 handed on as one {@link
 * securechat.sniffer.capture.TcpSegment}. Frames are numbered from 1 over every packet read, as
 * Wireshark numbers them, so that a frame number here finds the same packet there. Nothing is
 * reassembled here: that is {@code stream}'s job. Lab guide: {@code lab-guide/01-plain.md} and each
 * later stage's chapter, where the sniffer watches the wire.
 *
 * <pre>
 *  lo ─▶ libpcap ─▶ LiveCapture ──┐                ┌─▶ TcpSegment ─▶ consumer
 *                   (--write) ─▶ classic pcap file │
 *  file.pcap(ng) ─▶ PcapFileReader ─▶ FrameDecoder ┴─▶ (not TCP: counted as skipped)
 * </pre>
 */
package securechat.sniffer.capture;
