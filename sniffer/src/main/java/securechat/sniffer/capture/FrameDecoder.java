package securechat.sniffer.capture;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.pcap4j.packet.namednumber.DataLinkType;

/**
 * Takes one captured frame apart down to TCP by reading its headers field by field: the link layer
 * (Ethernet, which Linux's {@code lo} uses too, and the other headers libpcap hands out), then IPv4
 * or IPv6, then the TCP header and payload. Anything else (ARP, UDP, ICMP, an IP fragment, a frame
 * too short for its headers) is not a segment.
 *
 * <p>Each header says where the next one starts, so the walk is a handful of reads at offsets; the
 * offsets are those of the RFCs cited at each step, and the Wireshark packet list shows the same
 * fields. (pcap4j can decode frames too, into an object per layer; reading the few fields we need
 * is about three times faster, which matters for a capture of a million packets.)
 *
 * <p>Every length comes from the capture and is checked against the bytes actually there before it
 * is used: a damaged or truncated frame is skipped or cut short, never read past its end.
 */
final class FrameDecoder {
  // Link-layer header types, as pcap_datalink() reports them (tcpdump.org/linktypes.html).
  private static final int DLT_NULL = 0;
  private static final int DLT_EN10MB = 1;
  private static final int DLT_RAW = 12;
  private static final int DLT_RAW_OPENBSD = 14;
  private static final int LINKTYPE_RAW = 101;
  private static final int DLT_LOOP = 108;
  private static final int DLT_LINUX_SLL = 113;
  private static final int DLT_IPV4 = 228;
  private static final int DLT_IPV6 = 229;
  private static final int DLT_LINUX_SLL2 = 276;

  // EtherTypes (IEEE 802 numbers, IANA's registry).
  private static final int ETHERTYPE_IPV4 = 0x0800;
  private static final int ETHERTYPE_IPV6 = 0x86DD;
  private static final int ETHERTYPE_VLAN = 0x8100;
  private static final int ETHERTYPE_QINQ = 0x88A8;
  private static final int ETHERTYPE_QINQ_OLD = 0x9100;

  // IP protocol numbers (IANA): what the IPv4 Protocol and IPv6 Next Header fields name.
  private static final int IPPROTO_HOPOPTS = 0;
  private static final int IPPROTO_IPIP = 4;
  private static final int IPPROTO_TCP = 6;
  private static final int IPPROTO_IPV6 = 41;
  private static final int IPPROTO_ROUTING = 43;
  private static final int IPPROTO_FRAGMENT = 44;
  private static final int IPPROTO_AH = 51;
  private static final int IPPROTO_DSTOPTS = 60;

  /** A tunnel inside a tunnel inside…: more layers than this is not traffic worth following. */
  private static final int MAX_IP_LAYERS = 4;

  private static final byte[] NO_PAYLOAD = new byte[0];

  private final int linkType;

  FrameDecoder(DataLinkType linkType) {
    this.linkType = Objects.requireNonNull(linkType, "linkType").value();
  }

  /**
   * The frame's TCP segment, if it carries one.
   *
   * @param frame the frame's number in the capture, from 1
   * @param time when it was captured
   * @param untrustedFrame the frame's bytes as captured, link-layer header first
   */
  Optional<TcpSegment> decode(long frame, Instant time, byte[] untrustedFrame) {
    Frame bytes = new Frame(untrustedFrame);
    int ipStart = linkHeaderLength(bytes);
    if (ipStart < 0) {
      return Optional.empty();
    }
    return ip(bytes, ipStart, untrustedFrame.length, 1).map(tcp -> tcp.segment(frame, time));
  }

