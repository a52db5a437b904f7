package securechat.bench.load;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Counts what a load run sent and what arrived: deliveries, duplicates, messages out of order, and
 * errors by kind, with the delivery latency of each message in an HdrHistogram.
 *
 * <p>Latency is measured from when a message was <em>meant</em> to be sent, not from when it was:
 * if the server stalls, the messages queued behind the stall count the time they waited. Measuring
 * from the actual send would hide exactly the stalls a load test is for ("coordinated omission",
 * Gil Tene's term).
 *
 * <p>Each receiver has its own ledger of what it got from each sender, touched only by that
 * receiver's reader thread; the totals are shared counters.
 */
final class DeliveryTracker {
  private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(30);

  private final ReceiverLedger[] ledgers;
  private final Recorder recorder = new Recorder(HIGHEST_MICROS, 3);
  private final Histogram latencyMicros = new Histogram(HIGHEST_MICROS, 3);
  private final LongAdder sent = new LongAdder();
  private final AtomicLong expected = new AtomicLong();
  private final LongAdder delivered = new LongAdder();
  private final LongAdder duplicates = new LongAdder();
  private final LongAdder outOfOrder = new LongAdder();
  private final LongAdder joins = new LongAdder();
  private final AtomicLong lastDeliveryNanos = new AtomicLong();
  private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

  DeliveryTracker(int clients) {
    ledgers = new ReceiverLedger[clients];
    for (int i = 0; i < clients; i++) {
      ledgers[i] = new ReceiverLedger();
    }
  }

  /** How many clients the run has. */
  int clients() {
    return ledgers.length;
  }

  /** A message went out that {@code recipients} other clients should receive. */
  void sent(int recipients) {
    sent.increment();
    expected.addAndGet(recipients);
  }

  /** Client {@code receiver} got {@code message} at {@code nowNanos}; called by its reader. */
  void received(int receiver, LoadMessage message, long nowNanos) {
    switch (ledgers[receiver].record(message)) {
      case FIRST -> {
        delivered.increment();
        recorder.recordValue(Math.max(0, (nowNanos - message.intendedNanos()) / 1_000));
        lastDeliveryNanos.accumulateAndGet(nowNanos, Math::max);
      }
      case LATE -> {
        delivered.increment();
        outOfOrder.increment();
        recorder.recordValue(Math.max(0, (nowNanos - message.intendedNanos()) / 1_000));
        lastDeliveryNanos.accumulateAndGet(nowNanos, Math::max);
      }
      case DUPLICATE -> duplicates.increment();
    }
  }

  /** A client heard that another one logged in ({@code JOIN}). */
  void joined() {
    joins.increment();
  }

  /** {@code JOIN} lines heard so far, by all clients together. */
  long joins() {
    return joins.sum();
  }

  /** Counts one error of {@code kind}: "login refused", "ERR no-such-user", "BYE too slow"... */
  void error(String kind) {
    errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
  }

  /** Moves what was recorded since the last call into the run's histogram; returns its p99 (µs). */
  synchronized long collectLatency() {
    latencyMicros.add(recorder.getIntervalHistogram());
    return latencyMicros.getTotalCount() == 0 ? 0 : latencyMicros.getValueAtPercentile(99);
  }

  /** Every latency recorded so far, in microseconds (a copy). */
  synchronized Histogram latencyMicros() {
    collectLatency();
    return latencyMicros.copy();
  }

  long sent() {
    return sent.sum();
  }

  long expected() {
    return expected.get();
  }

  long delivered() {
    return delivered.sum();
  }

  long duplicates() {
    return duplicates.sum();
  }

  long outOfOrder() {
    return outOfOrder.sum();
  }

  long lastDeliveryNanos() {
    return lastDeliveryNanos.get();
  }

  /** Errors by kind, sorted by kind. */
  Map<String, Long> errors() {
    Map<String, Long> sorted = new TreeMap<>();
    errors.forEach((kind, count) -> sorted.put(kind, count.sum()));
    return sorted;
  }

  long errorCount() {
    return errors.values().stream().mapToLong(LongAdder::sum).sum();
  }

  /** How a received message relates to what its receiver had from the same sender. */
  enum Arrival {
    FIRST,
    LATE,
    DUPLICATE
  }

  /** What one receiver got from each sender: the sequences seen and the highest one. */
  private static final class ReceiverLedger {
    private final Map<Integer, BitSet> seen = new HashMap<>();
    private final Map<Integer, Long> highest = new HashMap<>();

    Arrival record(LoadMessage message) {
      BitSet sequences = seen.computeIfAbsent(message.sender(), s -> new BitSet());
      int sequence = Math.toIntExact(message.sequence());
      if (sequences.get(sequence)) {
        return Arrival.DUPLICATE;
      }
      sequences.set(sequence);
      long previous = highest.getOrDefault(message.sender(), -1L);
      if (sequence < previous) {
        return Arrival.LATE;
      }
      highest.put(message.sender(), (long) sequence);
      return Arrival.FIRST;
    }
  }
}
