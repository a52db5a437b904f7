package securechat.sniffer.stream;

import securechat.sniffer.capture.Endpoint;
import securechat.sniffer.capture.TcpSegment;

/** A connection being reassembled: its stream and one {@link Flow} per direction. */
final class Connection {
  private final TcpStream stream;
  private final Flow toServer;
  private final Flow toClient;

  Connection(int index, TcpSegment first, int maxHeldBytes) {
    Endpoint client = clientOf(first);
    Endpoint server = client.equals(first.source()) ? first.destination() : first.source();
    this.stream = new TcpStream(index, client, server, first.time());
    this.toServer = new Flow(stream, Direction.CLIENT_TO_SERVER, maxHeldBytes);
    this.toClient = new Flow(stream, Direction.SERVER_TO_CLIENT, maxHeldBytes);
  }

  /**
   * The client sent the SYN; without one in the capture, guess the side with the higher port, since
   * clients use ephemeral ports (IANA: 49152-65535; Linux: 32768-60999) and servers low ones.
   */
  private static Endpoint clientOf(TcpSegment first) {
    if (first.syn()) {
      return first.source();
    }
    return first.source().port() >= first.destination().port()
        ? first.source()
        : first.destination();
  }

  TcpStream stream() {
    return stream;
  }

  /** Returns whether {@code segment} is a SYN that opens a new connection on this 4-tuple. */
  boolean isReusedBy(TcpSegment segment) {
    return segment.syn() && stream.ended() && flowOf(segment).isNewSyn(segment);
  }

  void accept(TcpSegment segment) {
    stream.count(segment.time());
    if (segment.rst()) {
      stream.markReset();
      flush();
      return;
    }
    flowOf(segment).accept(segment);
  }

  void flush() {
    toServer.flush();
    toClient.flush();
  }

  private Flow flowOf(TcpSegment segment) {
    return segment.source().equals(stream.client()) ? toServer : toClient;
  }
}
