package securechat.sniffer.capture;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import securechat.testkit.Tshark;

/**
 * Real captures on {@code lo}: needs root or the capture capabilities (DEVELOPERS.md), and is
 * skipped, with the sentence saying how to grant them, only when those are missing.
 */
@Timeout(60)
class LiveCaptureIT {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
  private static final byte[] REQUEST = "/login alice s3cret\n".getBytes(UTF_8);
  private static final byte[] REPLY = "OK logged in as alice\n".getBytes(UTF_8);

  @TempDir Path temp;

  private final BlockingQueue<TcpSegment> delivered = new LinkedBlockingQueue<>();
  private final Set<String> consumerThreads = ConcurrentHashMap.newKeySet();
  private ServerSocket server;

  @BeforeEach
  void listen() throws IOException {
    server = new ServerSocket(0, 50, LOOPBACK);
  }

  @AfterEach
  void closeServer() throws IOException {
    server.close();
  }

  @Test
  void segmentsCarryTheBytesSentInBothDirectionsFromTheSynOn() throws Exception {
    LiveCapture capture = startOrSkip(portFilter(), this::record);
    Conversation conversation;
    List<TcpSegment> seen;
    CaptureCounts counts;
    try {
      conversation = converse();
      seen = awaitPayloads(REQUEST, REPLY);
    } finally {
      counts = capture.stop();
    }

    assertThat(seen.get(0).syn()).isTrue();
    assertThat(seen.get(0).source()).isEqualTo(conversation.client());
    assertThat(seen)
        .anySatisfy(sent(conversation.client(), conversation.server(), REQUEST))
        .anySatisfy(sent(conversation.server(), conversation.client(), REPLY))
        .allSatisfy(segment -> assertThat(segment.frame()).isEqualTo(seen.indexOf(segment) + 1));
    assertThat(counts.skipped()).isZero();
    assertThat(counts.tcpSegments()).isGreaterThanOrEqualTo(seen.size());
    assertThat(consumerThreads).containsExactly("capture lo (platform)");
  }

  @Test
  void writeSavesEveryFrameInAFileTsharkAndTheReaderAgreeOn() throws Exception {
    Tshark.assumeInstalled();
    Path file = temp.resolve("live.pcap");
    LiveCapture capture = startOrSkip(portFilter().writingTo(file), this::record);
    CaptureCounts counts;
    try {
      converse();
      awaitPayloads(REQUEST, REPLY);
    } finally {
      counts = capture.stop();
    }

    assertThat(Tshark.fields(file, "frame.number")).hasSize((int) counts.packets());
    List<TcpSegment> reread = new ArrayList<>();
    assertThat(PcapFileReader.read(file, reread::add)).isEqualTo(counts);
    assertThat(reread)
        .extracting(segment -> new String(segment.payload(), UTF_8))
        .contains(new String(REQUEST, UTF_8), new String(REPLY, UTF_8));
  }

  @Test
  void stopWakesAnIdleCaptureAndIsSafeFromSeveralThreadsAndAgain() throws Exception {
    LiveCapture capture = startOrSkip(portFilter(), this::record);
    CaptureCounts fromOtherThread;
    long startNanos = System.nanoTime();
    try {
      CompletableFuture<CaptureCounts> other = new CompletableFuture<>();
      Thread.ofPlatform().start(() -> completeWithStop(capture, other));
      fromOtherThread = other.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    } finally {
      assertThat(capture.stop()).isEqualTo(CaptureCounts.NONE);
    }

    assertThat(Duration.ofNanos(System.nanoTime() - startNanos)).isLessThan(Duration.ofSeconds(2));
    assertThat(fromOtherThread).isEqualTo(CaptureCounts.NONE);
    assertThat(capture.isRunning()).isFalse();
    assertThat(capture.stop()).isEqualTo(CaptureCounts.NONE);
  }

