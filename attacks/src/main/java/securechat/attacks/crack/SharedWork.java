package securechat.attacks.crack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * A search split into numbered items ({@code 0} to {@code total - 1}: guesses, keys) that several
 * threads claim in batches until every item is claimed, a worker {@link #stop}s the search (the key
 * is found) or the time budget runs out.
 *
 * <pre>{@code
 * SharedWork work = new SharedWork(1L << 24, 4096, Duration.ofSeconds(30), bar::advance);
 * SharedWork.Finished finished = work.run(threads, "des search", w -> {
 *   for (Optional<SharedWork.Batch> batch = w.claim(); batch.isPresent(); batch = w.claim()) {
 *     ... try items batch.get().start() to end() ...
 *     w.done(batch.get().size());
 *   }
 * });
 * }</pre>
 *
 * The batches keep the threads from fighting over a counter for every item, and the budget is
 * checked once per batch, so a search overruns it by at most one batch per thread.
 */
final class SharedWork {
  private final long total;
  private final int batchSize;
  private final Duration budget;
  private final LongConsumer progress;
  private final AtomicLong nextItem = new AtomicLong();
  private final AtomicLong itemsDone = new AtomicLong();
  private volatile boolean stopped;
  private volatile long deadlineNanos;

  /** A batch of items, {@code start} inclusive, {@code end} exclusive. */
  record Batch(long start, long end) {
    long size() {
      return end - start;
    }
  }

  /**
   * How a search ended.
   *
   * @param itemsDone how many items the workers reported done
   * @param elapsed from the first thread's start to the last one's end
   * @param allDone every item was claimed and done: the search was not cut short
   */
  record Finished(long itemsDone, Duration elapsed, boolean allDone) {
    /** Items per second over the whole run. */
    double perSecond() {
      return itemsDone / Math.max(1e-9, elapsed.toNanos() / 1e9);
    }
  }

  /**
   * @param total how many items there are
   * @param batchSize how many items a worker claims at a time
   * @param budget how long the search may run
   * @param progress told how many more items are done, after each batch
   */
  SharedWork(long total, int batchSize, Duration budget, LongConsumer progress) {
    if (total < 0 || batchSize <= 0 || budget.isNegative() || budget.isZero()) {
      throw new IllegalArgumentException(
          "total " + total + ", batch " + batchSize + ", budget " + budget + " must be positive");
    }
    this.total = total;
    this.batchSize = batchSize;
    this.budget = budget;
    this.progress = progress;
  }

  /** The next batch, or empty once all is claimed, the search is stopped or time is up. */
  Optional<Batch> claim() {
    if (stopped || System.nanoTime() - deadlineNanos > 0) {
      return Optional.empty();
    }
    long start = nextItem.getAndAdd(batchSize);
    if (start >= total) {
      return Optional.empty();
    }
    return Optional.of(new Batch(start, Math.min(total, start + batchSize)));
  }

  /** Reports {@code items} more done (a whole batch, or the part of it tried before stopping). */
  void done(long items) {
    itemsDone.addAndGet(items);
    progress.accept(items);
  }

  /** Ends the search: no worker gets another batch. */
  void stop() {
    stopped = true;
  }

  /**
   * Runs {@code worker} on {@code threads} platform threads named {@code role 1}, {@code role 2},
   * ... and waits for all of them. A worker's exception is rethrown here once all have ended.
   */
  Finished run(int threads, String role, Consumer<SharedWork> worker) throws InterruptedException {
    AtomicReference<RuntimeException> failure = new AtomicReference<>();
    long started = System.nanoTime();
    deadlineNanos = started + budget.toNanos();
    List<Thread> running = new ArrayList<>();
    for (int i = 1; i <= threads; i++) {
      running.add(Thread.ofPlatform().name(role + " " + i).start(() -> runOne(worker, failure)));
    }
    for (Thread thread : running) {
      thread.join();
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
    if (failure.get() != null) {
      throw failure.get();
    }
    long done = itemsDone.get();
    return new Finished(done, elapsed, done >= total);
  }

  /** The top of a worker thread: the first failure is kept for {@link #run} and ends the rest. */
  private void runOne(Consumer<SharedWork> worker, AtomicReference<RuntimeException> failure) {
    try {
      worker.accept(this);
    } catch (RuntimeException e) {
      failure.compareAndSet(null, e);
      stop();
    }
  }
}
