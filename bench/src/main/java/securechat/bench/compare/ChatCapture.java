package securechat.bench.compare;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import securechat.bench.ChatScript;

/**
 * Makes a capture file of a plain-stage chat room, as {@code lab sniff --write} would record it on
 * the loopback interface: {@value #CLIENTS} clients connect to port 7001 and hold {@link
 * ChatScript}'s conversation; the receiver of each segment acknowledges it, as Linux does on
 * loopback. Once the file holds about the asked number of packets, every client closes its
 * connection. The same file is read by tshark and by our sniffer.
 */
final class ChatCapture {
  static final int CLIENTS = 20;
  static final int SERVER_PORT = 7001;
  private static final long START_MICROS = 1_740_823_200_000_000L; // 2025-03-01T10:00:00Z
  private final PcapWriter writer;
  private long packets;

  private ChatCapture(PcapWriter writer) {
    this.writer = writer;
  }

  /**
   * Writes the capture.
   *
   * @param minimumPackets the file holds at least this many packets, and a few more to close
   * @return how many packets it holds
   */
  static long write(Path file, int minimumPackets) throws IOException {
    try (PcapWriter writer = new PcapWriter(file)) {
      ChatCapture capture = new ChatCapture(writer);
      List<Link> links = new ArrayList<>();
      for (int number = 0; number < CLIENTS; number++) {
        links.add(capture.new Link(50_001 + number, 1_000_000L * (number + 1)));
      }
      ChatScript.Wire<IOException> wire =
          new ChatScript.Wire<>() {
            @Override
            public void open(int client) throws IOException {
              links.get(client).open();
            }

            @Override
            public void clientSends(int client, String line) throws IOException {
              links.get(client).clientSends(line);
            }

            @Override
            public void serverSends(int client, String line) throws IOException {
              links.get(client).serverSends(line);
            }
          };
      for (int number = 0; number < CLIENTS; number++) {
        ChatScript.logIn(number, wire);
      }
      for (int turn = 0; capture.packets < minimumPackets; turn++) {
        ChatScript.turn(CLIENTS, turn, wire);
      }
      for (Link link : links) {
        link.close();
      }
      return capture.packets;
    }
  }

  /** Each packet 20 µs after the one before. */
  private void write(int from, int to, long sequence, long ack, int flags, byte[] payload)
      throws IOException {
    writer.write(START_MICROS + 20 * packets, from, to, sequence, ack, flags, payload);
    packets++;
  }

  /** One client's connection: its port and both sides' next sequence numbers. */
  private final class Link {
    private final int port;
    private long clientSequence;
    private long serverSequence;

    Link(int port, long initialSequence) {
      this.port = port;
      this.clientSequence = initialSequence;
      this.serverSequence = 3_000_000_000L + initialSequence;
    }

    /** The three-way handshake. RFC 9293 §3.4: each SYN takes one sequence number. */
    void open() throws IOException {
      write(port, SERVER_PORT, clientSequence, 0, PcapWriter.SYN, new byte[0]);
      write(
          SERVER_PORT,
          port,
          serverSequence,
          clientSequence + 1,
          PcapWriter.SYN | PcapWriter.ACK,
          new byte[0]);
      clientSequence++;
      serverSequence++;
      write(port, SERVER_PORT, clientSequence, serverSequence, PcapWriter.ACK, new byte[0]);
    }

    void clientSends(String line) throws IOException {
      byte[] payload = (line + "\n").getBytes(UTF_8);
      write(
          port,
          SERVER_PORT,
          clientSequence,
          serverSequence,
          PcapWriter.PSH | PcapWriter.ACK,
          payload);
      clientSequence += payload.length;
      write(SERVER_PORT, port, serverSequence, clientSequence, PcapWriter.ACK, new byte[0]);
    }

    void serverSends(String line) throws IOException {
      byte[] payload = (line + "\n").getBytes(UTF_8);
      write(
          SERVER_PORT,
          port,
          serverSequence,
          clientSequence,
          PcapWriter.PSH | PcapWriter.ACK,
          payload);
      serverSequence += payload.length;
      write(port, SERVER_PORT, clientSequence, serverSequence, PcapWriter.ACK, new byte[0]);
    }

    /** The client closes first; each FIN takes one sequence number. */
    void close() throws IOException {
      write(
          port,
          SERVER_PORT,
          clientSequence,
          serverSequence,
          PcapWriter.FIN | PcapWriter.ACK,
          new byte[0]);
      clientSequence++;
      write(
          SERVER_PORT,
          port,
          serverSequence,
          clientSequence,
          PcapWriter.FIN | PcapWriter.ACK,
          new byte[0]);
      serverSequence++;
      write(port, SERVER_PORT, clientSequence, serverSequence, PcapWriter.ACK, new byte[0]);
    }
  }
}
