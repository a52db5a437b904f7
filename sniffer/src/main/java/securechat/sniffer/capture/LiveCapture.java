package securechat.sniffer.capture;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.pcap4j.core.PcapHandle;

/**
 * A running capture on a network interface: libpcap's blocking reads on a platform thread named
 * {@code "capture <interface>"}, each TCP segment handed to a consumer on that thread.
 *
 * <pre>{@code
 * LiveCapture capture =
 *     LiveCapture.start(LiveCaptureOptions.onLoopback(BpfFilters.forPorts(7001)), queue::add);
 * try {
 *   // ... the chat runs ...
 * } finally {
 *   CaptureCounts counts = capture.stop();
 * }
 * }</pre>
 *
 * <p>The thread is a platform thread because libpcap blocks inside native code, where a virtual
 * thread would pin its carrier. {@link #stop} asks libpcap to break its loop, waits a bounded time
 * for the thread to end, and the thread closes the handle (and the {@code --write} file) on its way
 * out, so nothing is closed under libpcap's feet.
 */
public final class LiveCapture implements AutoCloseable {
  /** How long {@link #stop} waits for the capture thread to end. */
  public static final Duration STOP_DEADLINE = Duration.ofSeconds(5);

  private final CaptureLoop loop;
  private final Thread thread;
  private final AtomicBoolean stopRequested = new AtomicBoolean();
  private volatile Exception failure;

  private LiveCapture(String interfaceName, CaptureLoop loop) {
    this.loop = loop;
    this.thread = Thread.ofPlatform().name("capture " + interfaceName).unstarted(this::capture);
  }

  /**
   * Opens the interface, sets the filter, opens the {@code --write} file if any, and starts
   * capturing. Every error a user can cause shows here, before any thread starts.
   *
   * @throws CaptureException if there are no capture rights, no such interface, no libpcap, or
   *     libpcap refuses the filter or cannot write the file
   */
  public static LiveCapture start(LiveCaptureOptions options, Consumer<TcpSegment> consumer)
      throws CaptureException {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(consumer, "consumer");
    String name = options.interfaceName();
    PcapHandle handle = Libpcap.openLive(name);
    try {
      Libpcap.setFilter(handle, options.bpfFilter());
      CaptureLoop loop =
          new CaptureLoop(handle, consumer, message -> LibpcapErrors.cannotCapture(name, message));
      if (options.writeTo().isPresent()) {
        loop.saveEach(Libpcap.openDumper(handle, options.writeTo().get()));
      }
      LiveCapture capture = new LiveCapture(name, loop);
      capture.thread.start();
      return capture;
    } catch (CaptureException | RuntimeException e) {
      handle.close();
      throw e;
    }
  }

  /** The counts so far. */
  public CaptureCounts counts() {
    return loop.counts();
  }

  /** Whether the capture thread is still reading. */
  public boolean isRunning() {
    return thread.isAlive();
  }

  /**
   * Ends the capture and returns the final counts. Safe from any thread, a shutdown hook included,
   * and any number of times: later calls wait for the same end and give the same answer. Once it
   * returns, the consumer is not called again and the {@code --write} file is complete.
   *
   * @throws CaptureException if the capture failed while running, or its thread did not end within
   *     {@link #STOP_DEADLINE}
   * @throws RuntimeException what the consumer threw, which ended the capture
   */
  public CaptureCounts stop() throws CaptureException {
    if (stopRequested.compareAndSet(false, true)) {
      loop.breakLoop();
    }
    if (Thread.currentThread() == thread) {
      return loop.counts(); // the consumer itself asked to stop: the loop ends when it returns
    }
    awaitEnd();
    if (failure instanceof CaptureException e) {
      throw e;
    }
    if (failure instanceof RuntimeException e) {
      throw e;
    }
    return loop.counts();
  }

  /** Same as {@link #stop}, for try-with-resources. */
  @Override
  public void close() throws CaptureException {
    stop();
  }

  private void awaitEnd() throws CaptureException {
    try {
      if (thread.join(STOP_DEADLINE)) {
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CaptureException("interrupted while waiting for thread '" + thread.getName() + "'");
    }
    throw new CaptureException(
        "thread '"
            + thread.getName()
            + "' did not stop within "
            + STOP_DEADLINE.toSeconds()
            + " s");
  }

  /** The capture thread's whole life: its failure, if any, is kept for {@link #stop}. */
  private void capture() {
    try {
      loop.run();
    } catch (CaptureException | RuntimeException e) {
      failure = e;
    }
  }
}
