package securechat.plain;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import securechat.core.account.AccountStore;
import securechat.core.account.PasswordHasher;
import securechat.core.protocol.Limits;
import securechat.core.server.ChatServer;
import securechat.core.server.ServerLog;
import securechat.testkit.WireClient;

/** A plain-stage server on a free loopback port, with its log kept for assertions. */
final class PlainServerFixture implements AutoCloseable {
  final List<String> log = new CopyOnWriteArrayList<>();
  final ChatServer server;
  final InetSocketAddress address;
  final Path dataDir;

  PlainServerFixture(Path dataDir, Limits limits) throws IOException {
    this.dataDir = dataDir;
    AccountStore accounts = AccountStore.open(dataDir, PasswordHasher.forTests());
    server = new ChatServer(new PlainSecurity(limits), accounts, limits, new ServerLog(log::add));
    address = server.start("127.0.0.1", 0);
  }

  WireClient connect() throws IOException, InterruptedException {
    WireClient client = new WireClient(address);
    String welcome = client.next();
    if (!welcome.startsWith("WELCOME plain ")) {
      throw new AssertionError("expected WELCOME, got: " + welcome);
    }
    return client;
  }

  /** A client logged in as a new account {@code name}. */
  WireClient register(String name) throws IOException, InterruptedException {
    WireClient client = connect();
    client.send("/register " + name + " password-of-" + name);
    String reply = client.next();
    if (!reply.startsWith("OK registered")) {
      throw new AssertionError("registration of " + name + " failed: " + reply);
    }
    return client;
  }

  @Override
  public void close() {
    server.shutdown("test over");
  }
}
