package securechat.sniffer.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.Pcaps;
import org.pcap4j.packet.IcmpV4CommonPacket;
import org.pcap4j.packet.IcmpV6CommonPacket;
import org.pcap4j.packet.IpV4Packet;
import org.pcap4j.packet.IpV6Packet;
import org.pcap4j.packet.Packet;
import org.pcap4j.packet.TcpPacket;
import org.pcap4j.packet.factory.PacketFactories;
import org.pcap4j.packet.namednumber.DataLinkType;

/**
 * Our frame decoder reads the headers itself; pcap4j's packet factory is an independent decoder of
 * the same frames. Every frame of the committed captures, put in each link-layer header libpcap
 * hands out and cut at every length, must give the same segment (or none) from both.
 */
class FrameDecoderAgreesWithPcap4jTest {
  private static final Instant TIME = Instant.parse("2026-11-24T12:00:00Z");

  @Test
  void everyFrameOfTheCommittedCapturesDecodesAsPcap4jDecodesIt() throws Exception {
    List<byte[]> frames = ethernetFrames();
    assertThat(frames).hasSizeGreaterThan(80);
    int segments = 0;
    for (byte[] frame : frames) {
      segments += agree(DataLinkType.EN10MB, frame) ? 1 : 0;
    }
    assertThat(segments).as("frames that are TCP segments").isGreaterThan(frames.size() / 2);
  }

  @Test
  void everyLinkLayerAndEveryTruncationGivesWhatPcap4jGives() throws Exception {
    for (byte[] ethernet : ethernetFrames().subList(0, 40)) {
      byte[] ip = Arrays.copyOfRange(ethernet, 14, ethernet.length);
      List<Framed> variants =
          List.of(
              new Framed(DataLinkType.EN10MB, ethernet),
              new Framed(DataLinkType.EN10MB, vlanTagged(ethernet)),
              new Framed(DataLinkType.EN10MB, padded(ethernet)),
              new Framed(DataLinkType.LINUX_SLL, linuxCooked(ethernet, ip)),
              new Framed(DataLinkType.RAW, ip));
      for (Framed variant : variants) {
        for (int length = 0; length <= variant.bytes().length; length++) {
          agree(variant.linkType(), Arrays.copyOf(variant.bytes(), length));
        }
      }
    }
  }

  /**
   * pcap4j does not decode BSD loopback frames (macOS lo0) down to IP, so there the reference is
   * our own decoder on the same IP packet without a link-layer header.
   */
  @Test
  void aBsdLoopbackFrameInEitherByteOrderGivesTheSegmentItsIpPacketGives() throws Exception {
    for (byte[] ethernet : ethernetFrames()) {
      byte[] ip = Arrays.copyOfRange(ethernet, 14, ethernet.length);
      Optional<TcpSegment> raw = new FrameDecoder(DataLinkType.RAW).decode(1, TIME, ip);
      for (ByteOrder order : List.of(ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN)) {
        assertThat(new FrameDecoder(DataLinkType.NULL).decode(1, TIME, bsdLoopback(ip, order)))
            .usingRecursiveComparison()
            .isEqualTo(raw);
      }
    }
  }

  @Test
  void damagedFramesNeverThrow() throws Exception {
    FrameDecoder decoder = new FrameDecoder(DataLinkType.EN10MB);
    Random random = new Random(7);
    for (byte[] frame : ethernetFrames()) {
      for (int i = 0; i < 50; i++) {
        byte[] damaged = frame.clone();
        damaged[random.nextInt(damaged.length)] ^= (byte) (1 << random.nextInt(8));
        assertThat(decoder.decode(1, TIME, damaged)).isNotNull();
      }
    }
  }

  /** Asserts both decoders give the same segment or none; true if there was one. */
  private static boolean agree(DataLinkType linkType, byte[] frame) {
    Optional<TcpSegment> ours = new FrameDecoder(linkType).decode(1, TIME, frame);
    Optional<TcpSegment> theirs = pcap4j(linkType, frame);
    String what = linkType + " frame of " + frame.length + " bytes";
    assertThat(ours.isPresent()).as(what).isEqualTo(theirs.isPresent());
    if (ours.isPresent()) {
      TcpSegment a = ours.get();
      TcpSegment b = theirs.get();
      assertThat(a.source()).as(what).isEqualTo(b.source());
      assertThat(a.destination()).as(what).isEqualTo(b.destination());
      assertThat(a.sequence()).as(what).isEqualTo(b.sequence());
      assertThat(List.of(a.syn(), a.fin(), a.rst()))
          .as(what)
          .isEqualTo(List.of(b.syn(), b.fin(), b.rst()));
      assertThat(a.payload()).as(what).isEqualTo(b.payload());
    }
    return ours.isPresent();
  }

