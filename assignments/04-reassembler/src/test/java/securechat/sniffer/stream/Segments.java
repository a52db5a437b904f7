package securechat.sniffer.stream;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.List;
import securechat.sniffer.capture.Endpoint;
import securechat.sniffer.capture.TcpSegment;

/**
 * Writes made-up captured TCP segments for the tests: frames numbered from 1, one millisecond
 * apart, as a capture file would give them to the reassembler.
 */
final class Segments {
  static final Endpoint CLIENT = endpoint("10.0.0.1", 51000);
  static final Endpoint SERVER = endpoint("10.0.0.2", 7001);
  static final Instant START = Instant.parse("2025-03-01T10:00:00Z");

  private long frame;

  static Endpoint endpoint(String host, int port) {
    try {
      return new Endpoint(InetAddress.getByName(host), port);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(host, e);
    }
  }

  /**
   * A SYN without data: it opens the direction {@code from → to} at sequence number {@code isn}.
   */
  TcpSegment syn(Endpoint from, Endpoint to, long isn) {
    return next(from, to, isn, true, false, new byte[0]);
  }

  /** A SYN that carries data, as TCP Fast Open allows. */
  TcpSegment synWithData(Endpoint from, Endpoint to, long isn, String payload) {
    return next(from, to, isn, true, false, payload.getBytes(US_ASCII));
  }

  /** A segment whose first payload byte has sequence number {@code sequence}. */
  TcpSegment data(Endpoint from, Endpoint to, long sequence, String payload) {
    return data(from, to, sequence, payload.getBytes(US_ASCII));
  }

  TcpSegment data(Endpoint from, Endpoint to, long sequence, byte[] payload) {
    return next(from, to, sequence, false, false, payload);
  }

  /** A FIN after {@code payload}, which may be empty. */
  TcpSegment fin(Endpoint from, Endpoint to, long sequence, String payload) {
    return next(from, to, sequence, false, true, payload.getBytes(US_ASCII));
  }

  /** A RST from {@code from}. */
  TcpSegment rst(Endpoint from, Endpoint to, long sequence) {
    frame++;
    return new TcpSegment(
        frame, START.plusMillis(frame), from, to, sequence, false, false, true, new byte[0]);
  }

  /** Feeds {@code segments} in this order, finishes, and returns the streams. */
  static List<TcpStream> reassemble(List<TcpSegment> segments) {
    TcpReassembler reassembler = new TcpReassembler();
    segments.forEach(reassembler::accept);
    reassembler.finish();
    return reassembler.streams();
  }

  static List<TcpStream> reassemble(TcpSegment... segments) {
    return reassemble(List.of(segments));
  }

  static String text(TcpStream stream, Direction direction) {
    return new String(stream.bytes(direction), US_ASCII);
  }

  private TcpSegment next(
      Endpoint from, Endpoint to, long sequence, boolean syn, boolean fin, byte[] payload) {
    frame++;
    return new TcpSegment(
        frame, START.plusMillis(frame), from, to, sequence, syn, fin, false, payload);
  }
}
