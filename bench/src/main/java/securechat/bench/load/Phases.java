package securechat.bench.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import securechat.core.channel.ChannelSecurity;
import securechat.core.channel.HandshakeException;
import securechat.core.cli.ConfigException;

/**
 * The phases of a load run against a listening server: connect and log in every client, let the
 * presence lines settle, send for the duration, drain, read the server's figures, close.
 */
final class Phases {
  private static final Duration LOGIN_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration SETTLE_LIMIT = Duration.ofSeconds(120);
  private static final Duration POLL = Duration.ofMillis(50);

  private final LoadSettings settings;
  private final DeliveryTracker tracker;
  private final StatusLine status;
  private final LoadNames names;
  private final ServerWatch watch;
  private final List<LoadClient> clients = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, Integer> failures = new ConcurrentHashMap<>();

  Phases(
      LoadSettings settings,
      DeliveryTracker tracker,
      StatusLine status,
      LoadNames names,
      ServerWatch watch) {
    this.settings = settings;
    this.tracker = tracker;
    this.status = status;
    this.names = names;
    this.watch = watch;
  }

  /** The broadcast and whisper patterns. */
  LoadReport chat(LoadReport.Setup setup, ClientSecurities securities, InetSocketAddress server)
      throws ConfigException, IOException, InterruptedException {
    try (watch) {
      LoadReport.Rate connects = connectAll(securities, server);
      LoadReport.Rate logins = logInAll();
      settlePresence();
      watch.markMeasuredPhase();
      Pacer pacer =
          new Pacer(clients, names, settings.pattern(), settings.ratePerSecond(), settings.seed());
      long start = System.nanoTime() + POLL.toNanos();
      status.show(() -> runStatus("run", start, pacer));
      pacer.run(start, settings.duration());
      drain(start, pacer);
      status.show(() -> "[figures] full GC and thread dump on the server");
      Optional<ServerFigures> figures = watch.finish();
      LoadReport.Messages messages = messages(start, pacer);
      closeAll();
      return new LoadReport(
          setup,
          connects,
          logins,
          Optional.of(messages),
          Optional.empty(),
          tracker.latencyMicros(),
          tracker.errors(),
          figures,
          watch.note());
    } finally {
      closeAll();
    }
  }

  /** The connect pattern: handshakes in a closed loop for the duration. */
  LoadReport connect(
      LoadReport.Setup setup, List<ChannelSecurity> securities, InetSocketAddress server)
      throws InterruptedException {
    try (watch) {
      HandshakeChurn churn = new HandshakeChurn(securities, server, tracker);
      watch.markMeasuredPhase();
      long start = System.nanoTime();
      long end = start + settings.duration().toNanos();
      status.show(
          () ->
              String.format(
                  "[connect %d/%d s] %s handshakes%s",
                  (System.nanoTime() - start) / 1_000_000_000L,
                  settings.duration().toSeconds(),
                  ReportTable.count(churn.completed()),
                  watch.heapStatus()));
      churn.run(end);
      double seconds = (System.nanoTime() - start) / 1e9;
      LoadReport.Rate handshakes = new LoadReport.Rate(churn.completed(), seconds);
      status.show(() -> "[figures] full GC and thread dump on the server");
      Optional<ServerFigures> figures = watch.finish();
      return new LoadReport(
          setup,
          handshakes,
          new LoadReport.Rate(0, 0),
          Optional.empty(),
          Optional.of(handshakes),
          churn.latencyMicros(),
          tracker.errors(),
          figures,
          watch.note());
    }
  }

  private LoadReport.Rate connectAll(ClientSecurities securities, InetSocketAddress server)
      throws ConfigException, InterruptedException {
    int n = settings.clients();
    status.show(() -> "[connect] " + ReportTable.count(clients.size()) + " of " + count(n));
    long start = System.nanoTime();
    boundedForEach(
        n,
        i -> {
          try {
            clients.add(
                LoadClient.connect(
                    i,
                    names.of(i),
                    securities.forClient(i),
                    server,
                    tracker,
                    settings.messageChars(),
                    0));
          } catch (IOException | HandshakeException | ConfigException e) {
            failures.merge("connect: " + Errors.kind(e), 1, Integer::sum);
          }
        });
    LoadReport.Rate rate = new LoadReport.Rate(clients.size(), seconds(start));
    checkEveryone("connected", clients.size());
    clients.sort((a, b) -> Integer.compare(a.index(), b.index()));
    return rate;
  }

