package securechat.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import securechat.sniffer.capture.CaptureCounts;
import securechat.sniffer.capture.Endpoint;
import securechat.sniffer.capture.TcpSegment;
import securechat.sniffer.dissect.WireMessage.Flag;
import securechat.sniffer.report.Analysis;
import securechat.sniffer.stream.TcpReassembler;
import securechat.sniffer.stream.TcpStream;

/**
 * Packets per second through the sniffer's offline path on a plain-stage capture: TCP reassembly
 * alone ({@code reassemble}), then reassembly with the dissection and analysis that {@code lab
 * sniff --read FILE} prints ({@code reassembleAndAnalyse}). Issue 11 compares the second with
 * {@code tshark -r FILE -q -z io,stat,0} on the same capture; the target is at least twice tshark's
 * packets/s.
 *
 * <p>The capture is made up once, in memory: four clients open connections to a plain server, log
 * in and chat. Each line a client sends is delivered to every client (a whisper to its two ends),
 * one line per segment, without pure ACKs; the capture stops after {@value #PACKETS} packets,
 * mid-conversation, as a Ctrl-C would. Reading the file is not measured: in {@code lab sniff
 * --read} libpcap and pcap4j's frame decoding come before reassembly, and tshark's figure includes
 * its own file reading, so the ratio with tshark flatters the sniffer.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ReassemblyBenchmark {
  /** Packets in the capture: with {@code @OperationsPerInvocation}, every score is packets/s. */
  private static final int PACKETS = 10_000;

  private static final int CLIENTS = 4;
  private static final Endpoint SERVER = new Endpoint(InetAddress.getLoopbackAddress(), 7001);
  private static final Instant START = Instant.parse("2025-03-01T10:00:00Z");
  private static final CaptureCounts COUNTS = new CaptureCounts(PACKETS, PACKETS, 0);

  private List<TcpSegment> capture;

  @Setup
  public void setUp() {
    capture = chatCapture();
    checkAnalysis(reassembleAndAnalyse());
  }

  @Benchmark
  @OperationsPerInvocation(PACKETS)
  public List<TcpStream> reassemble() {
    TcpReassembler reassembler = new TcpReassembler();
    capture.forEach(reassembler::accept);
    reassembler.finish();
    return reassembler.streams();
  }

  @Benchmark
  @OperationsPerInvocation(PACKETS)
  public Analysis reassembleAndAnalyse() {
    return Analysis.of(COUNTS, reassemble(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** Proves the scores measure what they claim: four plain streams, every line read, 4 logins. */
  private static void checkAnalysis(Analysis analysis) {
    boolean allPlain = analysis.stages().values().stream().allMatch("plain"::equals);
    if (analysis.streams().size() != CLIENTS
        || !allPlain
        || analysis.count(Flag.MALFORMED) != 0
        || analysis.count(Flag.PASSWORD) != CLIENTS) {
      throw new IllegalStateException("the synthetic capture does not read as plain chat");
    }
  }

  /** Every client connects and logs in, then they chat until the capture holds enough packets. */
  private static List<TcpSegment> chatCapture() {
    List<TcpSegment> segments = new ArrayList<>();
    List<Link> links = new ArrayList<>();
    for (int number = 0; number < CLIENTS; number++) {
      links.add(new Link(segments, number));
    }
    ChatScript.Wire<RuntimeException> wire =
        new ChatScript.Wire<>() {
          @Override
          public void open(int client) {
            links.get(client).open();
          }

          @Override
          public void clientSends(int client, String line) {
            links.get(client).clientSends(line);
          }

          @Override
          public void serverSends(int client, String line) {
            links.get(client).serverSends(line);
          }
        };
    for (int number = 0; number < CLIENTS; number++) {
      ChatScript.logIn(number, wire);
    }
    for (int turn = 0; segments.size() < PACKETS; turn++) {
      ChatScript.turn(CLIENTS, turn, wire);
    }
    return List.copyOf(segments.subList(0, PACKETS));
  }

  /**
   * One client's connection as the capture is written: each segment is appended to the shared
   * capture with the next frame number, 1 ms after the previous one, and moves its side's sequence
   * number on by its payload length.
   */
  private static final class Link {
    private final List<TcpSegment> capture;
    private final Endpoint client;
    private long clientSequence;
    private long serverSequence;

    Link(List<TcpSegment> capture, int number) {
      this.capture = capture;
      this.client = new Endpoint(InetAddress.getLoopbackAddress(), 50_001 + number);
      this.clientSequence = 1_000_000L * (number + 1);
      this.serverSequence = 3_000_000_000L + 1_000_000L * number;
    }

    /** The three-way handshake. RFC 9293 §3.4: each SYN takes one sequence number. */
    void open() {
      add(client, SERVER, clientSequence, true, new byte[0]);
      add(SERVER, client, serverSequence, true, new byte[0]);
      clientSequence++;
      serverSequence++;
      add(client, SERVER, clientSequence, false, new byte[0]);
    }

    void clientSends(String line) {
      byte[] payload = (line + "\n").getBytes(UTF_8);
      add(client, SERVER, clientSequence, false, payload);
      clientSequence += payload.length;
    }

    void serverSends(String line) {
      byte[] payload = (line + "\n").getBytes(UTF_8);
      add(SERVER, client, serverSequence, false, payload);
      serverSequence += payload.length;
    }

    private void add(Endpoint from, Endpoint to, long sequence, boolean syn, byte[] payload) {
      long frame = capture.size() + 1;
      capture.add(
          new TcpSegment(
              frame, START.plusMillis(frame), from, to, sequence, syn, false, false, payload));
    }
  }
}
