package securechat.attacks.crack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.BitSet;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SharedWorkTest {
  @Test
  void everyItemIsClaimedExactlyOnceAcrossThreads() throws Exception {
    BitSet seen = new BitSet();
    AtomicLong overlaps = new AtomicLong();
    AtomicLong progress = new AtomicLong();
    SharedWork work = new SharedWork(10_000, 64, Duration.ofSeconds(20), progress::addAndGet);

    SharedWork.Finished finished =
        work.run(
            3,
            "test worker",
            w -> {
              for (Optional<SharedWork.Batch> batch = w.claim();
                  batch.isPresent();
                  batch = w.claim()) {
                mark(seen, batch.get(), overlaps);
                w.done(batch.get().size());
              }
            });

    assertThat(finished.allDone()).isTrue();
    assertThat(finished.itemsDone()).isEqualTo(10_000);
    assertThat(progress.get()).isEqualTo(10_000);
    assertThat(seen.cardinality()).isEqualTo(10_000);
    assertThat(overlaps.get()).isZero();
  }

  @Test
  void stopEndsTheSearchBeforeEveryItemIsDone() throws Exception {
    SharedWork work = new SharedWork(1_000_000, 10, Duration.ofSeconds(20), done -> {});

    SharedWork.Finished finished =
        work.run(
            2,
            "test worker",
            w -> {
              Optional<SharedWork.Batch> batch = w.claim();
              batch.ifPresent(b -> w.done(b.size()));
              w.stop();
            });

    assertThat(finished.allDone()).isFalse();
    assertThat(finished.itemsDone()).isBetween(10L, 20L);
  }

  @Test
  void aWorkersFailureIsRethrownOnceAllThreadsHaveEnded() {
    SharedWork work = new SharedWork(100, 10, Duration.ofSeconds(20), done -> {});

    assertThatThrownBy(
            () ->
                work.run(
                    2,
                    "test worker",
                    w -> {
                      throw new IllegalStateException("worker broke");
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("worker broke");
  }

  private static void mark(BitSet seen, SharedWork.Batch batch, AtomicLong overlaps) {
    synchronized (seen) {
      for (long i = batch.start(); i < batch.end(); i++) {
        if (seen.get((int) i)) {
          overlaps.incrementAndGet();
        }
        seen.set((int) i);
      }
    }
  }
}
