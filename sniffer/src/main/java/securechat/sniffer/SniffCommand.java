package securechat.sniffer;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import securechat.core.cli.ConfigException;
import securechat.core.cli.DurationConverter;
import securechat.core.terminal.Consoles;
import securechat.sniffer.capture.BpfFilters;
import securechat.sniffer.capture.CaptureCounts;
import securechat.sniffer.capture.CaptureException;
import securechat.sniffer.capture.LiveCapture;
import securechat.sniffer.capture.LiveCaptureOptions;
import securechat.sniffer.capture.PcapFileReader;
import securechat.sniffer.dissect.EcdheKeyLog;
import securechat.sniffer.report.Analysis;
import securechat.sniffer.report.HtmlReport;
import securechat.sniffer.report.JsonReport;
import securechat.sniffer.report.TerminalReport;
import securechat.sniffer.stream.TcpReassembler;

/**
 * {@code lab sniff}: captures the chat on the loopback interface (or reads a capture file),
 * reassembles each connection, dissects it as its stage's protocol and shows what an eavesdropper
 * sees: live, one line per captured segment, then every message and a summary.
 *
 * <pre>
 *   sudo ./lab sniff --stage plain --secret correct-horse     # until Ctrl-C
 *   ./lab sniff --read capture.pcapng --report report.html    # a file, no rights needed
 * </pre>
 */
@Command(
    name = "sniff",
    mixinStandardHelpOptions = true,
    description = {
      "Capture the chat on the wire (or read a capture file) and show what an eavesdropper sees.",
      "Live capture needs root or capture rights; --read does not."
    })
public final class SniffCommand implements Callable<Integer> {
  /** Ports of the stages, for the default filter. */
  static final List<Integer> STAGE_PORTS = List.of(7001, 7002, 7003, 7004);

  @Spec private CommandSpec spec;

  @Option(names = "--read", paramLabel = "FILE", description = "Read a pcap or pcapng file")
  private Path readFile;

