package securechat.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One direction of one {@link FaultLink}: reads what one side sends and writes it to the other,
 * through the {@link Fault} armed at the moment. A test arms a fault while the bytes flow, so it
 * can let a handshake and a login pass untouched and then cut the next message in half.
 *
 * <pre>{@code
 * FaultLink link = proxy.awaitLink();
 * link.toServer().arm(Fault.holdAfter(10));   // the next message stops after 10 bytes
 * carol.send("paused in the middle");
 * link.toServer().awaitHolding();              // now it is stuck inside the proxy
 * link.toServer().release();                   // and now the rest goes on
 * }</pre>
 */
public final class FaultPump {
  private static final Fault NONE = Fault.none();

  private final Socket from;
  private final Socket to;
  private final OutputStream copy;
  private final FaultLink link;
  private final AtomicReference<Fault> armed;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private boolean holding;
  private Fault lastArmed;
  private boolean released;
  private volatile boolean outputClosed;

  /** The fault the pump last saw, and the bytes it has passed since: the pump thread's alone. */
  private Fault current;

  private long sinceArmed;

  FaultPump(Socket from, Socket to, OutputStream copy, Fault first, FaultLink link) {
    this.from = from;
    this.to = to;
    this.copy = copy;
    this.link = link;
    this.armed = new AtomicReference<>(first);
    this.lastArmed = first;
  }

  /** Applies {@code fault} to the bytes from now on, replacing the one armed before. */
  public void arm(Fault fault) {
    lock.lock();
    try {
      released = false;
      lastArmed = fault;
      armed.set(fault);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until a {@link Fault#holdAfter hold} has stopped the bytes, at most {@link
   * WireClient#WAIT}; true if it has.
   */
  public boolean awaitHolding() throws InterruptedException {
    long nanos = WireClient.WAIT.toNanos();
    lock.lock();
    try {
      while (!holding && nanos > 0) {
        nanos = changed.awaitNanos(nanos);
      }
      return holding;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until the fault armed last, one that acts once (a repeated or cut segment, a hold), has
   * acted, at most {@link WireClient#WAIT}; true if it has. A test that sends right after might
   * otherwise have its next bytes caught in the same segment.
   */
  public boolean awaitFired() throws InterruptedException {
    long nanos = WireClient.WAIT.toNanos();
    lock.lock();
    try {
      while (armed.get() == lastArmed && nanos > 0) {
        nanos = changed.awaitNanos(nanos);
      }
      return armed.get() != lastArmed;
    } finally {
      lock.unlock();
    }
  }

  /** Lets held bytes go on. */
  public void release() {
    lock.lock();
    try {
      released = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Half-closes towards the receiver now (a FIN); whatever the sender writes later is dropped. */
  public void halfCloseNow() throws IOException {
    outputClosed = true;
    to.shutdownOutput();
  }

  /** Copies until the sender closes (then passes the FIN on) or either socket breaks. */
  void run() {
    byte[] buffer = new byte[8192];
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      int read;
      while ((read = in.read(buffer)) >= 0) {
        copy.write(buffer, 0, read);
        if (!outputClosed) {
          forward(buffer, read, out);
        }
      }
      if (!outputClosed) {
        to.shutdownOutput();
      }
    } catch (IOException e) {
      // A side closed or was reset (perhaps by this very proxy): the link ends.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One segment through the armed fault: a table of cases, one per kind of fault. */
  private void forward(byte[] bytes, int count, OutputStream out)
      throws IOException, InterruptedException {
    Fault fault = armed.get();
    if (fault != current) {
      current = fault;
      sinceArmed = 0;
    }
    switch (fault) {
      case Fault.None none -> out.write(bytes, 0, count);
      case Fault.Trickle trickle -> trickle(bytes, count, out, trickle.gap());
      case Fault.ResetAfter reset -> {
        out.write(bytes, 0, passing(reset.afterBytes(), count));
        if (sinceArmed >= reset.afterBytes()) {
          outputClosed = true;
          link.reset();
        }
      }
      case Fault.HoldAfter hold -> {
        int pass = passing(hold.afterBytes(), count);
        out.write(bytes, 0, pass);
        if (sinceArmed >= hold.afterBytes()) {
          holdUntilReleased();
          disarm(fault);
          out.write(bytes, pass, count - pass);
        }
      }
      case Fault.HalfCloseAfter halfClose -> {
        out.write(bytes, 0, passing(halfClose.afterBytes(), count));
        if (sinceArmed >= halfClose.afterBytes()) {
          halfCloseNow();
        }
      }
      case Fault.RepeatNextSegment repeat -> {
        out.write(bytes, 0, count);
        out.write(bytes, 0, count);
        disarm(fault);
      }
      case Fault.TruncateNextSegment truncate -> {
        out.write(bytes, 0, Math.min(truncate.keepBytes(), count));
        disarm(fault);
      }
    }
  }

  /** Back to passing bytes unchanged, unless the test has armed another fault meanwhile. */
  private void disarm(Fault fault) {
    lock.lock();
    try {
      armed.compareAndSet(fault, NONE);
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** How many of {@code count} bytes pass before {@code limit} is reached; counts them. */
  private int passing(long limit, int count) {
    int pass = (int) Math.max(0, Math.min(count, limit - sinceArmed));
    sinceArmed += pass;
    return pass;
  }

  private static void trickle(byte[] bytes, int count, OutputStream out, Duration gap)
      throws IOException {
    for (int i = 0; i < count; i++) {
      out.write(bytes[i]);
      if (gap.isPositive()) {
        LockSupport.parkNanos(gap.toNanos());
      }
    }
  }

  private void holdUntilReleased() throws InterruptedException {
    lock.lock();
    try {
      holding = true;
      changed.signalAll();
      while (!released) {
        changed.await(100, TimeUnit.MILLISECONDS);
      }
      holding = false;
    } finally {
      lock.unlock();
    }
  }
}
