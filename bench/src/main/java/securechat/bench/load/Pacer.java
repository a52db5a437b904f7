package securechat.bench.load;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;

/**
 * Spreads the run's messages evenly over time at the aggregate rate, open loop: message {@code k}
 * is due at {@code start + k / rate}, whatever happened to the ones before. The senders take turns
 * (round robin); a whisper goes to another client drawn at random with a fixed seed, so two runs
 * send the same conversation.
 *
 * <p>The pacer only queues each message with its due time on its sender's queue and never waits for
 * a send: a slow server makes queues grow and latencies (measured from the due time) rise, instead
 * of quietly lowering the rate, which is what a closed loop would do.
 */
final class Pacer {
  private final List<LoadClient> clients;
  private final LoadNames names;
  private final boolean whisper;
  private final double ratePerSecond;
  private final Random random;
  private volatile long queued;

  Pacer(
      List<LoadClient> clients,
      LoadNames names,
      LoadPattern pattern,
      double ratePerSecond,
      long seed) {
    this.clients = List.copyOf(clients);
    this.names = names;
    this.whisper = pattern == LoadPattern.WHISPER;
    this.ratePerSecond = ratePerSecond;
    this.random = new Random(seed);
  }

  /** Queues messages from {@code startNanos} for {@code duration}; returns how many. */
  long run(long startNanos, Duration duration) {
    long endNanos = startNanos + duration.toNanos();
    long k = 0;
    while (true) {
      long due = startNanos + (long) (k * 1e9 / ratePerSecond);
      if (due >= endNanos || Thread.currentThread().isInterrupted()) {
        return k;
      }
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
        continue;
      }
      queue(k, due);
      k++;
      queued = k;
    }
  }

  private void queue(long k, long dueNanos) {
    int sender = (int) (k % clients.size());
    Optional<String> to = Optional.empty();
    if (whisper) {
      int other = (sender + 1 + random.nextInt(clients.size() - 1)) % clients.size();
      to = Optional.of(names.of(clients.get(other).index()));
    }
    clients.get(sender).queue(new LoadClient.Send(dueNanos, to));
  }

  /** Messages queued so far. */
  long queued() {
    return queued;
  }
}