  @Test
  void whatTheConsumerThrowsEndsTheCaptureAndComesOutOfStop() throws Exception {
    RuntimeException failure = new IllegalStateException("consumer is full");
    CountDownLatch thrown = new CountDownLatch(1);
    LiveCapture capture =
        startOrSkip(
            portFilter(),
            segment -> {
              thrown.countDown();
              throw failure;
            });
    try {
      converse();
      assertThat(thrown.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    } finally {
      assertThatThrownBy(capture::stop).isSameAs(failure);
    }
    assertThat(capture.isRunning()).isFalse();
  }

  @Test
  void aFilterLibpcapRefusesIsQuotedWithLibpcapsReason() throws Exception {
    skipWithoutCaptureRights();

    assertThatThrownBy(
            () -> LiveCapture.start(LiveCaptureOptions.onLoopback("tcp port"), this::record))
        .isInstanceOf(CaptureException.class)
        .hasMessage(
            "libpcap refuses the filter 'tcp port': can't parse filter expression:"
                + " syntax error");
  }

  @Test
  void anUnknownInterfaceListsTheInterfacesLibpcapSees() {
    LiveCaptureOptions options = LiveCaptureOptions.onLoopback("").onInterface("nope0");

    assertThatThrownBy(() -> LiveCapture.start(options, this::record))
        .isInstanceOf(CaptureException.class)
        .hasMessageStartingWith("there is no interface 'nope0'; libpcap sees ")
        .hasMessageContaining("lo");
  }

  private LiveCaptureOptions portFilter() {
    return LiveCaptureOptions.onLoopback(BpfFilters.forPorts(server.getLocalPort()));
  }

  private void record(TcpSegment segment) {
    Thread thread = Thread.currentThread();
    consumerThreads.add(thread.getName() + (thread.isVirtual() ? " (virtual)" : " (platform)"));
    delivered.add(segment);
  }

  private static LiveCapture startOrSkip(LiveCaptureOptions options, Consumer<TcpSegment> consumer)
      throws CaptureException {
    try {
      return LiveCapture.start(options, consumer);
    } catch (CaptureException e) {
      assumeFalse(e.getMessage().contains("needs capture rights"), e.getMessage());
      throw e;
    }
  }

  private void skipWithoutCaptureRights() throws CaptureException {
    startOrSkip(LiveCaptureOptions.onLoopback(BpfFilters.forPorts(9)), this::record).stop();
  }

  private static void completeWithStop(LiveCapture capture, CompletableFuture<CaptureCounts> into) {
    try {
      into.complete(capture.stop());
    } catch (CaptureException | RuntimeException e) {
      into.completeExceptionally(e);
    }
  }

  /** One request and one reply over a fresh loopback connection, then both ends close. */
  private Conversation converse() throws IOException {
    try (Socket client = new Socket(LOOPBACK, server.getLocalPort());
        Socket accepted = server.accept()) {
      client.setSoTimeout((int) WAIT.toMillis());
      accepted.setSoTimeout((int) WAIT.toMillis());
      client.getOutputStream().write(REQUEST);
      assertThat(accepted.getInputStream().readNBytes(REQUEST.length)).isEqualTo(REQUEST);
      accepted.getOutputStream().write(REPLY);
      assertThat(client.getInputStream().readNBytes(REPLY.length)).isEqualTo(REPLY);
      return new Conversation(
          new Endpoint(LOOPBACK, client.getLocalPort()),
          new Endpoint(LOOPBACK, server.getLocalPort()));
    }
  }

  /** Takes delivered segments until every payload has been seen, or fails after {@link #WAIT}. */
  private List<TcpSegment> awaitPayloads(byte[]... payloads) throws InterruptedException {
    List<TcpSegment> seen = new ArrayList<>();
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!allSeen(seen, payloads)) {
      TcpSegment next = delivered.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      assertThat(next).as("segments delivered before the deadline: %s", seen).isNotNull();
      seen.add(next);
    }
    return seen;
  }

  private static boolean allSeen(List<TcpSegment> seen, byte[]... payloads) {
    return Arrays.stream(payloads)
        .allMatch(payload -> seen.stream().anyMatch(s -> Arrays.equals(s.payload(), payload)));
  }

  private static Consumer<TcpSegment> sent(Endpoint from, Endpoint to, byte[] payload) {
    return segment -> {
      assertThat(segment.source()).isEqualTo(from);
      assertThat(segment.destination()).isEqualTo(to);
      assertThat(segment.payload()).isEqualTo(payload);
    };
  }

  private record Conversation(Endpoint client, Endpoint server) {}
}
