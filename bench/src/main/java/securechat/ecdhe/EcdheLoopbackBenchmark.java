package securechat.ecdhe;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import securechat.core.account.AccountStore;
import securechat.core.account.PasswordHasher;
import securechat.core.channel.HandshakeException;
import securechat.core.channel.LineChannel;
import securechat.core.identity.KnownHosts;
import securechat.core.identity.ServerIdentity;
import securechat.core.protocol.Limits;
import securechat.core.protocol.ProtocolException;
import securechat.core.server.ChatServer;
import securechat.core.server.ServerLog;
import securechat.core.storage.LabFiles;

/**
 * Complete ecdhe handshakes per second over loopback, both ends on this machine: a real {@link
 * ChatServer} of the ecdhe stage on 127.0.0.1 accepts; each operation is one client that connects,
 * runs the whole handshake (its hello, the server's signed answer, the signature and pin check,
 * both key confirmations), reads the server's sealed WELCOME line (so the server has finished its
 * side too) and closes. Issue 11's target is 2,000 per second.
 *
 * <p>The client pins the server's identity, as a real client does after its first connection: the
 * check reads its {@code known_hosts} file each time. With one client thread the server's work and
 * the client's alternate; with two, both cores are busy. Compare with {@link
 * EcdheHandshakeBenchmark}, the same crypto with no sockets, threads or files.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EcdheLoopbackBenchmark {
  @Param({"x25519", "p384"})
  public String curve;

  private Path dataDir;
  private ChatServer server;
  private InetSocketAddress address;
  private EcdheSecurity client;

  @Setup(Level.Trial)
  public void start() throws Exception {
    dataDir = Files.createTempDirectory("ecdhe-loopback");
    ServerIdentity identity = ServerIdentity.generate();
    EcdheSecurity security =
        EcdheSecurity.server(
            Optional.of(identity),
            List.of(Curve.values()),
            Limits.DEFAULTS,
            Clock.systemUTC(),
            Optional.empty());
    server =
        new ChatServer(
            security,
            AccountStore.open(dataDir.resolve("server"), PasswordHasher.forTests()),
            Limits.DEFAULTS,
            new ServerLog(line -> {}));
    address = server.start("127.0.0.1", 0);
    KnownHosts knownHosts = new KnownHosts(dataDir.resolve("client"), line -> {});
    knownHosts.check(serverName(), identity.publicKey()); // pinned before the first connection
    client =
        EcdheSecurity.client(
            Curve.find(curve),
            Optional.of(knownHosts),
            serverName(),
            Limits.DEFAULTS,
            Clock.systemUTC(),
            Optional.empty());
  }

  @TearDown(Level.Trial)
  public void stop() throws IOException {
    server.shutdown("benchmark over");
    LabFiles.deleteTree(dataDir);
  }

  @Benchmark
  @Threads(1)
  public String oneClientThread() throws IOException, HandshakeException, ProtocolException {
    return connectHandshakeClose();
  }

  @Benchmark
  @Threads(2)
  public String twoClientThreads() throws IOException, HandshakeException, ProtocolException {
    return connectHandshakeClose();
  }

  private String connectHandshakeClose() throws IOException, HandshakeException, ProtocolException {
    Socket socket = new Socket();
    try {
      socket.connect(address, 5_000);
      socket.setSoTimeout(10_000);
      try (LineChannel channel = client.connect(socket)) {
        String welcome = channel.receive();
        if (welcome == null) {
          throw new IOException("the server closed the connection before its WELCOME");
        }
        return welcome;
      }
    } finally {
      socket.close();
    }
  }

  private String serverName() {
    return "127.0.0.1:" + address.getPort();
  }
}