  private LoadReport.Rate logInAll() throws ConfigException, InterruptedException {
    AtomicInteger loggedIn = new AtomicInteger();
    boolean register = !settings.ownServer();
    status.show(
        () -> "[login] " + ReportTable.count(loggedIn.get()) + " of " + count(clients.size()));
    long start = System.nanoTime();
    boundedForEach(
        clients.size(),
        i -> {
          LoadClient client = clients.get(i);
          try {
            client.logIn(names.passwordOf(client.index()), register, LOGIN_TIMEOUT);
            loggedIn.incrementAndGet();
          } catch (IOException | LoadClient.LoginException e) {
            failures.merge("login: " + Errors.kind(e), 1, Integer::sum);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    LoadReport.Rate rate = new LoadReport.Rate(loggedIn.get(), seconds(start));
    checkEveryone("logged in", loggedIn.get());
    return rate;
  }

  /** Runs {@code task(i)} for every i below n, at most {@code connectConcurrency} at once. */
  private void boundedForEach(int n, IndexTask task) throws InterruptedException {
    Semaphore permits = new Semaphore(settings.connectConcurrency());
    List<Thread> threads = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      permits.acquire();
      int index = i;
      threads.add(
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      task.run(index);
                    } finally {
                      permits.release();
                    }
                  }));
    }
    for (Thread thread : threads) {
      thread.join();
    }
  }

  @FunctionalInterface
  private interface IndexTask {
    void run(int index);
  }

  /** Every client must be in: a partial crowd would measure something else. */
  private void checkEveryone(String what, int done) throws ConfigException {
    if (done == settings.clients() && failures.isEmpty()) {
      return;
    }
    Map<String, Integer> sorted = new TreeMap<>(failures);
    throw new ConfigException(
        "only "
            + count(done)
            + " of "
            + count(settings.clients())
            + " clients "
            + what
            + "; "
            + sorted.entrySet().iterator().next().getValue()
            + " × "
            + sorted.keySet().iterator().next(),
        "the server may be overloaded: try fewer clients, a lower --connect-concurrency, or"
            + " a larger --server-heap");
  }

  /**
   * Waits until every client has heard every later login ({@code JOIN}): with N clients logging in
   * one after the other, N(N-1)/2 lines. Sending before that would measure the presence storm along
   * with the messages.
   */
  private void settlePresence() throws InterruptedException {
    long n = settings.clients();
    long expected = n * (n - 1) / 2;
    long start = System.nanoTime();
    status.show(
        () ->
            "[settle] "
                + ReportTable.count(tracker.joins())
                + " of "
                + ReportTable.count(expected)
                + " JOIN lines delivered"
                + watch.heapStatus());
    while (tracker.joins() < expected && seconds(start) < SETTLE_LIMIT.toSeconds()) {
      Thread.sleep(POLL);
    }
    if (tracker.joins() < expected) {
      tracker.error("presence did not settle within " + SETTLE_LIMIT.toSeconds() + " s");
    }
  }

  private void drain(long start, Pacer pacer) throws InterruptedException {
    long end = System.nanoTime() + settings.drain().toNanos();
    status.show(() -> runStatus("drain", start, pacer));
    while (System.nanoTime() < end
        && (tracker.delivered() < tracker.expected() || tracker.sent() < pacer.queued())) {
      Thread.sleep(POLL);
    }
  }

  private String runStatus(String phase, long start, Pacer pacer) {
    long elapsed = Math.max(0, (System.nanoTime() - start) / 1_000_000_000L);
    return String.format(
        "[%s %d/%d s] sent %s  delivered %s  p99 %.2f ms%s",
        phase,
        Math.min(elapsed, settings.duration().toSeconds()),
        settings.duration().toSeconds(),
        ReportTable.count(tracker.sent()),
        ReportTable.count(tracker.delivered()),
        tracker.collectLatency() / 1000.0,
        watch.heapStatus());
  }

  private LoadReport.Messages messages(long start, Pacer pacer) {
    long last = tracker.lastDeliveryNanos();
    double deliverySeconds = last > start ? (last - start) / 1e9 : 0;
    return new LoadReport.Messages(
        tracker.sent(),
        settings.duration().toNanos() / 1e9,
        tracker.expected(),
        tracker.delivered(),
        deliverySeconds,
        tracker.duplicates(),
        tracker.outOfOrder(),
        Math.max(0, pacer.queued() - tracker.sent()));
  }

  private void closeAll() {
    List<LoadClient> all;
    synchronized (clients) {
      all = new ArrayList<>(clients);
      clients.clear();
    }
    for (LoadClient client : all) {
      try {
        client.close();
      } catch (IOException e) {
        // Closing a socket the server already closed: nothing to count.
      }
    }
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static String count(long n) {
    return ReportTable.count(n);
  }
}