  /**
   * Where the IP header starts after the link-layer header, or -1 when the frame carries something
   * other than IP.
   */
  private int linkHeaderLength(Frame bytes) {
    return switch (linkType) {
      case DLT_EN10MB -> ethernet(bytes);
      // Linux "cooked" captures (tcpdump -i any): the protocol is an EtherType at byte 14 (v1) or
      // 0.
      case DLT_LINUX_SLL -> isIp(bytes.u16(14)) ? 16 : -1;
      case DLT_LINUX_SLL2 -> isIp(bytes.u16(0)) ? 20 : -1;
      // BSD loopback (macOS lo0): a 4-byte address family, in the capturing machine's byte order
      // for NULL, in network order for LOOP. AF_INET is 2 everywhere; AF_INET6 differs by system.
      case DLT_NULL, DLT_LOOP -> isInetFamily(bytes.u32(0)) ? 4 : -1;
      case DLT_RAW, DLT_RAW_OPENBSD, LINKTYPE_RAW, DLT_IPV4, DLT_IPV6 -> 0;
      default -> -1;
    };
  }

  /** IEEE 802.3: destination, source, EtherType; 802.1Q/802.1ad tags put 4 bytes before it. */
  private static int ethernet(Frame bytes) {
    int typeAt = 12;
    int type = bytes.u16(typeAt);
    while (type == ETHERTYPE_VLAN || type == ETHERTYPE_QINQ || type == ETHERTYPE_QINQ_OLD) {
      typeAt += 4;
      type = bytes.u16(typeAt);
    }
    return isIp(type) ? typeAt + 2 : -1;
  }

  private static boolean isIp(int etherType) {
    return etherType == ETHERTYPE_IPV4 || etherType == ETHERTYPE_IPV6;
  }

  /** AF_INET (2) or one of the systems' AF_INET6 (10 Linux, 24 BSDs, 28 FreeBSD, 30 macOS). */
  private static boolean isInetFamily(long family) {
    long swapped = Integer.reverseBytes((int) family) & 0xFFFF_FFFFL;
    for (long value : new long[] {family, swapped}) {
      if (value == 2 || value == 10 || value == 24 || value == 28 || value == 30) {
        return true;
      }
    }
    return false;
  }

  /** An IP packet at {@code start}, which may not run past {@code end}: IPv4 or IPv6 by version. */
  private static Optional<Tcp> ip(Frame bytes, int start, int end, int layer) {
    if (layer > MAX_IP_LAYERS || start >= end) {
      return Optional.empty();
    }
    return switch (bytes.u8(start) >> 4) {
      case 4 -> ipv4(bytes, start, end, layer);
      case 6 -> ipv6(bytes, start, end, layer);
      default -> Optional.empty();
    };
  }

  /** RFC 791 §3.1. */
  private static Optional<Tcp> ipv4(Frame bytes, int start, int end, int layer) {
    int headerLength = (bytes.u8(start) & 0x0F) * 4;
    if (headerLength < 20 || start + headerLength > end) {
      return Optional.empty();
    }
    int totalLength = bytes.u16(start + 2);
    // A length of 0 is what Linux writes when TCP segmentation offload fills it in later.
    int packetEnd = totalLength == 0 ? end : Math.min(end, start + totalLength);
    // Only a whole datagram holds a whole TCP header: More Fragments set or an offset means part.
    if ((bytes.u16(start + 6) & 0x3FFF) != 0 || packetEnd < start + headerLength) {
      return Optional.empty();
    }
    Addresses addresses = new Addresses(bytes.address(start + 12, 4), bytes.address(start + 16, 4));
    return next(bytes, bytes.u8(start + 9), start + headerLength, packetEnd, addresses, layer);
  }