  @Option(
      names = "--interface",
      paramLabel = "NAME",
      defaultValue = LiveCaptureOptions.LOOPBACK,
      description = "Interface to capture on. Default: ${DEFAULT-VALUE}")
  private String interfaceName;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "Capture this TCP port (repeatable). Default: the stage's, or all four")
  private List<Integer> ports;

  @Option(
      names = "--stage",
      paramLabel = "STAGE",
      description = "Read every stream as this stage: plain, tls, ecdhe, raw. Default: detected")
  private String stage;

  @Option(names = "--filter", paramLabel = "BPF", description = "A BPF filter instead of --port")
  private String filter;

  @Option(names = "--write", paramLabel = "FILE", description = "Save the capture as pcap")
  private Path writeFile;

  @Option(
      names = "--keylog",
      paramLabel = "FILE",
      description = "An ecdhe key log (lab client --keylog): decrypts its sessions' tokens")
  private Path keyLogFile;

  @Option(names = "--secret", paramLabel = "TEXT", description = "Report where TEXT appears")
  private String secret;

  @Option(names = "--report", paramLabel = "FILE", description = "Write an HTML report")
  private Path reportFile;

  @Option(names = "--json", description = "Print the analysis as JSON instead of text")
  private boolean json;

  @Option(
      names = "--summary",
      description =
          "Print only the summary (streams, what is readable), not every message: for big captures")
  private boolean summaryOnly;

  @Option(names = "--no-color", description = "No colours, even on a terminal")
  private boolean noColour;

  @Option(
      names = "--duration",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "Stop a live capture after DURATION (e.g. 30s). Default: at Ctrl-C")
  private Duration duration;

  /** Counted down once the analysis is printed: a Ctrl-C's shutdown hook waits for it. */
  private final CountDownLatch finished = new CountDownLatch(1);

  @Override
  public Integer call() throws ConfigException, IOException {
    try {
      return sniff();
    } finally {
      finished.countDown();
    }
  }

  private int sniff() throws ConfigException, IOException {
    PrintWriter out = spec.commandLine().getOut();
    // A live session writes its key log while it runs: the live view uses what exists at the
    // start, the analysis at the end reads the file again.
    Optional<EcdheKeyLog> keyLog =
        keyLogFile != null && (readFile != null || Files.exists(keyLogFile))
            ? Optional.of(EcdheKeyLog.read(keyLogFile))
            : Optional.empty();
    TcpReassembler reassembler = new TcpReassembler();
    LiveView live = null;
    CaptureCounts counts;
    if (readFile != null) {
      counts = readFile(reassembler);
    } else {
      live = new LiveView(reassembler, out, new TerminalReport(out, colour()), hint(), keyLog);
      counts = capture(live, out);
    }
    reassembler.finish();
    if (keyLogFile != null) {
      keyLog = Optional.of(EcdheKeyLog.read(keyLogFile));
    }
    Analysis analysis =
        Analysis.of(counts, reassembler.streams(), hint(), keyLog, Optional.ofNullable(secret));
    if (json) {
      out.print(JsonReport.of(analysis));
    } else if (live != null || summaryOnly) {
      if (live != null) {
        live.finish();
      }
      new TerminalReport(out, colour()).printSummary(analysis);
    } else {
      new TerminalReport(out, colour()).print(analysis);
    }
    if (reportFile != null) {
      Files.writeString(reportFile, HtmlReport.of(analysis), StandardCharsets.UTF_8);
      PrintWriter status = json ? spec.commandLine().getErr() : out;
      status.println("report: " + reportFile.toAbsolutePath());
      status.flush();
    }
    out.flush();
    return 0;
  }

  private CaptureCounts readFile(TcpReassembler reassembler) throws ConfigException {
    if (writeFile != null) {
      throw new ConfigException("--write saves a live capture; with --read there is none");
    }
    try {
      return PcapFileReader.read(readFile, filter(), reassembler::accept);
    } catch (CaptureException e) {
      throw new ConfigException(e.getMessage());
    }
  }

  /** Captures until --duration or Ctrl-C; the live view prints each message as it completes. */
  private CaptureCounts capture(LiveView live, PrintWriter out) throws ConfigException {
    LiveCaptureOptions options = LiveCaptureOptions.onLoopback(filter()).onInterface(interfaceName);
    if (writeFile != null) {
      options = options.writingTo(writeFile);
    }
    CountDownLatch stopRequested = new CountDownLatch(1);
    Thread hook = new Thread(() -> stopAndWait(stopRequested, finished), "sniff shutdown");
    try {
      LiveCapture capture = LiveCapture.start(options, json ? live::acceptQuietly : live::accept);
      // With --json, stdout is the document: the status line goes to stderr.
      PrintWriter status = json ? spec.commandLine().getErr() : out;
      status.println(
          "capturing on " + interfaceName + " (" + options.bpfFilter() + "); Ctrl-C stops");
      status.flush();
      Runtime.getRuntime().addShutdownHook(hook);
      awaitStop(stopRequested);
      removeHook(hook);
      return capture.stop();
    } catch (CaptureException e) {
      throw new ConfigException(e.getMessage());
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // Ctrl-C is what stopped the capture: the hook is running and waits for the summary.
    }
  }

  private Optional<String> hint() {
    return Optional.ofNullable(stage);
  }

  private void awaitStop(CountDownLatch stopRequested) {
    try {
      if (duration != null) {
        stopRequested.await(duration.toMillis(), TimeUnit.MILLISECONDS);
      } else {
        stopRequested.await();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Ctrl-C: let the main thread stop the capture and print the summary before the JVM exits. */
  private static void stopAndWait(CountDownLatch stopRequested, CountDownLatch reported) {
    stopRequested.countDown();
    try {
      reported.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private String filter() throws ConfigException {
    if (filter != null) {
      return filter;
    }
    if (ports != null && !ports.isEmpty()) {
      return forPorts(ports.stream().mapToInt(Integer::intValue).toArray());
    }
    int stagePort =
        switch (stage == null ? "" : stage) {
          case "plain" -> 7001;
          case "tls" -> 7002;
          case "ecdhe" -> 7003;
          default -> 0;
        };
    if (stagePort != 0) {
      return forPorts(stagePort);
    }
    return readFile != null
        ? BpfFilters.EVERYTHING
        : forPorts(STAGE_PORTS.stream().mapToInt(Integer::intValue).toArray());
  }

  private static String forPorts(int... ports) throws ConfigException {
    try {
      return BpfFilters.forPorts(ports);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
  }

  private boolean colour() {
    return Consoles.colourWanted(noColour);
  }
}
