package securechat.bench.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import securechat.core.channel.HandshakeException;
import securechat.core.cli.ConfigException;

/**
 * The phases of a soak against a listening server ({@link SoakRun} starts it): anchors and feeder
 * log in, warm-up, baseline, churn with killed handshakes and slow consumers, drain, the resources
 * again, one more login, and the figures.
 */
final class SoakPhases {
  private static final Duration LOGIN_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration SETTLE_LIMIT = Duration.ofSeconds(30);
  private static final Duration DRAIN_LIMIT = Duration.ofSeconds(30);
  private static final Duration POLL = Duration.ofMillis(100);

  private final SoakSettings settings;
  private final LoadNames names;
  private final DeliveryTracker tracker;
  private final DeliveryTracker toSlowConsumers;
  private final StatusLine status;
  private final ServerProcess server;
  private final ServerProbe probe;
  private final ClientSecurities securities;
  private final InetSocketAddress address;
  private final Path scratch;
  private final SoakSessions sessions;

  /**
   * @param tracker the anchors' deliveries and every error
   * @param toSlowConsumers the feeder's whispers to the slow consumers, not counted as deliveries
   * @param scratch a folder for the server's thread dumps
   */
  SoakPhases(
      SoakSettings settings,
      LoadNames names,
      DeliveryTracker tracker,
      DeliveryTracker toSlowConsumers,
      StatusLine status,
      ServerProcess server,
      ServerProbe probe,
      ClientSecurities securities,
      Path scratch) {
    this.settings = settings;
    this.names = names;
    this.tracker = tracker;
    this.toSlowConsumers = toSlowConsumers;
    this.status = status;
    this.server = server;
    this.probe = probe;
    this.securities = securities;
    this.address = server.address();
    this.scratch = scratch;
    this.sessions =
        new SoakSessions(
            SoakRun.ANCHORS,
            settings.clients(),
            settings.sessionsAtOnce(),
            names,
            securities,
            address,
            tracker);
  }

  SoakReport run() throws ConfigException, IOException, InterruptedException {
    List<LoadClient> stayOnline = new ArrayList<>();
    try {
      for (int i = 0; i < SoakRun.ANCHORS; i++) {
        stayOnline.add(logIn(i, tracker, 0));
      }
      LoadClient feeder = logIn(feederIndex(), toSlowConsumers, SlowConsumers.WHISPER_CHARS);
      stayOnline.add(feeder);
      SlowConsumers slow = new SlowConsumers(server, address, feeder, tracker);
      Optional<DoomedHandshakes> doomed = doomedHandshakes();
      status.show(() -> "[warm-up] every user once: " + sessions.completed() + " sessions");
      warmUp(slow, doomed);
      status.show(() -> "[baseline] full GC, threads, open files");
      ServerResources before = settle(Optional.empty());
      long start = System.nanoTime();
      churn(start + settings.duration().toNanos(), slow, doomed);
      double seconds = (System.nanoTime() - start) / 1e9;
      drain();
      status.show(() -> "[after] waiting for the server to let go of the connections");
      ServerResources after = settle(Optional.of(before));
      boolean loginAfter = sessions.oneMoreWorks();
      drain(); // that last session's whispers too
      return report(seconds, slow, doomed, before, after, loginAfter);
    } finally {
      for (LoadClient client : stayOnline) {
        client.close();
      }
    }
  }

  private LoadClient logIn(int index, DeliveryTracker counts, int messageChars)
      throws ConfigException, IOException, InterruptedException {
    try {
      LoadClient client =
          LoadClient.connect(
              index,
              names.of(index),
              securities.forClient(index),
              address,
              counts,
              messageChars,
              0);
      client.logIn(names.passwordOf(index), false, LOGIN_TIMEOUT);
      return client;
    } catch (HandshakeException | LoadClient.LoginException e) {
      throw new ConfigException(names.of(index) + " could not log in: " + Errors.kind(e));
    }
  }

  private Optional<DoomedHandshakes> doomedHandshakes() throws ConfigException, IOException {
    if (settings.killEvery().isZero()) {
      return Optional.empty();
    }
    return Optional.of(
        DoomedHandshakes.prepare(address, securities.forClient(SoakRun.ANCHORS), tracker));
  }

  /**
   * Every user once, one handshake killed and one slow consumer dropped: after this the server has
   * loaded every class and made every per-user entry (an e2e key binding) it will ever make, so
   * what it holds now is the baseline to come back to.
   */
  private void warmUp(SlowConsumers slow, Optional<DoomedHandshakes> doomed)
      throws InterruptedException {
    List<Thread> threads = sessions.startEveryUserOnce();
    if (doomed.isPresent()) {
      doomed.get().killOne();
    }
    if (!settings.slowEvery().isZero()) {
      slowOne(slow, 0);
    }
    for (Thread thread : threads) {
      thread.join();
    }
  }

