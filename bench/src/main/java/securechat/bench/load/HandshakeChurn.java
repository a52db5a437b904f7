package securechat.bench.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import securechat.core.channel.ChannelSecurity;
import securechat.core.channel.HandshakeException;
import securechat.core.channel.LineChannel;
import securechat.core.protocol.ProtocolException;

/**
 * The {@code connect} pattern: {@code N} clients at once connect, run the stage's handshake, read
 * the server's {@code WELCOME} and close, over and over, for the run's duration. A handshake counts
 * once {@code WELCOME} has arrived: then the server has finished its side too.
 *
 * <p>This is a closed loop on purpose: each client starts its next handshake when the last one
 * ends, so the figure is the most handshakes per second the server (and these clients, on the same
 * machine) can complete.
 */
final class HandshakeChurn {
  private static final int TIMEOUT_MILLIS = 10_000;
  private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(1);

  private final List<ChannelSecurity> securities;
  private final InetSocketAddress server;
  private final DeliveryTracker errors;
  private final Recorder recorder = new Recorder(HIGHEST_MICROS, 3);
  private final Histogram latencyMicros = new Histogram(HIGHEST_MICROS, 3);
  private final LongAdder completed = new LongAdder();

  /**
   * @param securities one client security per concurrent client (the e2e stage's carries a user)
   * @param errors where failures are counted, by kind
   */
  HandshakeChurn(
      List<ChannelSecurity> securities, InetSocketAddress server, DeliveryTracker errors) {
    this.securities = List.copyOf(securities);
    this.server = server;
    this.errors = errors;
  }

  /** Runs every client until {@code endNanos}, then waits for the handshakes under way. */
  void run(long endNanos) throws InterruptedException {
    List<Thread> clients = new ArrayList<>();
    for (ChannelSecurity security : securities) {
      clients.add(Thread.ofVirtual().name("load connect").start(() -> churn(security, endNanos)));
    }
    for (Thread client : clients) {
      client.join(Duration.ofMillis(TIMEOUT_MILLIS * 2L));
    }
  }

  private void churn(ChannelSecurity security, long endNanos) {
    while (System.nanoTime() < endNanos) {
      long start = System.nanoTime();
      try {
        connectOnce(security);
        recorder.recordValue((System.nanoTime() - start) / 1_000);
        completed.increment();
      } catch (IOException | HandshakeException | ProtocolException e) {
        errors.error("handshake failed: " + Errors.kind(e));
        // A refusing server must not be hammered in a tight loop.
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
      }
    }
  }

  private void connectOnce(ChannelSecurity security)
      throws IOException, HandshakeException, ProtocolException {
    try (Socket socket = new Socket()) {
      socket.connect(server, TIMEOUT_MILLIS);
      socket.setSoTimeout(TIMEOUT_MILLIS);
      LineChannel channel = security.connect(socket);
      String first = channel.receive();
      if (first == null) {
        throw new IOException("the server closed the connection before WELCOME");
      }
      if (!first.startsWith("WELCOME ")) {
        // The server's own words (a full server says so), cut short: the report groups by text.
        throw new IOException(
            "the server answered the handshake with \""
                + first.substring(0, Math.min(first.length(), 80))
                + "\", not WELCOME");
      }
      channel.close();
    }
  }

  long completed() {
    return completed.sum();
  }

  /** Every handshake's time, connect to {@code WELCOME}, in microseconds (a copy). */
  synchronized Histogram latencyMicros() {
    latencyMicros.add(recorder.getIntervalHistogram());
    return latencyMicros.copy();
  }
}
