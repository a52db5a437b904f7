package securechat.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
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
import securechat.core.storage.LabFiles;
import securechat.core.terminal.PrintOnlyConsole;
import securechat.plain.PlainSecurity;

/**
 * Private e2e messages per second end to end over loopback: alice's real chat client seals each
 * 100-byte {@code /whisper} (HPKE, signature, counter) and sends it, a real e2e {@link ChatServer}
 * on 127.0.0.1 routes it unopened, and bob's real client checks, opens and shows it. An operation
 * is one message; each invocation sends {@link #WINDOW} and waits until bob has shown them all (a
 * sender that never waits fills bob's bounded outbox, and the server drops bob as too slow). Issue
 * 11's target is 4,000 per second.
 *
 * <p>The transport under the e2e layer is plain TCP, so that this measures the e2e stage's own work
 * (the tls stage's records are measured with the tls stage). {@code contacts} says where the two
 * clients keep their counters: {@code disk}, as the lab runs, or {@code memory}, to show what the
 * durable counters cost.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class E2eLoopbackBenchmark {
  static final int WINDOW = 100;
  private static final String TEXT = "x".repeat(100);

  @Param({"disk", "memory"})
  public String contacts;

  private Path dir;
  private ChatServer server;
  private ChatClient alice;
  private ChatClient bob;
  private final Semaphore shownToBob = new Semaphore(0);

  @Setup(Level.Trial)
  public void start() throws Exception {
    dir = Files.createTempDirectory("e2e-loopback");
    ServerIdentity identity = ServerIdentity.generate();
    server =
        new ChatServer(
            E2eSecurity.server(
                new PlainSecurity(Limits.DEFAULTS),
                identity,
                KeyDirectory.open(dir.resolve("server"), identity, Clock.systemUTC())),
            AccountStore.open(dir.resolve("server"), PasswordHasher.forTests()),
            Limits.DEFAULTS,
            new ServerLog(line -> {}));
    int port = server.start("127.0.0.1", 0).getPort();
    bob = connect(port, "bob", line -> countIf(line.startsWith("alice -> bob")));
    alice = connect(port, "alice", line -> {});
    whispers(); // bob's key reaches alice, alice's reaches bob
  }

  @TearDown(Level.Trial)
  public void stop() throws IOException {
    server.shutdown("benchmark over");
    LabFiles.deleteTree(dir);
  }

  @Benchmark
  @Threads(1)
  @OperationsPerInvocation(WINDOW)
  public int whispers() throws InterruptedException {
    for (int i = 0; i < WINDOW; i++) {
      alice.type("/whisper bob " + TEXT);
    }
    if (!shownToBob.tryAcquire(WINDOW, 60, TimeUnit.SECONDS)) {
      throw new IllegalStateException("bob was not shown every whisper within 60 seconds");
    }
    return WINDOW;
  }

  private void countIf(boolean shown) {
    if (shown) {
      shownToBob.release();
    }
  }

  private ChatClient connect(int port, String name, java.util.function.Consumer<String> printed)
      throws Exception {
    Username user = new Username(name);
    Path clientDir = dir.resolve("clients");
    E2eUser me =
        new E2eUser(
            user,
            IdentityKeys.generate(new SecureRandom()),
            contacts.equals("disk") ? ContactBook.open(clientDir, user) : ContactBook.inMemory(),
            new KnownHosts(clientDir.resolve(name), line -> {}),
            "127.0.0.1:" + port,
            Hpke.Aead.AES_128_GCM,
            Clock.systemUTC(),
            Limits.DEFAULTS,
            printed::accept);
    ClientSettings settings =
        ClientSettings.anonymous("127.0.0.1", port, clientDir.resolve("downloads"))
            .withLogin(user, "benchmark-password", true);
    ChatClient client =
        ChatClient.connect(
            E2eSecurity.client(new PlainSecurity(Limits.DEFAULTS), me),
            settings,
            new PrintOnlyConsole(printed));
    if (!client.awaitReady(Duration.ofSeconds(10))) {
      throw new IllegalStateException(name + " did not log in within 10 seconds");
    }
    return client;
  }
}
