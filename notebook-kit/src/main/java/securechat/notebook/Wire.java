package securechat.notebook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;
import securechat.core.storage.LabFiles;
import securechat.sniffer.capture.CaptureCounts;
import securechat.sniffer.capture.TcpSegment;
import securechat.sniffer.dissect.SecretSearch;
import securechat.sniffer.dissect.WireMessage;
import securechat.sniffer.report.Analysis;
import securechat.sniffer.report.TerminalReport;
import securechat.sniffer.stream.Direction;
import securechat.sniffer.stream.TcpReassembler;
import securechat.sniffer.stream.TcpStream;

/**
 * What crossed the wire during a {@link LabRun}, read the way {@code lab sniff} reads a capture:
 * each TCP connection reassembled per direction, dissected by the stage's dissector (chosen from
 * the bytes, as the sniffer does when not told), and searchable for a secret.
 *
 * <pre>{@code
 * Wire wire = lab.wire();
 * wire.contains("4711");                 // is the secret readable on the wire?
 * wire.lines().forEach(System.out::println);
 * Pictures.timeline("alice's connection", wire.messagesOf("alice"));
 * }</pre>
 *
 * <p>Connections are numbered as the sniffer numbers them (tshark's {@code tcp.stream}); each
 * client of a run opens one connection, in the order the run started them, so {@link
 * #messagesOf(String)} can say whose a connection is.
 */
public final class Wire {
  private final Analysis analysis;
  private final List<String> clients;
  private final boolean live;
  private final String how;
  private final Optional<byte[]> pcap;

  private Wire(
      Analysis analysis, List<String> clients, boolean live, String how, Optional<byte[]> pcap) {
    this.analysis = analysis;
    this.clients = List.copyOf(clients);
    this.live = live;
    this.how = how;
    this.pcap = pcap;
  }

  /**
   * Reassembles and dissects {@code segments}, in the order they were seen.
   *
   * @param clients the client of each connection, in connection order
   * @param live whether libpcap captured the segments (else the relay recorded them)
   * @param how one line saying how the segments were seen
   * @param pcap the capture file's bytes, when there is a finished one
   */
  static Wire of(
      List<TcpSegment> segments,
      CaptureCounts counts,
      List<String> clients,
      boolean live,
      String how,
      Optional<byte[]> pcap) {
    TcpReassembler reassembler = new TcpReassembler();
    segments.forEach(reassembler::accept);
    reassembler.finish();
    Analysis analysis =
        Analysis.of(
            counts, reassembler.streams(), Optional.empty(), Optional.empty(), Optional.empty());
    return new Wire(analysis, clients, live, how, pcap);
  }

  /**
   * The same wire dissected as {@code sniffedStage} ({@code plain}, {@code tls}, {@code ecdhe} or
   * {@code raw}) instead of the stage the sniffer recognised, as {@code lab sniff --stage} does:
   * the e2e stage over its plain transport, say, is chat lines the sniffer does not recognise.
   *
   * @throws IllegalArgumentException if the sniffer has no dissector of that name
   */
  public Wire readAs(String sniffedStage) {
    Objects.requireNonNull(sniffedStage, "sniffedStage");
    Analysis again =
        Analysis.of(
            analysis.counts(),
            analysis.streams(),
            Optional.of(sniffedStage),
            Optional.empty(),
            Optional.empty());
    return new Wire(again, clients, live, how, pcap);
  }

  /** How this wire was seen: captured live by libpcap, or recorded by a relay, and why. */
  public String how() {
    return how;
  }

  /** Whether libpcap captured this wire live; else the relay recorded it. */
  public boolean live() {
    return live;
  }

  /** The TCP connections, in order of first appearance. */
  public List<TcpStream> streams() {
    return analysis.streams();
  }

  /** The sniffer's analysis, for its other reports ({@code HtmlReport.of(wire.analysis())}). */
  public Analysis analysis() {
    return analysis;
  }

  /** Every dissected message of every connection, in the order they crossed the wire. */
  public List<WireMessage> messages() {
    return analysis.messages().stream().sorted(CAPTURE_ORDER).toList();
  }

  /**
   * The messages of {@code client}'s connection(s), in order: a handshake and a conversation.
   *
   * @throws IllegalArgumentException if no client of that name took part in the run
   */
  public List<WireMessage> messagesOf(String client) {
    List<Integer> ofClient =
        IntStream.range(0, clients.size())
            .filter(i -> clients.get(i).equals(client))
            .boxed()
            .toList();
    if (ofClient.isEmpty()) {
      throw new IllegalArgumentException(
          "no client '" + client + "' in this run; the clients are " + String.join(", ", clients));
    }
    return messages().stream().filter(message -> ofClient.contains(message.stream())).toList();
  }

  /** Every byte the clients sent, connection after connection: what the server received. */
  public byte[] clientToServer() {
    return bytes(Direction.CLIENT_TO_SERVER);
  }

  /** Every byte the server sent, connection after connection: what the clients received. */
  public byte[] serverToClient() {
    return bytes(Direction.SERVER_TO_CLIENT);
  }

  /** Every byte that travelled in {@code direction}, connection after connection. */
  public byte[] bytes(Direction direction) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    streams().forEach(stream -> all.writeBytes(stream.bytes(direction)));
    return all.toByteArray();
  }

  /**
   * Whether {@code text} is readable anywhere on the wire, in either direction (its UTF-8 bytes,
   * ignoring ASCII case, as {@code lab sniff --secret} searches).
   */
  public boolean contains(String text) {
    return !find(text).isEmpty();
  }

  /** Every place {@code text} occurs on the wire: connection, direction, offset and frame. */
  public List<SecretSearch.Hit> find(String text) {
    return SecretSearch.find(streams(), text);
  }

  /** The dissected view, one line per message, as {@code lab sniff} prints it (no colours). */
  public List<String> lines() {
    TerminalReport report = new TerminalReport(new PrintWriter(new StringWriter()), false);
    List<String> lines = new ArrayList<>();
    for (TcpStream stream : streams()) {
      lines.add(stream + " (" + analysis.stages().get(stream.index()) + ")");
      analysis.messages(stream).forEach(message -> lines.add("  " + report.line(message)));
    }
    return lines;
  }

  /** The sniffer's whole terminal report: every message, then bytes and entropy per connection. */
  public String report() {
    StringWriter text = new StringWriter();
    new TerminalReport(new PrintWriter(text), false).print(analysis);
    return how + System.lineSeparator() + text;
  }

  /**
   * Saves the capture as a pcap file that Wireshark and tshark open, readable by its owner only (it
   * holds the run's passwords).
   *
   * @throws IllegalStateException if there is no finished capture file: the wire was recorded by
   *     the relay, or the run is still open (libpcap completes the file when the capture stops)
   */
  public Path savePcap(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    if (pcap.isEmpty()) {
      throw new IllegalStateException(
          !live
              ? "no pcap file: this wire was recorded by the relay, not captured by libpcap"
              : "the pcap file is finished when the run is: close it, then lab.wire().savePcap()");
    }
    LabFiles.writePrivate(file, pcap.get());
    return file;
  }

  /** One line for a notebook: connections, bytes each way, and how the wire was seen. */
  @Override
  public String toString() {
    return streams().size()
        + " connection(s), "
        + clientToServer().length
        + " bytes client→server, "
        + serverToClient().length
        + " bytes server→client; "
        + how;
  }

  private static final Comparator<WireMessage> CAPTURE_ORDER =
      Comparator.comparingLong(WireMessage::frame)
          .thenComparing(WireMessage::direction)
          .thenComparingLong(WireMessage::offset);
}
