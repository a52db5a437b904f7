package securechat.e2e.legacy;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import securechat.core.protocol.ProtocolException;
import securechat.core.protocol.Username;
import securechat.core.terminal.ConsoleView;
import securechat.e2e.legacy.Seed004Message.ChatMessage;
import securechat.e2e.legacy.Seed004Message.DirectoryEntry;
import securechat.e2e.legacy.Seed004Message.ErrorReply;
import securechat.e2e.legacy.Seed004Message.UserList;

/**
 * Seed 004's server: accepts clients, runs the nonce challenge with each ({@link
 * Seed004ServerConnection}), keeps the signed directory of who is online, sends it to everyone
 * whenever it changes, and forwards each {@code message} to its recipient with the sender's name
 * added. It never opens a package: it cannot, and it does not need to, since anyone who records the
 * traffic can ({@link LegacyKeyRecovery}).
 *
 * <p>Threads: one accept thread, and per client a reader and (once registered) a writer, all
 * virtual and named by role and peer. {@link #close} stops them in MockWebServer's order.
 */
final class Seed004Server implements Closeable {
  /** At most this many clients at once; one more is refused with a log line. */
  static final int MAX_CLIENTS = 64;

  private static final Duration STOP_WAIT = Duration.ofSeconds(5);

  private final ServerSocket listener;
  private final LegacyRsaKeyPair serverKey;
  private final Random insecureRandom;
  private final ConsoleView log;
  private final Set<Seed004ServerConnection> connections = ConcurrentHashMap.newKeySet();
  private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
  private final ReentrantLock directoryLock = new ReentrantLock();
  private final Map<String, Seed004ServerConnection> online = new TreeMap<>();
  private final Map<String, DirectoryEntry> directory = new TreeMap<>();
  private Thread acceptor;

  private Seed004Server(
      ServerSocket listener, LegacyRsaKeyPair serverKey, Random insecureRandom, ConsoleView log) {
    this.listener = listener;
    this.serverKey = Objects.requireNonNull(serverKey, "serverKey");
    this.insecureRandom = Objects.requireNonNull(insecureRandom, "insecureRandom");
    this.log = Objects.requireNonNull(log, "log");
  }

  /** Binds {@code host:port} (0 for any free port) and starts accepting. */
  static Seed004Server start(
      String host, int port, LegacyRsaKeyPair serverKey, Random insecureRandom, ConsoleView log)
      throws IOException {
    ServerSocket listener = new ServerSocket();
    try {
      listener.bind(new InetSocketAddress(host, port));
    } catch (IOException e) {
      listener.close();
      throw e;
    }
    Seed004Server server = new Seed004Server(listener, serverKey, insecureRandom, log);
    server.acceptor =
        server.startThread("seed004 accept :" + listener.getLocalPort(), server::acceptLoop);
    return server;
  }

  int port() {
    return listener.getLocalPort();
  }

  LegacyRsaKeyPair serverKey() {
    return serverKey;
  }

  Random insecureRandom() {
    return insecureRandom;
  }

  void log(String line) {
    log.print(line);
  }

  /** Starts a named virtual thread that {@link #close} will wait for. */
  Thread startThread(String name, Runnable body) {
    Thread thread =
        Thread.ofVirtual()
            .name(name)
            .unstarted(
                () -> {
                  try {
                    body.run();
                  } finally {
                    threads.remove(Thread.currentThread());
                  }
                });
    threads.add(thread);
    thread.start();
    return thread;
  }

  private void acceptLoop() {
    while (true) {
      Socket socket;
      try {
        socket = listener.accept();
      } catch (IOException e) {
        if (!listener.isClosed()) {
          log("accepting failed, no new client can connect: " + e.getMessage());
        }
        return;
      }
      admit(socket);
    }
  }

