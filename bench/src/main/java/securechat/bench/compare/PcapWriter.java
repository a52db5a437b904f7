package securechat.bench.compare;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a classic pcap file (the libpcap format every capture tool reads) of IPv4 TCP segments
 * over Ethernet, as Linux captures the loopback interface: zero MAC addresses, a 20-byte IP header,
 * and a TCP header with the timestamps option, as Linux sends it. Checksums are computed, so tshark
 * sees no errors even when told to check them.
 */
final class PcapWriter implements AutoCloseable {
  private static final int LINKTYPE_ETHERNET = 1;
  private static final int ETHERNET = 14;
  private static final int IP = 20;
  private static final int TCP = 32;

  /** TCP flag bits, RFC 9293 §3.1. */
  static final int FIN = 0x01;

  static final int SYN = 0x02;
  static final int PSH = 0x08;
  static final int ACK = 0x10;

  private final OutputStream out;
  private final ByteBuffer frame = ByteBuffer.allocate(70_000);

  PcapWriter(Path file) throws IOException {
    out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
    ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
    header.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0);
    header.putInt(262_144).putInt(LINKTYPE_ETHERNET);
    out.write(header.array());
  }

  /**
   * Appends one segment from 127.0.0.1:{@code sourcePort} to 127.0.0.1:{@code destinationPort}.
   *
   * @param micros capture time, microseconds since the epoch
   */
  void write(
      long micros,
      int sourcePort,
      int destinationPort,
      long sequence,
      long ack,
      int flags,
      byte[] payload)
      throws IOException {
    frame.clear();
    frame.put(new byte[12]).putShort((short) 0x0800);
    int ipStart = frame.position();
    frame.put((byte) 0x45).put((byte) 0).putShort((short) (IP + TCP + payload.length));
    frame.putShort((short) 0).putShort((short) 0x4000).put((byte) 64).put((byte) 6);
    frame.putShort((short) 0).putInt(0x7f000001).putInt(0x7f000001);
    frame.putShort(ipStart + 10, checksum(frame.array(), ipStart, IP, 0));
    int tcpStart = frame.position();
    frame.putShort((short) sourcePort).putShort((short) destinationPort);
    frame.putInt((int) sequence).putInt((int) ack);
    frame.put((byte) ((TCP / 4) << 4)).put((byte) flags).putShort((short) 65_483);
    frame.putShort((short) 0).putShort((short) 0);
    // Options: NOP, NOP, timestamps (kind 8, length 10), as Linux sends on every segment.
    frame.put((byte) 1).put((byte) 1).put((byte) 8).put((byte) 10);
    frame.putInt((int) (micros / 1000)).putInt((int) (micros / 1000));
    frame.put(payload);
    int tcpLength = TCP + payload.length;
    // RFC 9293 §3.1: the checksum covers a pseudo-header of addresses, protocol and length.
    int pseudo = 0x7f00 + 0x0001 + 0x7f00 + 0x0001 + 6 + tcpLength;
    frame.putShort(tcpStart + 16, checksum(frame.array(), tcpStart, tcpLength, pseudo));
    record(micros, frame.position());
  }

  private void record(long micros, int length) throws IOException {
    ByteBuffer header = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
    header.putInt((int) (micros / 1_000_000)).putInt((int) (micros % 1_000_000));
    header.putInt(length).putInt(length);
    out.write(header.array());
    out.write(frame.array(), 0, length);
  }

  /** The Internet checksum, RFC 1071: one's complement of the one's complement sum. */
  private static short checksum(byte[] bytes, int offset, int length, int initial) {
    long sum = initial;
    for (int i = 0; i + 1 < length; i += 2) {
      sum += ((bytes[offset + i] & 0xff) << 8) | (bytes[offset + i + 1] & 0xff);
    }
    if (length % 2 == 1) {
      sum += (bytes[offset + length - 1] & 0xff) << 8;
    }
    while ((sum >> 16) != 0) {
      sum = (sum & 0xffff) + (sum >> 16);
    }
    return (short) ~sum;
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
