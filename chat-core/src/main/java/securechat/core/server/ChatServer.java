package securechat.core.server;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import securechat.core.account.AccountStore;
import securechat.core.channel.ChannelSecurity;
import securechat.core.protocol.Limits;
import securechat.core.protocol.MessageCodec;
import securechat.core.protocol.ServerMessage;

/**
 * The chat server: accepts connections, gives each a {@link Connection} (a reader and a writer
 * virtual thread) and shuts everything down within a deadline. The same class serves every stage;
 * only the {@link ChannelSecurity} differs.
 *
 * <pre>{@code
 * ChatServer server = new ChatServer(new PlainSecurity(limits), accounts, limits, log);
 * InetSocketAddress address = server.start("127.0.0.1", 0); // port 0: any free port
 * ...
 * server.shutdown("server is shutting down");                // every thread ends within 2 s
 * }</pre>
 */
public final class ChatServer implements Closeable {
  /** Connections beyond maxClients that still get a polite "server full"; past that, a close. */
  private static final int FULL_REPLY_HEADROOM = 64;

  private static final String WELCOME =
      "securechat-lab: /register NAME PASSWORD or /login NAME PASSWORD; /help lists commands";

  private final ChannelSecurity security;
  private final Limits limits;
  private final ServerLog log;
  private final MessageCodec codec;
  private final Roster roster = new Roster();
  private final CommandHandler handler;
  private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
  private final Set<Thread> endingThreads = ConcurrentHashMap.newKeySet();
  private final AtomicInteger nextId = new AtomicInteger(1);
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition connectionEnded = lock.newCondition();
  private final AtomicBoolean shuttingDown = new AtomicBoolean();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final CountDownLatch terminated = new CountDownLatch(1);
  private final ScheduledThreadPoolExecutor timer;
  private volatile ServerSocket listener;
  private volatile Thread acceptor;

  public ChatServer(ChannelSecurity security, AccountStore accounts, Limits limits, ServerLog log) {
    this.security = security;
    this.limits = limits;
    this.log = log;
    this.codec = new MessageCodec(limits);
    this.handler = new CommandHandler(roster, accounts, security.directory());
    this.timer =
        new ScheduledThreadPoolExecutor(
            1, ChatServer::newTimerThread, new ScheduledThreadPoolExecutor.DiscardPolicy());
    this.timer.setRemoveOnCancelPolicy(true);
  }

  private static Thread newTimerThread(Runnable runnable) {
    return Thread.ofPlatform().name("server timer").daemon(true).unstarted(runnable);
  }