  /** The reference: pcap4j's factory decodes every layer; the walk takes the innermost TCP. */
  private static Optional<TcpSegment> pcap4j(DataLinkType linkType, byte[] frame) {
    Packet packet;
    try {
      packet =
          PacketFactories.getFactory(Packet.class, DataLinkType.class)
              .newInstance(frame, 0, frame.length, linkType);
    } catch (RuntimeException damaged) {
      return Optional.empty();
    }
    InetAddress[] ends = null;
    for (Packet layer = packet; layer != null; layer = layer.getPayload()) {
      if (layer instanceof IpV4Packet ip) {
        if (ip.getHeader().getMoreFragmentFlag() || ip.getHeader().getFragmentOffset() != 0) {
          return Optional.empty();
        }
        ends = new InetAddress[] {ip.getHeader().getSrcAddr(), ip.getHeader().getDstAddr()};
      } else if (layer instanceof IpV6Packet ip) {
        ends = new InetAddress[] {ip.getHeader().getSrcAddr(), ip.getHeader().getDstAddr()};
      } else if (layer instanceof IcmpV4CommonPacket || layer instanceof IcmpV6CommonPacket) {
        return Optional.empty();
      } else if (layer instanceof TcpPacket tcp && ends != null) {
        TcpPacket.TcpHeader header = tcp.getHeader();
        Packet payload = tcp.getPayload();
        return Optional.of(
            new TcpSegment(
                1,
                TIME,
                new Endpoint(ends[0], header.getSrcPort().valueAsInt()),
                new Endpoint(ends[1], header.getDstPort().valueAsInt()),
                header.getSequenceNumberAsLong(),
                header.getSyn(),
                header.getFin(),
                header.getRst(),
                payload == null ? new byte[0] : payload.getRawData()));
      }
    }
    return Optional.empty();
  }

  private record Framed(DataLinkType linkType, byte[] bytes) {}

  /** The frames of every committed capture: loopback chat over IPv4 and IPv6, all four stages. */
  private static List<byte[]> ethernetFrames() throws Exception {
    List<byte[]> frames = new ArrayList<>();
    for (String name :
        List.of(Captures.CHAT_PCAPNG, "stage-plain.pcap", "stage-tls.pcap", "stage-ecdhe.pcap")) {
      PcapHandle handle = Pcaps.openOffline(Captures.path(name).toString());
      try {
        while (true) {
          frames.add(handle.getNextRawPacketEx());
        }
      } catch (EOFException end) {
        // every frame read
      } catch (TimeoutException impossible) {
        throw new IllegalStateException(impossible);
      } finally {
        handle.close();
      }
    }
    return frames;
  }

  /** An 802.1Q tag (VLAN 100) between the source address and the EtherType. */
  private static byte[] vlanTagged(byte[] ethernet) {
    return ByteBuffer.allocate(ethernet.length + 4)
        .put(ethernet, 0, 12)
        .putShort((short) 0x8100)
        .putShort((short) 100)
        .put(ethernet, 12, ethernet.length - 12)
        .array();
  }

  /** Ethernet pads short frames; the IP length says where the packet really ends. */
  private static byte[] padded(byte[] ethernet) {
    return Arrays.copyOf(ethernet, ethernet.length + 6);
  }

  /** Linux's cooked header (tcpdump -i any): 16 bytes, the EtherType last. */
  private static byte[] linuxCooked(byte[] ethernet, byte[] ip) {
    return ByteBuffer.allocate(16 + ip.length)
        .putShort((short) 0) // to us
        .putShort((short) 772) // ARPHRD_LOOPBACK
        .putShort((short) 6)
        .put(new byte[8])
        .put(ethernet, 12, 2)
        .put(ip)
        .array();
  }

  /** BSD loopback: the address family (macOS's AF_INET6 is 30) in the capturer's byte order. */
  private static byte[] bsdLoopback(byte[] ip, ByteOrder order) {
    int family = (ip[0] >> 4) == 4 ? 2 : 30;
    return ByteBuffer.allocate(4 + ip.length).order(order).putInt(family).put(ip).array();
  }
}
