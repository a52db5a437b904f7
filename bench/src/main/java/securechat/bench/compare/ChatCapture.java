package securechat.bench.compare;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes a capture file of a plain-stage chat room, as {@code lab sniff --write} would record it on
 * the loopback interface: {@value #CLIENTS} clients connect to port 7001 and log in, then take
 * turns to say a line, which the server delivers to every client (every fifth line is a whisper,
 * delivered to its two ends); the receiver of each segment acknowledges it, as Linux does on
 * loopback. Once the file holds about the asked number of packets, every client closes its
 * connection. The same file is read by tshark and by our sniffer.
 */
final class ChatCapture {
  static final int CLIENTS = 20;
  static final int SERVER_PORT = 7001;
  private static final long START_MICROS = 1_740_823_200_000_000L; // 2025-03-01T10:00:00Z
  private static final List<String> TEXTS =
      List.of(
          "Anyone up for the lab on Thursday? I have the TLS part done.",
          "did you see the password in the capture?",
          "yes, right after /login, in clear",
          "the ecdhe stage only shows Fernet tokens, same length every time",
          "ok, meet at 5");

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
        links.add(capture.login(number));
      }
      for (int turn = 0; capture.packets < minimumPackets; turn++) {
        capture.chatTurn(links, turn);
      }
      for (Link link : links) {
        link.close();
      }
      return capture.packets;
    }
  }

  private Link login(int number) throws IOException {
    Link link = new Link("user" + number, 50_001 + number, 1_000_000L * (number + 1));
    link.open();
    link.serverSends("WELCOME plain securechat-lab: type /login NAME PASSWORD");
    link.clientSends("/login " + link.name + " correct-horse-" + number);
    link.serverSends("OK logged in as " + link.name + "; " + (number + 1) + " online");
    return link;
  }

  private void chatTurn(List<Link> links, int turn) throws IOException {
    Link from = links.get(turn % links.size());
    String text = TEXTS.get(turn % TEXTS.size());
    if (turn % 5 == 4) {
      Link to = links.get((turn + 1) % links.size());
      from.clientSends("/whisper " + to.name + " " + text);
      from.serverSends("WHISPER " + from.name + " " + to.name + " " + text);
      to.serverSends("WHISPER " + from.name + " " + to.name + " " + text);
    } else {
      from.clientSends(text);
      for (Link link : links) {
        link.serverSends("MSG " + from.name + " " + text);
      }
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
    private final String name;
    private final int port;
    private long clientSequence;
    private long serverSequence;

    Link(String name, int port, long initialSequence) {
      this.name = name;
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
