package securechat.bench.load;

import java.io.PrintWriter;
import java.util.function.Supplier;

/**
 * The one-line progress of a load run on stderr: the phase and its counts, redrawn every second on
 * a terminal, printed every five seconds elsewhere (a pipe, CI), so that logs stay short.
 *
 * <pre>
 * [run 12/30 s] connected 10,000  sent 12,000  delivered 11,950  p99 3.10 ms  server heap 412 MiB
 * </pre>
 */
final class StatusLine implements AutoCloseable {
  private final PrintWriter err;
  private final boolean terminal;
  private final Thread painter;
  private volatile Supplier<String> status = () -> "";
  private volatile boolean running = true;

  StatusLine(PrintWriter err, boolean terminal) {
    this.err = err;
    this.terminal = terminal;
    this.painter = Thread.ofPlatform().daemon(true).name("load status").start(this::paint);
  }

  /** What to show from now on; asked once per line. */
  void show(Supplier<String> newStatus) {
    status = newStatus;
  }

  private void paint() {
    long periodMillis = terminal ? 1_000 : 5_000;
    while (running) {
      try {
        Thread.sleep(periodMillis);
      } catch (InterruptedException e) {
        return;
      }
      String line = status.get();
      if (running && !line.isEmpty()) {
        draw(line);
      }
    }
  }

  private synchronized void draw(String line) {
    if (terminal) {
      err.print("\r\033[K" + line);
    } else {
      err.println(line);
    }
    err.flush();
  }

  /** Stops and clears the line. */
  @Override
  public synchronized void close() {
    running = false;
    painter.interrupt();
    if (terminal) {
      err.print("\r\033[K");
      err.flush();
    }
  }
}
