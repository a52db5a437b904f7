package securechat.core.server;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import securechat.core.protocol.ServerMessage;

/**
 * An {@link Outbox} with a fixed capacity, drained by one writer thread.
 *
 * <p><b>Protects</b> the server from a slow client: a client that does not read fills its own
 * outbox and nobody else's. When the outbox is full, the waiting messages are dropped, {@code BYE}
 * says why, and the connection is ended, so memory per client stays bounded and no sender ever
 * waits for a slow reader.
 */
final class BoundedOutbox implements Outbox {
  private final int capacity;
  private final Runnable onClose;
  private final ArrayDeque<ServerMessage> queue = new ArrayDeque<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private String closeReason;

  /**
   * @param capacity most messages waiting at once
   * @param onClose run once, outside the lock, when the outbox closes (by request or overflow)
   */
  BoundedOutbox(int capacity, Runnable onClose) {
    this.capacity = capacity;
    this.onClose = onClose;
  }

  @Override
  public void send(ServerMessage message) {
    lock.lock();
    try {
      if (closeReason != null) {
        return;
      }
      if (queue.size() < capacity) {
        queue.add(message);
        changed.signalAll();
        return;
      }
      queue.clear();
    } finally {
      lock.unlock();
    }
    close("too slow: " + capacity + " messages were waiting for you");
  }

  @Override
  public void close(String reason) {
    lock.lock();
    try {
      if (closeReason != null) {
        return;
      }
      closeReason = reason;
      queue.add(new ServerMessage.Bye(reason));
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    onClose.run();
  }

  /**
   * Every message waiting, in order, waiting while there is none; empty once the outbox is closed
   * and its last message, {@code BYE}, has been taken. The writer sends what piled up while it was
   * writing in one go: one system call for many lines when a client is busy.
   */
  List<ServerMessage> takeAll() throws InterruptedException {
    lock.lock();
    try {
      while (queue.isEmpty() && closeReason == null) {
        changed.await();
      }
      List<ServerMessage> all = List.copyOf(queue);
      queue.clear();
      return all;
    } finally {
      lock.unlock();
    }
  }

  /** True once closed and every queued message, {@code BYE} last, has been taken. */
  boolean isFinished() {
    lock.lock();
    try {
      return closeReason != null && queue.isEmpty();
    } finally {
      lock.unlock();
    }
  }

  /** Why the outbox was closed, if it was. */
  Optional<String> closeReason() {
    lock.lock();
    try {
      return Optional.ofNullable(closeReason);
    } finally {
      lock.unlock();
    }
  }

  /** Messages waiting now. */
  int size() {
    lock.lock();
    try {
      return queue.size();
    } finally {
      lock.unlock();
    }
  }
}
