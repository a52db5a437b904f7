package securechat.core.contract;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import securechat.core.protocol.Limits;
import securechat.core.protocol.Username;
import securechat.core.server.Session;
import securechat.testkit.WireClient;

/**
 * The engine's behaviour over real loopback sockets, for any stage: bad input of every kind is
 * answered with one {@code ERR} line, and no client, however broken, disturbs another. A stage runs
 * it by extending it and naming itself in {@link #stage()}.
 */
@Timeout(60)
public abstract class ChatServerContract {
  private static final Duration QUIET = Duration.ofMillis(300);

  @TempDir Path dataDir;

  /**
   * The stage whose transport these tests run over. Called once per server started; that one object
   * builds the server and connects every client to it, so it may carry state between them.
   */
  protected abstract StageUnderTest stage();

  private ServerFixture start(Limits limits) throws Exception {
    return new ServerFixture(stage(), dataDir, limits);
  }

  @Test
  public void oversizeLineIsRejectedAndConnectionSurvives() throws Exception {
    try (ServerFixture fixture = start(Limits.DEFAULTS.withMaxLineBytes(1024));
        WireClient alice = fixture.register("alice")) {
      alice.send("x".repeat(5000));
      assertThat(alice.next())
          .isEqualTo("ERR line-too-long line is longer than 1024 bytes; it was discarded");
      alice.send("still here");
      assertThat(alice.next()).isEqualTo("MSG alice still here");
    }
  }

  @Test
  public void invalidUtf8IsRejectedAndConnectionSurvives() throws Exception {
    try (ServerFixture fixture = start(Limits.DEFAULTS);
        WireClient alice = fixture.register("alice")) {
      alice.sendBytes(new byte[] {'h', 'i', (byte) 0xC3, (byte) 0x28, '\n'});
      assertThat(alice.next()).isEqualTo("ERR bad-utf8 line is not valid UTF-8");
      alice.send("caf\u00e9");
      assertThat(alice.next()).isEqualTo("MSG alice caf\u00e9");
    }
  }

  @Test
  public void ansiSequencesInTextAndNamesAreRefused() throws Exception {
    try (ServerFixture fixture = start(Limits.DEFAULTS);
        WireClient alice = fixture.register("alice");
        WireClient bob = fixture.register("bob")) {
      alice.nextStartingWith("JOIN bob");
      alice.send("look \u001b[2J\u001b[Hcleared");
      assertThat(alice.next())
          .startsWith("ERR bad-text text contains control character U+001B at position 6");
      bob.send("/register \u001b[31mevil password-long-enough");
      assertThat(bob.next()).startsWith("ERR bad-name '?[31mevil' is not a valid name");
      assertThat(bob.isQuietFor(QUIET)).isTrue();
    }
  }

  @Test
  public void oversizeFileIsRefused() throws Exception {
    try (ServerFixture fixture = start(Limits.DEFAULTS.withMaxFileBytes(100));
        WireClient alice = fixture.register("alice");
        WireClient bob = fixture.register("bob")) {
      alice.nextStartingWith("JOIN bob");
      alice.send("/file bob big.txt " + "y".repeat(101));
      assertThat(alice.next())
          .isEqualTo("ERR file-too-large file is 101 bytes; the maximum is 100");
      assertThat(bob.isQuietFor(QUIET)).isTrue();
    }
  }

  @Test
  public void wrongPasswordsSlowDownTheNextLoginOnThatConnection() throws Exception {
    Duration first = Duration.ofMillis(200);
    try (ServerFixture fixture = start(Limits.DEFAULTS.withFirstLoginDelay(first));
        WireClient alice = fixture.register("alice");
        WireClient mallory = fixture.connect()) {
      mallory.send("/login alice guess-number-1");
      assertThat(mallory.next()).isEqualTo("ERR bad-login wrong name or password");
      assertThat(mallory.next()).isEqualTo("NOTICE the next login on this connection waits 200 ms");
      long start = System.nanoTime();
      mallory.send("/login alice guess-number-2");
      assertThat(mallory.next()).isEqualTo("ERR bad-login wrong name or password");
      assertThat(mallory.next()).isEqualTo("NOTICE the next login on this connection waits 400 ms");
      mallory.send("/login alice guess-number-3");
      assertThat(mallory.next()).isEqualTo("ERR bad-login wrong name or password");
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertThat(took).isGreaterThanOrEqualTo(first.plus(first.multipliedBy(2)));
      // The delay is mallory's connection's alone: alice is served as before.
      alice.send("/list");
      assertThat(alice.next()).isEqualTo("LIST alice");
    }
  }

