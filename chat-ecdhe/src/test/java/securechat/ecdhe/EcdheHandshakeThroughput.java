package securechat.ecdhe;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import securechat.core.account.AccountStore;
import securechat.core.account.PasswordHasher;
import securechat.core.channel.LineChannel;
import securechat.core.identity.ServerIdentity;
import securechat.core.protocol.Limits;
import securechat.core.server.ChatServer;
import securechat.core.server.ServerLog;

/**
 * Measures ecdhe handshakes per second, one after another: the handshake steps alone (both sides in
 * one thread, no network) and whole connections to a chat server on loopback (connect, handshake,
 * WELCOME, close). Not run by the build; until {@code lab bench} exists (issue 11):
 *
 * <pre>
 * ./mvnw -q -o -pl chat-ecdhe -am test-compile -Dspotless.check.skip=true
 * java -cp "chat-ecdhe/target/test-classes:chat-ecdhe/target/classes:chat-core/target/classes:\
 * chat-core/target/test-classes:testkit/target/classes:$HOME/.m2/repository/org/bouncycastle/\
 * bcprov-jdk18on/1.81/bcprov-jdk18on-1.81.jar" securechat.ecdhe.EcdheHandshakeThroughput p384
 * </pre>
 */
final class EcdheHandshakeThroughput {
  private static final long SECONDS = 5;

  public static void main(String[] args) throws Exception {
    Curve curve = args.length > 0 ? Curve.find(args[0]) : Curve.X25519;
    ServerIdentity identity = ServerIdentity.generate();
    steps(curve, identity, 1); // warm-up
    double steps = steps(curve, identity, SECONDS);
    System.out.printf(
        "%s handshake steps, one thread, no network: %.0f/s%n", curve.cliName(), steps);
    Path dataDir = Files.createTempDirectory("ecdhe-bench");
    ChatServer server = server(identity, dataDir);
    InetSocketAddress address = server.start("127.0.0.1", 0);
    try {
      connections(curve, address, 1);
      double connections = connections(curve, address, SECONDS);
      System.out.printf(
          "%s connections to a chat server on loopback: %.0f/s%n", curve.cliName(), connections);
    } finally {
      server.shutdown("benchmark over");
    }
  }

  private static double steps(Curve curve, ServerIdentity identity, long seconds) throws Exception {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    long start = System.nanoTime();
    int count = 0;
    while (System.nanoTime() < end) {
      EcdheHandshake.Client client = new EcdheHandshake.Client(curve);
      EcdheHandshake.Server server =
          new EcdheHandshake.Server(List.of(Curve.values()), Optional.of(identity));
      client.confirm(server.confirm(client.answer(server.answer(client.hello()), true)));
      count++;
    }
    return count / ((System.nanoTime() - start) / 1e9);
  }

  private static double connections(Curve curve, InetSocketAddress address, long seconds)
      throws Exception {
    EcdheSecurity client =
        EcdheSecurity.client(
            curve, Optional.empty(), "bench", Limits.DEFAULTS, Clock.systemUTC(), Optional.empty());
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    long start = System.nanoTime();
    int count = 0;
    while (System.nanoTime() < end) {
      Socket socket = new Socket();
      socket.connect(address, 5_000);
      try (LineChannel channel = client.connect(socket)) {
        channel.receive(); // WELCOME: the server finished its side too
      }
      count++;
    }
    return count / ((System.nanoTime() - start) / 1e9);
  }

  private static ChatServer server(ServerIdentity identity, Path dataDir) throws Exception {
    EcdheSecurity security =
        EcdheSecurity.server(
            Optional.of(identity),
            List.of(Curve.values()),
            Limits.DEFAULTS,
            Clock.systemUTC(),
            Optional.empty());
    return new ChatServer(
        security,
        AccountStore.open(dataDir, PasswordHasher.forTests()),
        Limits.DEFAULTS,
        new ServerLog(line -> {}));
  }
}
