package securechat.notebook;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import securechat.attacks.wire.Relay;
import securechat.core.cli.ConfigException;
import securechat.sniffer.capture.BpfFilters;
import securechat.sniffer.capture.CaptureCounts;
import securechat.sniffer.capture.CaptureException;
import securechat.sniffer.capture.LiveCapture;
import securechat.sniffer.capture.LiveCaptureOptions;
import securechat.sniffer.capture.TcpSegment;

/**
 * Where a {@link LabRun}'s traffic is seen: libpcap on the loopback interface when this process may
 * capture (the sniffer's {@link LiveCapture}, saving a pcap file too), otherwise a loopback {@link
 * Relay} between the clients and the server that records what it copies ({@link SegmentRecording}).
 * Either way the result is the same list of TCP segments, in the order seen.
 *
 * <pre>{@code
 * WireTap tap = WireTap.start(server, CaptureMode.LIVE_OR_RELAY, "lo", dir.resolve("wire.pcap"));
 * System.out.println(tap.how());          // which of the two, and why
 * // clients connect to tap.clientPort()
 * Optional<Path> pcap = tap.stop();       // the finished capture file, when captured live
 * }</pre>
 */
final class WireTap {
  /** How often {@link #settle} looks whether packets are still arriving. */
  private static final long QUIET_MILLIS = 150;

  /** The longest {@link #settle} waits for the capture to go quiet. */
  private static final long SETTLE_LIMIT_MILLIS = 2_000;

  private final List<TcpSegment> segments;
  private final Optional<LiveCapture> live;
  private final Optional<Relay> relay;
  private final int clientPort;
  private final Optional<Path> pcapFile;
  private final String how;

  private WireTap(
      List<TcpSegment> segments,
      Optional<LiveCapture> live,
      Optional<Relay> relay,
      int clientPort,
      Optional<Path> pcapFile,
      String how) {
    this.segments = segments;
    this.live = live;
    this.relay = relay;
    this.clientPort = clientPort;
    this.pcapFile = pcapFile;
    this.how = how;
  }

  /**
   * Starts seeing the traffic to {@code server}: live on {@code interfaceName} if {@code mode}
   * allows and libpcap agrees, else through a relay.
   *
   * @param pcapFile where a live capture saves its packets
   */
  static WireTap start(
      InetSocketAddress server, CaptureMode mode, String interfaceName, Path pcapFile)
      throws ConfigException, IOException {
    List<TcpSegment> segments = Collections.synchronizedList(new ArrayList<>());
    String whyRelay = "this run asked for the relay";
    if (mode == CaptureMode.LIVE_OR_RELAY) {
      try {
        return startLive(server, interfaceName, pcapFile, segments);
      } catch (CaptureException e) {
        whyRelay = e.getMessage(); // libpcap's reason, with what to do about it
      }
    }
    // A relayed connection that fails also fails its client, which says why: nothing to add here.
    Relay relay = Relay.start(server, 0, new SegmentRecording(segments::add), problem -> {});
    String how =
        "wire: recorded by a relay on 127.0.0.1:"
            + relay.port()
            + " between the clients and the server (no pcap file), because "
            + whyRelay;
    return new WireTap(
        segments, Optional.empty(), Optional.of(relay), relay.port(), Optional.empty(), how);
  }

  private static WireTap startLive(
      InetSocketAddress server, String interfaceName, Path pcapFile, List<TcpSegment> segments)
      throws CaptureException {
    String filter = BpfFilters.forPorts(server.getPort());
    LiveCaptureOptions options =
        new LiveCaptureOptions(interfaceName, filter, Optional.empty()).writingTo(pcapFile);
    LiveCapture capture = LiveCapture.start(options, segments::add);
    String how =
        "wire: captured live on " + interfaceName + " with libpcap (" + whoMayCapture() + ")";
    return new WireTap(
        segments,
        Optional.of(capture),
        Optional.empty(),
        server.getPort(),
        Optional.of(pcapFile),
        how);
  }

  /** One line: captured live or recorded by the relay, and why. */
  String how() {
    return how;
  }

  /** Whether libpcap captures (and a pcap file is being written). */
  boolean live() {
    return live.isPresent();
  }

  /** The port the clients connect to: the server's when capturing live, else the relay's. */
  int clientPort() {
    return clientPort;
  }

  /**
   * Every segment seen so far. A live capture is first given a moment to catch up (libpcap hands
   * packets over a little after they crossed); the relay records each read before passing it on.
   */
  List<TcpSegment> segments() throws InterruptedException {
    if (live.isPresent() && live.get().isRunning()) {
      settle(live.get());
    }
    synchronized (segments) {
      return List.copyOf(segments);
    }
  }

  /** Packets read, for the sniffer's report; for the relay, one "packet" per recorded segment. */
  CaptureCounts counts() {
    if (live.isPresent()) {
      return live.get().counts();
    }
    int recorded = segments.size();
    return new CaptureCounts(recorded, recorded, 0);
  }

  /**
   * Stops capturing (after the last packets are in) or closes the relay.
   *
   * @return the finished pcap file, when captured live
   */
  Optional<Path> stop() throws CaptureException, IOException, InterruptedException {
    if (live.isPresent()) {
      settle(live.get());
      live.get().stop();
    }
    if (relay.isPresent()) {
      relay.get().close();
    }
    return pcapFile;
  }

  /** Waits, at most {@link #SETTLE_LIMIT_MILLIS}, until no packet came for a moment. */
  private static void settle(LiveCapture capture) throws InterruptedException {
    long deadline = System.nanoTime() + SETTLE_LIMIT_MILLIS * 1_000_000;
    long seen = -1;
    while (System.nanoTime() < deadline && capture.counts().packets() != seen) {
      seen = capture.counts().packets();
      Thread.sleep(QUIET_MILLIS);
    }
  }

  private static String whoMayCapture() {
    return "root".equals(System.getProperty("user.name"))
        ? "this process runs as root"
        : "this java has capture rights";
  }
}
