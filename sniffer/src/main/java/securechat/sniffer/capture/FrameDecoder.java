package securechat.sniffer.capture;

import java.net.InetAddress;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.pcap4j.packet.IcmpV4CommonPacket;
import org.pcap4j.packet.IcmpV6CommonPacket;
import org.pcap4j.packet.IpV4Packet;
import org.pcap4j.packet.IpV6Packet;
import org.pcap4j.packet.Packet;
import org.pcap4j.packet.TcpPacket;
import org.pcap4j.packet.factory.PacketFactories;
import org.pcap4j.packet.factory.PacketFactory;
import org.pcap4j.packet.namednumber.DataLinkType;

/**
 * Takes one captured frame apart down to TCP: link layer (Ethernet, on Linux's {@code lo} too),
 * then IPv4 or IPv6, then the TCP header and payload. Anything else (ARP, UDP, an IP fragment, a
 * frame pcap4j cannot parse) is not a segment.
 */
final class FrameDecoder {
  private final DataLinkType linkType;
  private final PacketFactory<Packet, DataLinkType> factory =
      PacketFactories.getFactory(Packet.class, DataLinkType.class);

  FrameDecoder(DataLinkType linkType) {
    this.linkType = Objects.requireNonNull(linkType, "linkType");
  }

  /**
   * The frame's TCP segment, if it carries one.
   *
   * @param frame the frame's number in the capture, from 1
   * @param time when it was captured
   * @param untrustedFrame the frame's bytes as captured, link-layer header first
   */
  Optional<TcpSegment> decode(long frame, Instant time, byte[] untrustedFrame) {
    Packet packet;
    try {
      packet = factory.newInstance(untrustedFrame, 0, untrustedFrame.length, linkType);
    } catch (RuntimeException e) {
      // pcap4j wraps what it recognises as damaged; anything it still throws on is damaged too.
      return Optional.empty();
    }
    return findSegment(frame, time, packet);
  }

  /**
   * Walks the layers from the outside in. The addresses are those of the IP header nearest the TCP
   * header (the inner one, in a tunnel). An ICMP error quotes the start of the packet it is about,
   * TCP header included: that quote is not a segment, so the walk stops at ICMP.
   */
  private static Optional<TcpSegment> findSegment(long frame, Instant time, Packet packet) {
    Addresses addresses = null;
    for (Packet layer = packet; layer != null; layer = layer.getPayload()) {
      if (layer instanceof IpV4Packet ip) {
        addresses = new Addresses(ip.getHeader().getSrcAddr(), ip.getHeader().getDstAddr());
      } else if (layer instanceof IpV6Packet ip) {
        addresses = new Addresses(ip.getHeader().getSrcAddr(), ip.getHeader().getDstAddr());
      } else if (layer instanceof IcmpV4CommonPacket || layer instanceof IcmpV6CommonPacket) {
        return Optional.empty();
      } else if (layer instanceof TcpPacket tcp && addresses != null) {
        return Optional.of(segment(frame, time, addresses, tcp));
      }
    }
    return Optional.empty();
  }

  private static TcpSegment segment(long frame, Instant time, Addresses ends, TcpPacket tcp) {
    TcpPacket.TcpHeader header = tcp.getHeader();
    Packet payload = tcp.getPayload();
    return new TcpSegment(
        frame,
        time,
        new Endpoint(ends.source(), header.getSrcPort().valueAsInt()),
        new Endpoint(ends.destination(), header.getDstPort().valueAsInt()),
        header.getSequenceNumberAsLong(),
        header.getSyn(),
        header.getFin(),
        header.getRst(),
        payload == null ? new byte[0] : payload.getRawData());
  }

  private record Addresses(InetAddress source, InetAddress destination) {}
}