  private void churn(long endNanos, SlowConsumers slow, Optional<DoomedHandshakes> doomed)
      throws InterruptedException {
    long start = System.nanoTime();
    status.show(
        () ->
            String.format(
                "[soak %d/%d s] %d sessions, %d killed, %d slow dropped, %d of %d delivered%s",
                (System.nanoTime() - start) / 1_000_000_000L,
                settings.duration().toSeconds(),
                sessions.completed(),
                doomed.map(DoomedHandshakes::kills).orElse(0L),
                slow.dropped(),
                tracker.delivered(),
                tracker.expected(),
                heapStatus()));
    List<Thread> threads = new ArrayList<>(sessions.startUntil(endNanos));
    doomed.ifPresent(d -> threads.add(every(settings.killEvery(), endNanos, k -> d.killOne())));
    if (!settings.slowEvery().isZero()) {
      threads.add(every(settings.slowEvery(), endNanos, k -> slowOne(slow, k)));
    }
    for (Thread thread : threads) {
      thread.join();
    }
  }

  private void slowOne(SlowConsumers slow, int k) throws InterruptedException {
    int user = settings.clients() + k % SoakRun.SLOW_NAMES;
    try {
      slow.runOne(names.of(user), names.passwordOf(user), securities.forClient(user));
    } catch (ConfigException | IOException e) {
      tracker.error("slow consumer: " + Errors.kind(e));
    }
  }

  /** Waits until every whisper the sessions sent has reached its anchor, at most 30 s. */
  private void drain() throws InterruptedException {
    status.show(() -> "[drain] " + tracker.delivered() + " of " + tracker.expected());
    long deadline = System.nanoTime() + DRAIN_LIMIT.toNanos();
    while (tracker.delivered() < tracker.expected() && System.nanoTime() < deadline) {
      Thread.sleep(POLL);
    }
  }

  /**
   * The server's resources once they stop changing: for the baseline, two readings a second apart
   * that agree on files and threads; afterwards, the first reading back within the baseline's
   * margins. At most 30 s; then the last reading, whatever it says.
   */
  private ServerResources settle(Optional<ServerResources> baseline)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + SETTLE_LIMIT.toNanos();
    ServerResources last = probe.resources(scratch);
    while (System.nanoTime() < deadline) {
      Thread.sleep(Duration.ofSeconds(1));
      ServerResources now = probe.resources(scratch);
      boolean settled =
          baseline.isPresent()
              ? SoakReport.growth(now, baseline.get()).isEmpty()
              : now.openFiles() == last.openFiles()
                  && now.virtualThreads() == last.virtualThreads();
      if (settled) {
        return now;
      }
      last = now;
    }
    return last;
  }

  private String heapStatus() {
    try {
      return "  server heap " + probe.heapUsedBytes() / (1024 * 1024) + " MiB";
    } catch (RuntimeException serverGone) {
      return "";
    }
  }

  private SoakReport report(
      double seconds,
      SlowConsumers slow,
      Optional<DoomedHandshakes> doomed,
      ServerResources before,
      ServerResources after,
      boolean loginAfter) {
    return new SoakReport(
        settings.stage().name(),
        settings.clients(),
        sessions.workers(),
        seconds,
        sessions.completed(),
        doomed.map(DoomedHandshakes::kills).orElse(0L),
        slow.started(),
        slow.dropped(),
        tracker.sent(),
        tracker.delivered(),
        tracker.duplicates(),
        tracker.outOfOrder(),
        tracker.errors(),
        before,
        after,
        loginAfter,
        server.bugLines());
  }

  /**
   * Every error: the sessions' and anchors', and the feeder's, except the refusals of whispers to a
   * slow consumer the server has just dropped ({@code ERR no-such-user}), which are expected.
   */
  private Map<String, Long> errors() {
    Map<String, Long> all = new TreeMap<>(tracker.errors());
    toSlowConsumers
        .errors()
        .forEach(
            (kind, n) -> {
              if (!kind.startsWith("ERR no-such-user")) {
                all.merge("feeder: " + kind, n, Long::sum);
              }
            });
    return all;
  }

  /** The feeder, the last account: after the users and the slow consumers' names. */
  private int feederIndex() {
    return settings.clients() + SoakRun.SLOW_NAMES;
  }

  /** Something done again and again; {@code round} counts from 1. */
  private interface Round {
    void run(int round) throws InterruptedException;
  }

  /**
   * A thread that runs {@code round} every {@code period} (or back to back, if it takes longer).
   */
  private static Thread every(Duration period, long endNanos, Round round) {
    return Thread.ofVirtual()
        .name("soak every " + period)
        .start(
            () -> {
              try {
                for (int k = 1; System.nanoTime() < endNanos; k++) {
                  long next = System.nanoTime() + period.toNanos();
                  round.run(k);
                  long left = Math.min(next, endNanos) - System.nanoTime();
                  if (left > 0) {
                    Thread.sleep(Duration.ofNanos(left));
                  }
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
  }
}
