package securechat.attacks.legacy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import securechat.sniffer.capture.Endpoint;
import securechat.sniffer.capture.TcpSegment;

/**
 * Watches a live capture for the end of the connections to one server port: a connection has ended
 * once the capture has seen a FIN from both sides, or a RST. A program that stops the capture only
 * after {@link #await} has returned knows the file holds every byte of those connections, without
 * guessing how long the kernel takes to hand over the last packets.
 */
final class ClosedConnections implements Consumer<TcpSegment> {
  private final int serverPort;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final Map<Endpoint, Integer> finsByClient = new HashMap<>();
  private int closed;

  ClosedConnections(int serverPort) {
    this.serverPort = serverPort;
  }

  /** Called on the capture thread for every captured segment. */
  @Override
  public void accept(TcpSegment segment) {
    if (!segment.fin() && !segment.rst()) {
      return;
    }
    boolean fromServer = segment.source().port() == serverPort;
    Endpoint client = fromServer ? segment.destination() : segment.source();
    int bit = fromServer ? 2 : 1;
    lock.lock();
    try {
      int before = finsByClient.getOrDefault(client, 0);
      int after = segment.rst() ? 3 : before | bit;
      finsByClient.put(client, after);
      if (before != 3 && after == 3) {
        closed++;
        changed.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Waits until {@code connections} connections have ended; false if they did not in time. */
  boolean await(int connections, Duration timeout) throws InterruptedException {
    long left = timeout.toNanos();
    lock.lock();
    try {
      while (closed < connections) {
        if (left <= 0) {
          return false;
        }
        left = changed.awaitNanos(left);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** How many connections have ended, and what the capture saw of the others' ends. */
  @Override
  public String toString() {
    lock.lock();
    try {
      StringBuilder text = new StringBuilder("port " + serverPort + ": " + closed + " ended");
      finsByClient.forEach(
          (client, bits) -> {
            if (bits != 3) {
              text.append("; ").append(client).append(" only a FIN from the ");
              text.append(bits == 2 ? "server" : "client");
            }
          });
      return text.toString();
    } finally {
      lock.unlock();
    }
  }
}
