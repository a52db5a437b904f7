package securechat.tls;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import securechat.core.account.AccountStore;
import securechat.core.account.PasswordHasher;
import securechat.core.channel.HandshakeException;
import securechat.core.channel.LineChannel;
import securechat.core.protocol.Limits;
import securechat.core.server.ChatServer;
import securechat.core.server.ServerLog;

/** A tls-stage chat server on a free loopback port, its log kept for assertions. */
final class TlsServerFixture implements AutoCloseable {
  final List<String> log = new CopyOnWriteArrayList<>();
  private final BlockingQueue<String> unread = new LinkedBlockingQueue<>();
  final ChatServer server;
  final InetSocketAddress address;

  TlsServerFixture(TlsSecurity security, Path dataDir, Limits limits) throws IOException {
    AccountStore accounts = AccountStore.open(dataDir, PasswordHasher.forTests());
    server = new ChatServer(security, accounts, limits, new ServerLog(this::record));
    address = server.start("127.0.0.1", 0);
  }

  /** Connects with {@code client}'s settings and runs its handshake. */
  LineChannel connect(TlsSecurity client) throws IOException, HandshakeException {
    Socket socket = new Socket();
    socket.connect(address, 5_000);
    socket.setSoTimeout(10_000);
    return client.connect(socket);
  }

  private void record(String line) {
    log.add(line);
    unread.add(line);
  }

  /** Waits for the next log line containing {@code text}; fails after 10 seconds. */
  String awaitLog(String text) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    String line;
    while ((line = unread.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) != null) {
      if (line.contains(text)) {
        return line;
      }
    }
    throw new AssertionError("no log line with '" + text + "' in " + log);
  }

  @Override
  public void close() {
    server.shutdown("test over");
  }
}
