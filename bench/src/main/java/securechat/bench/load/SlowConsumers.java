package securechat.bench.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import securechat.core.channel.ChannelSecurity;
import securechat.core.channel.HandshakeException;
import securechat.core.channel.LineChannel;
import securechat.core.protocol.ProtocolException;

/**
 * Clients that log in and then never read, one at a time, each fed large whispers by a feeder
 * client until the server drops it by its "too slow" rule ({@code BoundedOutbox}): the dropped
 * client's socket buffers fill, then its outbox, and the server must end that connection rather
 * than wait for it, while everyone else chats on. The drop is read from the server's log ({@code
 * closed (too slow: ...)}), so a slow consumer counts as dropped only when the server says so.
 */
final class SlowConsumers {
  /** A small receive buffer, so that the kernel's buffers fill after a few hundred KiB. */
  private static final int RECEIVE_BUFFER_BYTES = 4096;

  /** Whispers of this many characters fill the outbox's 256 lines with about 4 MiB. */
  static final int WHISPER_CHARS = 16_000;

  private static final int MAX_WHISPERS = 5_000;
  private static final int MAX_UNANSWERED = 32;
  private static final Duration DROP_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration POLL = Duration.ofMillis(20);

  private final ServerProcess server;
  private final InetSocketAddress address;
  private final LoadClient feeder;
  private final DeliveryTracker errors;
  private final AtomicLong started = new AtomicLong();

  /** Whispers queued on the feeder so far, by the one thread that runs the slow consumers. */
  private long queued;

  private final AtomicLong dropped = new AtomicLong();

  /**
   * @param feeder a logged-in client made with {@link #WHISPER_CHARS} as its message size
   * @param errors where a slow consumer that was not dropped is counted
   */
  SlowConsumers(
      ServerProcess server, InetSocketAddress address, LoadClient feeder, DeliveryTracker errors) {
    this.server = server;
    this.address = address;
    this.feeder = feeder;
    this.errors = errors;
  }

  /** Logs {@code name} in, stops reading, and feeds it until the server drops it. */
  void runOne(String name, String password, ChannelSecurity security) throws InterruptedException {
    long dropsBefore = server.tooSlowDrops();
    try (LineChannel slow = LoadClient.handshake(security, address, RECEIVE_BUFFER_BYTES)) {
      slow.send("/login " + name + " " + password);
      if (!loggedIn(slow)) {
        errors.error("slow consumer: login refused");
        return;
      }
      started.incrementAndGet();
      // From here on the slow consumer reads nothing: the whispers pile up for it.
      long deadline = System.nanoTime() + DROP_TIMEOUT.toNanos();
      for (int sent = 0;
          sent < MAX_WHISPERS
              && server.tooSlowDrops() == dropsBefore
              && System.nanoTime() < deadline; ) {
        // The server copies each whisper back to the feeder: if the feeder sent faster than it
        // reads those copies, it would be the one dropped as too slow.
        if (queued - feeder.answers() < MAX_UNANSWERED) {
          feeder.queue(new LoadClient.Send(System.nanoTime(), Optional.of(name)));
          queued++;
          sent++;
        } else {
          Thread.sleep(POLL);
        }
      }
      if (awaitDrop(dropsBefore)) {
        dropped.incrementAndGet();
      } else {
        errors.error("slow consumer: not dropped within " + DROP_TIMEOUT.toSeconds() + " s");
      }
    } catch (IOException | HandshakeException | ProtocolException e) {
      errors.error("slow consumer: " + Errors.kind(e));
    }
  }

  /** Reads up to the answer to the login (the server answers it in time); true if {@code OK}. */
  private static boolean loggedIn(LineChannel slow) throws IOException, ProtocolException {
    String line;
    while ((line = slow.receive()) != null) {
      if (line.startsWith("OK ")) {
        return true;
      }
      if (line.startsWith("ERR ") || line.startsWith("BYE ")) {
        return false;
      }
    }
    return false;
  }

  private boolean awaitDrop(long dropsBefore) throws InterruptedException {
    long deadline = System.nanoTime() + DROP_TIMEOUT.toNanos();
    while (server.tooSlowDrops() == dropsBefore && System.nanoTime() < deadline) {
      Thread.sleep(POLL);
    }
    return server.tooSlowDrops() > dropsBefore;
  }

  /** Slow consumers that logged in and stopped reading. */
  long started() {
    return started.get();
  }

  /** Of those, the ones the server dropped as too slow. */
  long dropped() {
    return dropped.get();
  }
}
