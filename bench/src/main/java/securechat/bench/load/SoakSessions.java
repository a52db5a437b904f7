package securechat.bench.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import securechat.core.channel.HandshakeException;
import securechat.core.cli.ConfigException;

/**
 * The ordinary users of a soak: {@code K} workers, each taking turns with its own share of the
 * users (no two workers ever share one), run one session after another: connect, log in, whisper
 * one to four messages to random anchors, {@code /quit}, and wait for the server's goodbye. Each
 * user's sequence numbers go on from one session to the next, so "in order per sender" spans the
 * whole soak.
 */
final class SoakSessions {
  private static final Duration LOGIN_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration QUIT_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(30);
  private static final int MAX_UNREAD = 500;

  private final int firstUser;
  private final int endUser;
  private final int workers;
  private final LoadNames names;
  private final ClientSecurities securities;
  private final InetSocketAddress server;
  private final DeliveryTracker tracker;
  private final long[] nextSequence;
  private final AtomicLong completed = new AtomicLong();

  /**
   * @param firstUser the first user's index (the anchors come before it)
   * @param endUser one past the last user's index
   * @param workers sessions at once
   */
  SoakSessions(
      int firstUser,
      int endUser,
      int workers,
      LoadNames names,
      ClientSecurities securities,
      InetSocketAddress server,
      DeliveryTracker tracker) {
    this.firstUser = firstUser;
    this.endUser = endUser;
    this.workers = Math.min(workers, endUser - firstUser);
    this.names = names;
    this.securities = securities;
    this.server = server;
    this.tracker = tracker;
    this.nextSequence = new long[endUser];
  }

  /** Sessions that ended with the server's goodbye. */
  long completed() {
    return completed.get();
  }

  int workers() {
    return workers;
  }

  /** Starts the workers, each running one session of each of its users once. */
  List<Thread> startEveryUserOnce() {
    return start(
        "soak warm-up", (worker, random) -> users(worker).forEach(u -> session(u, random)));
  }

  /** Starts the workers, each taking turns with its users until {@code endNanos}. */
  List<Thread> startUntil(long endNanos) {
    return start(
        "soak worker",
        (worker, random) -> {
          List<Integer> users = users(worker);
          for (int turn = 0; System.nanoTime() < endNanos; turn++) {
            session(users.get(turn % users.size()), random);
          }
        });
  }

  /** One more session of the first user: true if the server still let it in and out. */
  boolean oneMoreWorks() {
    long before = completed.get();
    session(firstUser, new Random(0));
    return completed.get() == before + 1;
  }

  private interface Work {
    void run(int worker, Random random);
  }

  private List<Thread> start(String name, Work work) {
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      int worker = w;
      threads.add(
          Thread.ofVirtual()
              .name(name + " " + w)
              .start(() -> work.run(worker, new Random(worker))));
    }
    return threads;
  }

  /** The users worker {@code w} takes turns with. */
  private List<Integer> users(int worker) {
    List<Integer> users = new ArrayList<>();
    for (int user = firstUser + worker; user < endUser; user += workers) {
      users.add(user);
    }
    return users;
  }

  private void session(int user, Random random) {
    LoadClient client;
    try {
      client =
          LoadClient.connect(
              user,
              names.of(user),
              securities.forClient(user),
              server,
              tracker,
              0,
              nextSequence[user]);
    } catch (IOException | HandshakeException | ConfigException e) {
      tracker.error("session connect: " + Errors.kind(e));
      return;
    }
    try {
      chat(client, user, random);
    } catch (IOException | LoadClient.LoginException e) {
      tracker.error("session: " + Errors.kind(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      closeQuietly(client);
      nextSequence[user] = client.nextSequence();
    }
  }

  private void chat(LoadClient client, int user, Random random)
      throws IOException, InterruptedException, LoadClient.LoginException {
    client.logIn(names.passwordOf(user), false, LOGIN_TIMEOUT);
    awaitAnchorsCaughtUp();
    int messages = 1 + random.nextInt(4);
    for (int i = 0; i < messages; i++) {
      String anchor = names.of(random.nextInt(firstUser));
      client.queue(new LoadClient.Send(System.nanoTime(), Optional.of(anchor)));
    }
    if (client.quit(QUIT_TIMEOUT)) {
      completed.incrementAndGet();
    } else {
      tracker.error("session: no goodbye within " + QUIT_TIMEOUT.toSeconds() + " s of /quit");
    }
  }

  /**
   * Waits, at most 30 s, while the anchors have more than {@value #MAX_UNREAD} whispers still to
   * read. The anchors run in this JVM, beside every session: on a busy machine the sessions could
   * outrun them until the server drops them as too slow, which is the server's rule working, not a
   * fault of the server. A soak checks that nothing is lost, not how fast it goes.
   */
  private void awaitAnchorsCaughtUp() throws InterruptedException {
    long deadline = System.nanoTime() + CATCH_UP_LIMIT.toNanos();
    while (tracker.expected() - tracker.delivered() > MAX_UNREAD && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
  }

  private static void closeQuietly(LoadClient client) {
    try {
      client.close();
    } catch (IOException e) {
      // A socket the server already closed: nothing to count.
    }
  }
}