  /** Binds {@code host:port} (port 0 picks a free one) and starts accepting connections. */
  public InetSocketAddress start(String host, int port) throws IOException {
    if (listener != null) {
      throw new IllegalStateException("start() already called");
    }
    ServerSocket socket = new ServerSocket();
    socket.setReuseAddress(true);
    socket.bind(new InetSocketAddress(InetAddress.getByName(host), port), 128);
    listener = socket;
    acceptor = Thread.ofVirtual().name("acceptor " + port).start(this::acceptLoop);
    InetSocketAddress address = (InetSocketAddress) socket.getLocalSocketAddress();
    log.info(
        security.stage()
            + " server listening on "
            + address.getHostString()
            + ":"
            + address.getPort());
    return address;
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket socket = listener.accept();
        admit(socket);
      } catch (SocketException closed) {
        return;
      } catch (IOException e) {
        // Out of file descriptors, say: log, breathe, and keep serving the clients we have.
        log.info("accept failed: " + e.getMessage());
        pause(Duration.ofMillis(100));
      }
    }
  }

  private void admit(Socket socket) throws IOException {
    int open = connections.size();
    if (open >= limits.maxClients() + FULL_REPLY_HEADROOM || stopped.getCount() == 0) {
      socket.close();
      return;
    }
    socket.setTcpNoDelay(true);
    Connection connection =
        new Connection(this, socket, nextId.getAndIncrement(), open >= limits.maxClients());
    connections.add(connection);
    connection.start();
  }

  /**
   * Ends the server: stops accepting, tells every client {@code BYE reason}, closes every socket
   * and waits for every connection thread up to the shutdown deadline. Returns the names of threads
   * still alive after it (empty when all went well). Calling it twice is harmless.
   */
  public List<String> shutdown(String reason) {
    if (!shuttingDown.compareAndSet(false, true)) {
      awaitTerminated();
      return List.of();
    }
    stopped.countDown();
    closeListener();
    connections.forEach(connection -> connection.disconnect(reason));
    // Half the deadline for a polite BYE, the other half after closing every socket by force.
    Duration half = limits.shutdownDeadline().dividedBy(2);
    try {
      awaitNoConnections(half);
      connections.forEach(Connection::forceClose);
      awaitNoConnections(half);
      if (acceptor != null) {
        acceptor.join(half);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    timer.shutdownNow();
    List<String> stuck = new ArrayList<>();
    connections.forEach(c -> c.aliveThread().ifPresent(t -> stuck.add(t.getName())));
    if (acceptor != null && acceptor.isAlive()) {
      stuck.add(acceptor.getName());
    }
    log.info(stuck.isEmpty() ? "server stopped" : "server stopped; threads still alive: " + stuck);
    terminated.countDown();
    return stuck;
  }

  private void awaitTerminated() {
    try {
      terminated.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void closeListener() {
    try {
      if (listener != null) {
        listener.close();
      }
    } catch (IOException e) {
      log.info("closing the listening socket failed: " + e.getMessage());
    }
  }

  @Override
  public void close() {
    shutdown("server is shutting down");
  }

  /** Blocks until {@link #shutdown} has been called and has finished. */
  public void awaitShutdown() throws InterruptedException {
    terminated.await();
  }

  /** Every connection, logged in or not, oldest first: what the admin console lists. */
  public List<Session> sessions() {
    return connections.stream()
        .map(Connection::session)
        .sorted(Comparator.comparingInt(Session::id))
        .toList();
  }

  public Optional<Session> findSession(int id) {
    return sessions().stream().filter(session -> session.id() == id).findFirst();
  }

  /** Drops one connection, telling the client why and everyone else at once that it left. */
  public void disconnect(Session session, String reason) {
    handler.disconnected(session, reason);
    connections.stream()
        .filter(connection -> connection.session() == session)
        .findFirst()
        .ifPresent(connection -> connection.disconnect(reason));
  }

  /** Sends an administrator's message to everyone logged in. */
  public void broadcastAdmin(String text) {
    roster.sendToAll(new ServerMessage.AdminSays(text));
  }

  public Roster roster() {
    return roster;
  }

  /** Live connections, logged in or not. */
  public int connectionCount() {
    return connections.size();
  }

  // Package-private plumbing for Connection.

  Limits limits() {
    return limits;
  }

  ServerLog log() {
    return log;
  }

  ChannelSecurity security() {
    return security;
  }

  MessageCodec codec() {
    return codec;
  }

  CommandHandler handler() {
    return handler;
  }

  /** The text after {@code WELCOME <stage>}: what to type first. */
  String welcomeText() {
    return WELCOME;
  }

  /** Called by a connection's reader thread as its very last step. */
  void forget(Connection connection) {
    // A reader that has ended is of no more interest to awaitNoConnections. Dropping it here keeps
    // the set to the threads still finishing; kept, every ended thread would hold its whole
    // connection (socket, buffers, session) for as long as the server runs.
    endingThreads.removeIf(thread -> !thread.isAlive());
    endingThreads.add(Thread.currentThread());
    connections.remove(connection);
    lock.lock();
    try {
      connectionEnded.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until at most {@code count} connections are open, up to {@code timeout}; true if so. A
   * connection counts until its reader thread has closed the socket and told everyone it left.
   */
  public boolean awaitConnectionsAtMost(int count, Duration timeout) throws InterruptedException {
    lock.lock();
    try {
      long nanos = timeout.toNanos();
      while (connections.size() > count && nanos > 0) {
        nanos = connectionEnded.awaitNanos(nanos);
      }
      return connections.size() <= count;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until no connection is open and each one's reader thread has ended, up to {@code
   * timeout}; true if so.
   */
  public boolean awaitNoConnections(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    if (!awaitConnectionsAtMost(0, timeout)) {
      return false;
    }
    // forget() runs on the reader thread just before it returns: wait for that return too.
    for (Thread reader : endingThreads) {
      long left = deadline - System.nanoTime();
      if (left <= 0 || !reader.join(Duration.ofNanos(left))) {
        return false;
      }
      endingThreads.remove(reader);
    }
    return true;
  }

  /** Runs {@code task} after {@code delay}; after shutdown the task is dropped, not run. */
  ScheduledFuture<?> schedule(Runnable task, Duration delay) {
    return timer.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Sleeps for {@code delay}, waking early when the server shuts down. */
  void pause(Duration delay) {
    if (delay.isZero()) {
      return;
    }
    try {
      stopped.await(delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
