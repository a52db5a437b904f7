package securechat.bench.compare;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import securechat.sniffer.capture.CaptureCounts;
import securechat.sniffer.capture.CaptureException;
import securechat.sniffer.capture.PcapFileReader;
import securechat.sniffer.report.Analysis;
import securechat.sniffer.stream.TcpReassembler;

/**
 * Packets per second read from a capture file: our sniffer against {@code tshark -r FILE -q -z
 * io,stat,0} (tshark's cheapest full pass: it dissects every frame and prints only a count), on the
 * same file of plain-stage chat ({@link ChatCapture}). Two figures of ours: the whole {@code lab
 * sniff --read FILE --summary} process, start-up and JIT included, as a student runs it, beside
 * tshark's whole process; and the steady state inside this JVM (read, reassemble, dissect, analyse,
 * once warm), which shows what start-up costs. Each process is run again and again for the
 * measurement time and its median run counts; tshark runs before and after ours, and the mean
 * counts. Issue 11's target: at least twice tshark.
 */
final class SnifferComparison {
  static final String PART = "sniffer";
  private static final String UNIT = "packets/s";
  private static final String PEER = "tshark";
  private static final Target TARGET = Target.atLeast(2);
  private static final Pattern FRAMES =
      Pattern.compile("\\|\\s*[\\d.]+\\s*<>\\s*[\\w.]+\\s*\\|\\s*(\\d+)\\s*\\|");

  private final CompareSettings settings;

  SnifferComparison(CompareSettings settings) {
    this.settings = settings;
  }

  List<Comparison> run() throws IOException {
    Path capture = settings.file("chat.pcap");
    long packets = ChatCapture.write(capture, settings.capturePackets());
    Optional<Measurement> tshark = Optional.empty();
    String reason = PeerTool.TSHARK.missing();
    if (settings.tools().find(PeerTool.TSHARK.program()).isPresent()) {
      try {
        tshark = Optional.of(measureTshark(capture, packets));
      } catch (IOException e) {
        reason = "tshark failed: " + e.getMessage();
      }
    }
    Measurement process = measureLabSniff(capture, packets);
    Measurement steady = measureInProcess(capture, packets);
    if (tshark.isPresent()) {
      tshark = Optional.of(Measurement.aroundOurs(tshark.get(), measureTshark(capture, packets)));
    }
    String size = " (" + String.format("%,d", packets) + " packets)";
    List<Comparison> rows = new ArrayList<>();
    rows.add(row("lab sniff --read, whole process" + size, process, tshark, reason));
    rows.add(row("sniffer in-process, steady state" + size, steady, tshark, reason));
    return rows;
  }

  private static Comparison row(
      String figure, Measurement ours, Optional<Measurement> tshark, String reason) {
    if (tshark.isEmpty()) {
      return Comparison.skipped(PART, figure, UNIT, Optional.of(ours), PEER, TARGET, reason);
    }
    return Comparison.of(PART, figure, UNIT, ours, PEER, tshark.get(), TARGET);
  }

  private Measurement measureTshark(Path capture, long packets) throws IOException {
    List<String> command = List.of("tshark", "-r", capture.toString(), "-q", "-z", "io,stat,0");
    return medianOfRuns(command, packets, printed -> checkFrames(printed, packets));
  }

  private Measurement measureLabSniff(Path capture, long packets) throws IOException {
    List<String> args = List.of("sniff", "--read", capture.toString(), "--summary", "--no-color");
    List<String> command = settings.labProcess().apply(args);
    Measurement measured = medianOfRuns(command, packets, printed -> {});
    String runs = measured.command().replaceFirst(".*  \\(", "  (");
    return new Measurement(measured.perSecond(), "./lab " + String.join(" ", args) + runs);
  }

  /** Runs the command until the measurement time has passed (once at least); median packets/s. */
  private Measurement medianOfRuns(List<String> command, long packets, OutputCheck check)
      throws IOException {
    List<Double> rates = new ArrayList<>();
    long deadline = System.nanoTime() + settings.measurement().toNanos();
    Duration timeout = settings.measurement().plusSeconds(120);
    do {
      long started = System.nanoTime();
      String printed =
          ExternalProcess.run(command, settings.tools(), settings.file("sniff-run.log"), timeout);
      rates.add(packets / ((System.nanoTime() - started) / 1e9));
      check.verify(printed);
    } while (System.nanoTime() < deadline);
    rates.sort(null);
    String runs = rates.size() == 1 ? "1 run" : "median of " + rates.size() + " runs";
    String shown = String.join(" ", command) + "  (" + runs + ")";
    return new Measurement(rates.get(rates.size() / 2), shown);
  }

  /**
   * Reads, reassembles and analyses the file in this JVM as {@code lab sniff --read} does, first
   * for half the measurement time to warm up, then for the measurement time.
   */
  private Measurement measureInProcess(Path capture, long packets) throws IOException {
    analyseUntil(capture, settings.measurement().dividedBy(2));
    long started = System.nanoTime();
    int runs = analyseUntil(capture, settings.measurement());
    double seconds = (System.nanoTime() - started) / 1e9;
    return new Measurement(
        packets * runs / seconds,
        "PcapFileReader.read + TcpReassembler + Analysis.of, in one JVM, "
            + runs
            + " runs after warm-up");
  }

  private static int analyseUntil(Path capture, Duration duration) throws IOException {
    long deadline = System.nanoTime() + duration.toNanos();
    int runs = 0;
    do {
      analyse(capture);
      runs++;
    } while (System.nanoTime() < deadline);
    return runs;
  }

  /** What {@code lab sniff --read FILE} computes before it prints. */
  private static Analysis analyse(Path capture) throws IOException {
    TcpReassembler reassembler = new TcpReassembler();
    CaptureCounts counts;
    try {
      counts = PcapFileReader.read(capture, reassembler::accept);
    } catch (CaptureException e) {
      throw new IOException(e.getMessage(), e);
    }
    reassembler.finish();
    return Analysis.of(
        counts, reassembler.streams(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** tshark's io,stat table counts every frame of the file: proof that it read them all. */
  private static void checkFrames(String printed, long packets) throws IOException {
    Matcher frames = FRAMES.matcher(printed);
    if (!frames.find() || Long.parseLong(frames.group(1)) != packets) {
      throw new IOException(
          "tshark did not report " + packets + " frames: " + ExternalProcess.lastLine(printed));
    }
  }

  /** A check of a run's output; throws if the run did not do the work. */
  private interface OutputCheck {
    void verify(String printed) throws IOException;
  }
}
