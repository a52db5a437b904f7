package securechat.core.contract;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import securechat.core.account.AccountStore;
import securechat.core.account.PasswordHasher;
import securechat.core.protocol.Limits;
import securechat.core.server.ChatServer;
import securechat.core.server.ServerLog;
import securechat.testkit.WireClient;

/**
 * A chat server of one stage on a free loopback port, with its log kept for assertions, and the
 * ways a test reaches it: as a client of that stage ({@link #connect}, {@link #register}), as a raw
 * TCP peer that never handshakes ({@link #connectRaw}), or as a bare stage socket ({@link
 * #socket(Socket)}).
 *
 * <pre>{@code
 * try (ServerFixture fixture = new ServerFixture(stage, dataDir, Limits.DEFAULTS);
 *     WireClient alice = fixture.register("alice")) {
 *   alice.send("hello");
 *   assertThat(alice.next()).isEqualTo("MSG alice hello");
 * }
 * }</pre>
 */
public final class ServerFixture implements AutoCloseable {
  public final List<String> log = new CopyOnWriteArrayList<>();
  public final ChatServer server;
  public final InetSocketAddress address;
  public final Path dataDir;
  private final StageUnderTest stage;

  /** Starts the server; {@link #close} shuts it down. */
  public ServerFixture(StageUnderTest stage, Path dataDir, Limits limits) throws Exception {
    this.stage = Objects.requireNonNull(stage, "stage");
    this.dataDir = dataDir;
    AccountStore accounts = AccountStore.open(dataDir, PasswordHasher.forTests());
    server =
        new ChatServer(
            stage.serverSecurity(limits, dataDir), accounts, limits, new ServerLog(log::add));
    address = server.start("127.0.0.1", 0);
  }

  /** A client through the stage's handshake, past the {@code WELCOME <stage>} greeting. */
  public WireClient connect() throws IOException, InterruptedException {
    return connectThrough(address);
  }

  /**
   * A client through the stage's handshake to {@code relay} (a proxy in front of this server), past
   * the {@code WELCOME <stage>} greeting.
   */
  public WireClient connectThrough(InetSocketAddress relay)
      throws IOException, InterruptedException {
    WireClient client = new WireClient(stage.connect(new Socket(), relay));
    String welcome = client.next();
    if (!welcome.startsWith("WELCOME " + stage.name() + " ")) {
      throw new AssertionError("expected WELCOME " + stage.name() + ", got: " + welcome);
    }
    return client;
  }

  /** A client logged in as a new account {@code name}. */
  public WireClient register(String name) throws IOException, InterruptedException {
    return registerThrough(address, name);
  }

  /** A client logged in as a new account {@code name}, connected through {@code relay}. */
  public WireClient registerThrough(InetSocketAddress relay, String name)
      throws IOException, InterruptedException {
    WireClient client = connectThrough(relay);
    client.send("/register " + name + " password-of-" + name);
    String reply = client.next();
    if (!reply.startsWith("OK registered")) {
      throw new AssertionError("registration of " + name + " failed: " + reply);
    }
    return client;
  }

  /**
   * A plain TCP connection with no handshake: a peer that does not speak the stage's protocol, or
   * does not speak at all (for TLS, one that never sends a ClientHello).
   */
  public WireClient connectRaw() throws IOException {
    return new WireClient(address);
  }

  /** A stage socket, handshake done, nothing read yet: the greeting is still waiting on it. */
  public Socket socket() throws IOException {
    return socket(new Socket());
  }

  /** Like {@link #socket()}, over a socket whose options the test has already set. */
  public Socket socket(Socket unconnected) throws IOException {
    return stage.connect(unconnected, address);
  }

  @Override
  public void close() {
    server.shutdown("test over");
  }
}