  private void admit(Socket socket) {
    String peer = String.valueOf(socket.getRemoteSocketAddress());
    if (connections.size() >= MAX_CLIENTS) {
      log("refused " + peer + ": " + MAX_CLIENTS + " clients are connected, the maximum");
      closeQuietly(socket);
      return;
    }
    Seed004ServerConnection connection = new Seed004ServerConnection(this, socket, peer);
    connections.add(connection);
    log(peer + " connected");
    startThread("seed004 reader " + peer, connection::serve);
  }

  /**
   * Adds a user to the directory, signed as the seed signs it, and sends the new list to everyone.
   *
   * @return the reason if the name is taken
   */
  Optional<String> register(Seed004ServerConnection connection, Username name, String keyText) {
    byte[] signature = LegacyTextbookRsa.signSha256(keyText.getBytes(UTF_8), serverKey);
    directoryLock.lock();
    try {
      if (online.containsKey(name.value())) {
        return Optional.of("the name '" + name + "' is taken");
      }
      online.put(name.value(), connection);
      directory.put(name.value(), new DirectoryEntry(name.value(), keyText, signature));
      sendDirectoryLocked();
    } finally {
      directoryLock.unlock();
    }
    log(name + " registered from " + connection.peer());
    return Optional.empty();
  }

  /** Forgets a connection; if it was registered, everyone gets the shorter list. */
  void leave(Seed004ServerConnection connection) {
    connections.remove(connection);
    Optional<String> name = connection.username();
    if (name.isEmpty()) {
      return;
    }
    directoryLock.lock();
    try {
      if (online.get(name.get()) != connection) {
        return;
      }
      online.remove(name.get());
      directory.remove(name.get());
      sendDirectoryLocked();
    } finally {
      directoryLock.unlock();
    }
    log(name.get() + " left");
  }

  /** Queues the list while holding the lock, so that every client sees the lists in order. */
  private void sendDirectoryLocked() {
    String json = Seed004Codec.encode(new UserList(directory));
    for (Seed004ServerConnection connection : List.copyOf(online.values())) {
      connection.offer(json);
    }
  }

  /** Forwards {@code message} to its recipient with the sender's name added, as the seed does. */
  void forward(Seed004ServerConnection from, String senderName, ChatMessage message) {
    Optional<String> sender = Optional.of(senderName);
    String json =
        Seed004Codec.encode(
            new ChatMessage(message.recipient(), message.encryptedPackage(), sender));
    int jsonBytes = json.getBytes(UTF_8).length;
    Seed004ServerConnection to;
    directoryLock.lock();
    try {
      to = online.get(message.recipient());
    } finally {
      directoryLock.unlock();
    }
    if (to == null) {
      from.offer(
          Seed004Codec.encode(
              new ErrorReply("no user named " + quoted(message.recipient()) + " is online")));
    } else if (jsonBytes > Seed004Framer.MAX_FRAME_BYTES) {
      from.offer(Seed004Codec.encode(new ErrorReply("the message is too large to forward")));
    } else {
      to.offer(json);
      log(senderName + " -> " + message.recipient() + ": " + jsonBytes + " bytes forwarded");
    }
  }

  /**
   * Stops in MockWebServer's order: the listener, then the accept thread, then every client's
   * socket (their blocked reads return), then waits for every thread, naming any that did not end.
   */
  @Override
  public void close() {
    closeQuietly(listener);
    join(acceptor, STOP_WAIT);
    connections.forEach(Seed004ServerConnection::close);
    Instant deadline = Instant.now().plus(STOP_WAIT);
    List<String> stuck = new ArrayList<>();
    for (Thread thread : List.copyOf(threads)) {
      join(thread, Duration.between(Instant.now(), deadline));
      if (thread.isAlive()) {
        stuck.add(thread.getName());
      }
    }
    log(stuck.isEmpty() ? "server stopped" : "server stopped; threads still running: " + stuck);
  }

  static String quoted(String untrusted) {
    return ProtocolException.quote(untrusted);
  }

  static void closeQuietly(Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException alreadyBroken) {
      // Closing is all we wanted; a socket that fails to close is closed enough.
    }
  }

  private static void join(Thread thread, Duration limit) {
    try {
      thread.join(limit); // a limit of zero or less does not wait
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