  @Test
  public void clientThatVanishesMidLineDeliversNothingAndLeaves() throws Exception {
    try (ServerFixture fixture = start(Limits.DEFAULTS);
        WireClient alice = fixture.register("alice")) {
      WireClient bob = fixture.register("bob");
      alice.nextStartingWith("JOIN bob");
      bob.sendBytes("half a mess".getBytes(UTF_8));
      bob.close();
      assertThat(alice.next()).isEqualTo("LEAVE bob disconnected");
      alice.send("/list");
      assertThat(alice.next()).isEqualTo("LIST alice");
    }
  }

  @Test
  public void silentClientDelaysNobody() throws Exception {
    // A raw TCP peer that never sends a byte: for a stage with a handshake, it never starts one.
    try (ServerFixture fixture = start(Limits.DEFAULTS);
        WireClient silent = fixture.connectRaw();
        WireClient alice = fixture.register("alice");
        WireClient bob = fixture.register("bob")) {
      alice.nextStartingWith("JOIN bob");
      bob.send("hi alice");
      assertThat(alice.next()).isEqualTo("MSG bob hi alice");
      // The silent peer is still connected, still waited for, and delayed nobody.
      assertThat(fixture.server.connectionCount()).isEqualTo(3);
    }
  }

  @Test
  public void clientThatNeverLogsInIsDroppedAtTheLoginTimeout() throws Exception {
    Limits limits =
        Limits.DEFAULTS.withTimeouts(
            Duration.ofSeconds(5), Duration.ofMillis(500), Duration.ofHours(1));
    try (ServerFixture fixture = start(limits);
        WireClient silent = fixture.connect()) {
      assertThat(silent.next()).startsWith("BYE login timeout");
      assertThat(silent.next()).isEqualTo(WireClient.CLOSED);
    }
  }

  @Test
  public void silentLoggedInClientIsDroppedAtTheIdleTimeout() throws Exception {
    Limits limits =
        Limits.DEFAULTS.withTimeouts(
            Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMillis(500));
    try (ServerFixture fixture = start(limits);
        WireClient alice = fixture.register("alice")) {
      assertThat(alice.next()).isEqualTo("BYE idle timeout");
      assertThat(alice.next()).isEqualTo(WireClient.CLOSED);
    }
  }

  @Test
  public void slowReaderIsDroppedAndOthersKeepChatting() throws Exception {
    try (ServerFixture fixture = start(Limits.DEFAULTS.withOutboxCapacity(8));
        Socket slow = fixture.socket(withReceiveBuffer(4096))) {
      slow.getOutputStream().write("/register slow password-of-slow\n".getBytes(UTF_8));
      BufferedReader slowReplies =
          new BufferedReader(new InputStreamReader(slow.getInputStream(), UTF_8));
      assertThat(slowReplies.readLine()).startsWith("WELCOME");
      assertThat(slowReplies.readLine()).startsWith("OK registered");
      WireClient alice = fixture.register("alice");
      String big = "z".repeat(60_000);
      // slow never reads: its socket buffers fill, then its outbox, then the server drops it.
      // alice reads every line (no other client that might fall behind on a busy machine), so
      // the LEAVE is seen wherever it falls between her echoes.
      List<String> seenByAlice = new ArrayList<>();
      for (int i = 0; i < 400 && fixture.server.roster().find(name("slow")).isPresent(); i++) {
        alice.send(big);
        String line;
        while (!(line = alice.next()).startsWith("MSG alice") && !line.equals(WireClient.CLOSED)) {
          seenByAlice.add(line);
        }
        assertThat(line).hasSize(60_010);
      }
      if (seenByAlice.stream().noneMatch(line -> line.startsWith("LEAVE slow"))) {
        seenByAlice.add(alice.nextStartingWith("LEAVE slow"));
      }
      assertThat(seenByAlice).anyMatch(line -> line.startsWith("LEAVE slow too slow"));
      alice.send("still fast");
      assertThat(alice.nextStartingWith("MSG alice still")).isEqualTo("MSG alice still fast");
      alice.close();
    }
  }

