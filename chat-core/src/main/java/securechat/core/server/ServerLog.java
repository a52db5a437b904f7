package securechat.core.server;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;

/**
 * The server's log: one timestamped line per event. A peer that misbehaves or vanishes is normal
 * and gets one {@link #info} line; anything else is a bug in the server, logged once with its stack
 * trace by {@link #bug}. Secrets (passwords, keys) are never passed to it.
 */
public final class ServerLog {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
  private final Consumer<String> out;

  /**
   * @param out where each finished line goes, e.g. a console's {@code print}
   */
  public ServerLog(Consumer<String> out) {
    this.out = out;
  }

  public void info(String event) {
    out.accept(LocalTime.now().format(TIME) + " " + event);
  }

  /** Logs an unexpected exception: a bug in our code, not the peer's fault. */
  public void bug(String context, Throwable error) {
    StringWriter trace = new StringWriter();
    error.printStackTrace(new PrintWriter(trace));
    info("BUG " + context + ": " + error);
    trace.toString().lines().skip(1).forEach(out);
  }
}
