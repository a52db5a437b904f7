package securechat.core.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import securechat.core.protocol.ServerMessage;

class BoundedOutboxTest {
  private final AtomicInteger closes = new AtomicInteger();
  private final BoundedOutbox outbox = new BoundedOutbox(3, closes::incrementAndGet);

  @Test
  void messagesComeOutInOrderThenByeLast() throws Exception {
    outbox.send(new ServerMessage.Notice("one"));
    outbox.send(new ServerMessage.Notice("two"));
    outbox.close("goodbye");
    outbox.send(new ServerMessage.Notice("after close: dropped"));
    assertThat(outbox.takeAll())
        .containsExactly(
            new ServerMessage.Notice("one"),
            new ServerMessage.Notice("two"),
            new ServerMessage.Bye("goodbye"));
    assertThat(outbox.takeAll()).isEmpty();
    assertThat(outbox.isFinished()).isTrue();
    assertThat(closes).hasValue(1);
  }

  @Test
  void overflowDropsTheBacklogAndSaysWhy() throws Exception {
    for (int i = 0; i < 4; i++) {
      outbox.send(new ServerMessage.Notice("n" + i));
    }
    assertThat(outbox.takeAll())
        .containsExactly(new ServerMessage.Bye("too slow: 3 messages were waiting for you"));
    assertThat(outbox.takeAll()).isEmpty();
    assertThat(closes).hasValue(1);
  }

  @Test
  void theWriterTakesWhatPiledUpAndThenWaitsForMore() throws Exception {
    outbox.send(new ServerMessage.Notice("one"));
    outbox.send(new ServerMessage.Notice("two"));
    assertThat(outbox.takeAll())
        .containsExactly(new ServerMessage.Notice("one"), new ServerMessage.Notice("two"));
    Thread writer =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    outbox.takeAll();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
    writer.join(200);
    assertThat(writer.isAlive()).as("an empty outbox makes the writer wait").isTrue();
    outbox.send(new ServerMessage.Notice("three"));
    writer.join(5_000);
    assertThat(writer.isAlive()).isFalse();
  }

  @Test
  void firstCloseReasonWins() {
    outbox.close("removed by the administrator");
    outbox.close("server is shutting down");
    assertThat(outbox.closeReason()).contains("removed by the administrator");
    assertThat(outbox.size()).isEqualTo(1);
    assertThat(closes).hasValue(1);
  }
}