  @Test
  public void fullServerSaysSoAndClosesTheExtraConnection() throws Exception {
    try (ServerFixture fixture = start(Limits.DEFAULTS.withMaxClients(2));
        WireClient alice = fixture.register("alice");
        WireClient bob = fixture.register("bob");
        WireClient third = new WireClient(fixture.socket())) {
      assertThat(third.next()).startsWith("ERR server-full the server is full (2 clients)");
      assertThat(third.next()).isEqualTo("BYE server full");
      assertThat(third.next()).isEqualTo(WireClient.CLOSED);
      bob.send("still works");
      assertThat(alice.nextStartingWith("MSG")).isEqualTo("MSG bob still works");
    }
  }

  @Test
  public void accountsSurviveARestart() throws Exception {
    try (ServerFixture fixture = start(Limits.DEFAULTS);
        WireClient alice = fixture.register("alice")) {
      alice.send("/quit");
      assertThat(alice.next()).isEqualTo("BYE goodbye");
    }
    try (ServerFixture again = start(Limits.DEFAULTS);
        WireClient alice = again.connect()) {
      alice.send("/login alice password-of-alice");
      assertThat(alice.next()).isEqualTo("OK logged in as alice; 1 online");
    }
  }

  @Test
  public void shutdownEndsEveryThreadWithinTheDeadlineEvenWithIdleConnections() throws Exception {
    ServerFixture fixture = start(Limits.DEFAULTS);
    List<WireClient> idle = new ArrayList<>();
    try (WireClient alice = fixture.register("alice")) {
      for (int i = 0; i < 50; i++) {
        idle.add(fixture.connect());
      }
      // Peers stuck before the handshake must not hold up the shutdown either.
      for (int i = 0; i < 5; i++) {
        idle.add(fixture.connectRaw());
      }
      long start = System.nanoTime();
      List<String> stuck = fixture.server.shutdown("server is shutting down");
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertThat(stuck).isEmpty();
      assertThat(took).isLessThan(Limits.DEFAULTS.shutdownDeadline().plusMillis(500));
      assertThat(alice.next()).isEqualTo("BYE server is shutting down");
      assertThat(fixture.server.connectionCount()).isZero();
    } finally {
      for (WireClient client : idle) {
        client.close();
      }
    }
  }

  @Test
  public void twoHundredConnectDisconnectCyclesLeaveNoThreadBehind() throws Exception {
    try (ServerFixture fixture = start(Limits.DEFAULTS)) {
      for (int i = 0; i < 200; i++) {
        try (WireClient client = fixture.connect()) {
          if (i % 2 == 0) {
            client.send("/quit");
            assertThat(client.next()).isEqualTo("BYE goodbye");
          }
        }
      }
      try (WireClient last = fixture.register("alice")) {
        last.send("/quit");
        assertThat(last.next()).isEqualTo("BYE goodbye");
        assertThat(last.next()).isEqualTo(WireClient.CLOSED);
      }
      assertThat(fixture.server.awaitNoConnections(WireClient.WAIT)).isTrue();
      assertThat(connectionThreadsAlive(tempFile())).isZero();
    }
  }

  @Test
  public void aClosedConnectionIsForgottenSoItsMemoryCanBeReclaimed() throws Exception {
    try (ServerFixture fixture = start(Limits.DEFAULTS)) {
      WeakReference<Session> gone;
      try (WireClient alice = fixture.register("alice")) {
        gone = new WeakReference<>(fixture.server.sessions().getFirst());
      }
      // A soak found every ended connection kept alive by the server (issue 12): 9 KiB each.
      // Each later connection that ends lets go of the readers that have finished before it.
      for (int i = 0; i < 50 && gone.get() != null; i++) {
        fixture.connect().close();
        assertThat(fixture.server.awaitConnectionsAtMost(0, WireClient.WAIT)).isTrue();
        System.gc();
        Thread.sleep(20);
      }
      assertThat(gone.get()).as("alice's session, long after she left").isNull();
    }
  }

  private static Socket withReceiveBuffer(int bytes) throws SocketException {
    Socket socket = new Socket();
    socket.setReceiveBufferSize(bytes);
    return socket;
  }

  private Path tempFile() {
    return dataDir.resolve("threads-" + System.nanoTime() + ".json").toAbsolutePath();
  }

  /**
   * Counts live "reader …" and "writer …" threads, virtual ones included, from a JSON thread dump
   * (the JDK 21 API that sees virtual threads; Thread.getAllStackTraces does not).
   */
  static long connectionThreadsAlive(Path dump) throws IOException {
    ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
        .dumpThreads(dump.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.JSON);
    String json = Files.readString(dump);
    return Pattern.compile("\"name\": \"(reader|writer) 127").matcher(json).results().count();
  }

  private static Username name(String value) {
    return new Username(value);
  }
}
