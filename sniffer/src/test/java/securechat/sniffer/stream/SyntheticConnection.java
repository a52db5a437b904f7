package securechat.sniffer.stream;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import securechat.sniffer.capture.Endpoint;
import securechat.sniffer.capture.TcpSegment;

/**
 * A test helper that writes the segments of one made-up TCP connection, keeping each side's
 * sequence numbers, frame numbers and capture times, and reassembles them into a {@link TcpStream}.
 */
public final class SyntheticConnection {
  /** When the first frame of every synthetic capture was seen. */
  public static final Instant START = Instant.parse("2025-03-01T10:00:00Z");

  private final Endpoint client;
  private final Endpoint server;
  private final List<TcpSegment> segments = new ArrayList<>();
  private long clientSequence;
  private long serverSequence;
  private long frame;

  /** A connection from 127.0.0.1:{@code clientPort} to 127.0.0.1:{@code serverPort}. */
  public SyntheticConnection(int clientPort, int serverPort, long clientIsn, long serverIsn) {
    this.client = endpoint("127.0.0.1", clientPort);
    this.server = endpoint("127.0.0.1", serverPort);
    this.clientSequence = clientIsn;
    this.serverSequence = serverIsn;
  }

  /** A connection from port 50000 to {@code serverPort} with fixed initial sequence numbers. */
  public SyntheticConnection(int serverPort) {
    this(50000, serverPort, 1000, 90000);
  }

  /** Returns the endpoint {@code host:port}. */
  public static Endpoint endpoint(String host, int port) {
    try {
      return new Endpoint(InetAddress.getByName(host), port);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(host, e);
    }
  }

  public Endpoint client() {
    return client;
  }

  public Endpoint server() {
    return server;
  }

  /** Adds the three-way handshake: SYN, SYN-ACK, ACK. */
  public SyntheticConnection handshake() {
    add(client, server, clientSequence, true, false, false, new byte[0]);
    add(server, client, serverSequence, true, false, false, new byte[0]);
    clientSequence = (clientSequence + 1) % (1L << 32);
    serverSequence = (serverSequence + 1) % (1L << 32);
    add(client, server, clientSequence, false, false, false, new byte[0]);
    return this;
  }

  /** Adds one segment from the client carrying {@code payload}. */
  public SyntheticConnection clientSends(byte[] payload) {
    add(client, server, clientSequence, false, false, false, payload);
    clientSequence = (clientSequence + payload.length) % (1L << 32);
    return this;
  }

  /** Adds one segment from the server carrying {@code payload}. */
  public SyntheticConnection serverSends(byte[] payload) {
    add(server, client, serverSequence, false, false, false, payload);
    serverSequence = (serverSequence + payload.length) % (1L << 32);
    return this;
  }

  /** Adds a FIN from each side. */
  public SyntheticConnection close() {
    add(client, server, clientSequence, false, true, false, new byte[0]);
    add(server, client, serverSequence, false, true, false, new byte[0]);
    clientSequence++;
    serverSequence++;
    return this;
  }

  /** Returns the segments written so far, in capture order. */
  public List<TcpSegment> segments() {
    return List.copyOf(segments);
  }

  /** Reassembles the segments written so far into one stream. */
  public TcpStream stream() {
    TcpReassembler reassembler = new TcpReassembler();
    segments.forEach(reassembler::accept);
    reassembler.finish();
    return reassembler.streams().get(0);
  }

  private void add(
      Endpoint from,
      Endpoint to,
      long sequence,
      boolean syn,
      boolean fin,
      boolean rst,
      byte[] payload) {
    frame++;
    Instant time = START.plus(Duration.ofMillis(10 * frame));
    segments.add(new TcpSegment(frame, time, from, to, sequence, syn, fin, rst, payload));
  }
}
