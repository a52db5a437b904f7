package securechat.sniffer.capture;

/**
 * How many packets a capture has read so far, and what became of them. Every packet is either
 * delivered as a TCP segment or skipped, so {@code packets == tcpSegments + skipped}.
 *
 * @param packets every packet read, which is also the number of the last frame
 * @param tcpSegments the packets delivered as {@link TcpSegment}s
 * @param skipped the packets not delivered: not TCP over IPv4 or IPv6, left out by the filter, or
 *     too damaged to take apart
 */
public record CaptureCounts(long packets, long tcpSegments, long skipped) {
  /** Before the first packet. */
  public static final CaptureCounts NONE = new CaptureCounts(0, 0, 0);

  public CaptureCounts {
    if (tcpSegments < 0 || skipped < 0 || packets != tcpSegments + skipped) {
      throw new IllegalArgumentException(
          "counts must add up: " + packets + " != " + tcpSegments + " + " + skipped);
    }
  }

  CaptureCounts plusTcpSegment() {
    return new CaptureCounts(packets + 1, tcpSegments + 1, skipped);
  }

  CaptureCounts plusSkipped() {
    return new CaptureCounts(packets + 1, tcpSegments, skipped + 1);
  }

  @Override
  public String toString() {
    return packets + " packets: " + tcpSegments + " TCP segments, " + skipped + " skipped";
  }
}