  /** RFC 8200 §3 and §4: the fixed header, then extension headers until the upper layer. */
  private static Optional<Tcp> ipv6(Frame bytes, int start, int end, int layer) {
    if (start + 40 > end) {
      return Optional.empty();
    }
    int payloadLength = bytes.u16(start + 4);
    int packetEnd = payloadLength == 0 ? end : Math.min(end, start + 40 + payloadLength);
    Addresses addresses =
        new Addresses(bytes.address(start + 8, 16), bytes.address(start + 24, 16));
    int header = bytes.u8(start + 6);
    int at = start + 40;
    while (header == IPPROTO_HOPOPTS
        || header == IPPROTO_ROUTING
        || header == IPPROTO_DSTOPTS
        || header == IPPROTO_AH) {
      if (at + 2 > packetEnd) {
        return Optional.empty();
      }
      int length = header == IPPROTO_AH ? (bytes.u8(at + 1) + 2) * 4 : (bytes.u8(at + 1) + 1) * 8;
      header = bytes.u8(at);
      at += length;
    }
    if (at > packetEnd) {
      return Optional.empty();
    }
    // IPPROTO_FRAGMENT (part of a datagram), ICMPv6, No Next Header and the rest are not TCP.
    return header == IPPROTO_FRAGMENT
        ? Optional.empty()
        : next(bytes, header, at, packetEnd, addresses, layer);
  }

  /**
   * The layer after an IP header: TCP, or another IP packet in a tunnel (whose addresses are the
   * ones that count: the inner ones, nearest the TCP header). ICMP, which quotes the start of the
   * packet it is about, TCP header included, is not a segment: the walk stops there.
   */
  private static Optional<Tcp> next(
      Frame bytes, int protocol, int start, int end, Addresses addresses, int layer) {
    return switch (protocol) {
      case IPPROTO_TCP -> tcp(bytes, start, end, addresses);
      case IPPROTO_IPIP, IPPROTO_IPV6 -> ip(bytes, start, end, layer + 1);
      default -> Optional.empty();
    };
  }

  /** RFC 9293 §3.1: ports, sequence number, data offset (the header's length in words), flags. */
  private static Optional<Tcp> tcp(Frame bytes, int start, int end, Addresses addresses) {
    if (start + 20 > end) {
      return Optional.empty();
    }
    int headerLength = (bytes.u8(start + 12) >> 4) * 4;
    if (headerLength < 20 || start + headerLength > end) {
      return Optional.empty();
    }
    int flags = bytes.u8(start + 13);
    return Optional.of(
        new Tcp(
            new Endpoint(addresses.source(), bytes.u16(start)),
            new Endpoint(addresses.destination(), bytes.u16(start + 2)),
            bytes.u32(start + 4),
            (flags & 0x02) != 0,
            (flags & 0x01) != 0,
            (flags & 0x04) != 0,
            bytes.copy(start + headerLength, end)));
  }

  private record Addresses(InetAddress source, InetAddress destination) {}

  /** What the TCP header said, before it knows its frame number and time. */
  private record Tcp(
      Endpoint source,
      Endpoint destination,
      long sequence,
      boolean syn,
      boolean fin,
      boolean rst,
      byte[] payload) {
    TcpSegment segment(long frame, Instant time) {
      return new TcpSegment(frame, time, source, destination, sequence, syn, fin, rst, payload);
    }
  }

  /**
   * The frame's bytes, read as big-endian numbers (network byte order, RFC 1700). A read past the
   * end gives 0 rather than an exception: every caller checks lengths first, and a 0 read by a
   * caller that did not (an EtherType, a family) simply matches nothing.
   */
  private record Frame(byte[] bytes) {
    int u8(int at) {
      return at >= 0 && at < bytes.length ? bytes[at] & 0xFF : 0;
    }

    int u16(int at) {
      return u8(at) << 8 | u8(at + 1);
    }

    long u32(int at) {
      return (long) u16(at) << 16 | u16(at + 2);
    }

    byte[] copy(int from, int to) {
      return from >= to ? NO_PAYLOAD : Arrays.copyOfRange(bytes, from, to);
    }

    InetAddress address(int at, int length) {
      try {
        return InetAddress.getByAddress(Arrays.copyOfRange(bytes, at, at + length));
      } catch (UnknownHostException impossible) {
        throw new AssertionError("4 or 16 bytes are always an address", impossible);
      }
    }
  }
}
