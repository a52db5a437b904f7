package securechat.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import securechat.core.account.AccountStore;
import securechat.core.account.PasswordHasher;
import securechat.core.client.ChatClient;
import securechat.core.client.ClientSettings;
import securechat.core.identity.KnownHosts;
import securechat.core.identity.ServerIdentity;
import securechat.core.protocol.Limits;
import securechat.core.protocol.Username;
import securechat.core.server.ChatServer;
import securechat.core.server.ServerLog;
import securechat.core.terminal.PrintOnlyConsole;
import securechat.plain.PlainSecurity;

/**
 * Measures the e2e stage end to end on loopback (not a test: run by hand, numbers go into the issue
 * notes and, later, {@code lab bench}): 100-byte private messages per second from one sender to one
 * recipient (seal + sign, route, verify + open, counters on disk), and the time of one broadcast to
 * 50 users.
 *
 * <pre>
 *   ./mvnw -q -o -pl chat-e2e dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 *   java -cp chat-e2e/target/test-classes:chat-e2e/target/classes:$(cat /tmp/cp.txt) \
 *       securechat.e2e.E2eThroughput [MESSAGES]
 * </pre>
 */
public final class E2eThroughput {
  private static final int WINDOW = 100;

  private E2eThroughput() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("e2e-throughput");
    ServerIdentity identity = ServerIdentity.generate();
    ChatServer server =
        new ChatServer(
            E2eSecurity.server(
                new PlainSecurity(Limits.DEFAULTS),
                identity,
                KeyDirectory.open(dir.resolve("server"), identity, Clock.systemUTC())),
            AccountStore.open(dir.resolve("server"), PasswordHasher.forTests()),
            Limits.DEFAULTS.withMaxClients(200),
            new ServerLog(line -> {}));
    int port = server.start("127.0.0.1", 0).getPort();
    int messages = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
    CountingConsole bob = new CountingConsole("alice -> bob");
    ChatClient alice = connect(dir, port, "alice", new CountingConsole("-"));
    connect(dir, port, "bob", bob);
    String text = "x".repeat(100);
    sendInWindows(alice, bob, text, 500, 0); // warm-up
    long start = System.nanoTime();
    sendInWindows(alice, bob, text, messages, 500);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "private 100-byte messages: %d in %.2f s = %.0f messages/s%n",
        messages, seconds, messages / seconds);
    broadcast(dir, port, alice, text);
    server.shutdown("done");
    System.exit(0);
  }

  /**
   * Sends {@code count} whispers, at most {@link #WINDOW} in flight: a sender that never waits
   * fills the recipient's bounded outbox, and the server drops the recipient as too slow.
   */
  private static void sendInWindows(
      ChatClient alice, CountingConsole bob, String text, int count, int before)
      throws InterruptedException {
    for (int sent = 0; sent < count; sent += WINDOW) {
      for (int i = 0; i < WINDOW; i++) {
        alice.type("/whisper bob " + text);
      }
      bob.await(before + sent + WINDOW - WINDOW / 2);
    }
    bob.await(before + count);
  }

  private static void broadcast(Path dir, int port, ChatClient alice, String text)
      throws Exception {
    List<CountingConsole> recipients = new ArrayList<>();
    for (int i = 0; i < 49; i++) {
      CountingConsole console = new CountingConsole("alice: ");
      connect(dir, port, "user" + i, console);
      recipients.add(console);
    }
    Thread.sleep(1000); // every JOIN has reached alice
    int rounds = 20;
    long start = System.nanoTime();
    for (int round = 0; round < rounds; round++) {
      alice.type(text);
    }
    for (CountingConsole console : recipients) {
      console.await(rounds);
    }
    double millis = (System.nanoTime() - start) / 1e6 / rounds;
    System.out.printf(
        "broadcast to 50 users (49 others + bob): %.1f ms each, delivered to all%n", millis);
  }

  private static ChatClient connect(Path dir, int port, String name, CountingConsole console)
      throws Exception {
    Username user = new Username(name);
    Path clientDir = dir.resolve("clients");
    E2eUser me =
        new E2eUser(
            user,
            IdentityKeys.generate(new SecureRandom()),
            ContactBook.open(clientDir, user),
            new KnownHosts(clientDir.resolve(name), line -> {}),
            "127.0.0.1:" + port,
            Hpke.Aead.AES_128_GCM,
            Clock.systemUTC(),
            Limits.DEFAULTS,
            console::print);
    ClientSettings settings =
        ClientSettings.anonymous("127.0.0.1", port, clientDir.resolve("downloads"))
            .withLogin(user, "throughput-password", true);
    ChatClient client =
        ChatClient.connect(
            E2eSecurity.client(new PlainSecurity(Limits.DEFAULTS), me), settings, console);
    client.awaitReady(Duration.ofSeconds(10));
    return client;
  }

  /** Counts the printed lines that start with a prefix. */
  private static final class CountingConsole extends PrintOnlyConsole {
    private final String prefix;
    private final java.util.concurrent.Semaphore seen = new java.util.concurrent.Semaphore(0);

    CountingConsole(String prefix) {
      this.prefix = prefix;
    }

    void await(int count) throws InterruptedException {
      if (!seen.tryAcquire(count, 60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("not all messages arrived");
      }
      seen.release(count);
    }

    @Override
    public void print(String line) {
      if (line.startsWith(prefix)) {
        seen.release();
      }
    }
  }
}
