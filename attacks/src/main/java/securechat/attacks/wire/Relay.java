package securechat.attacks.wire;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import securechat.attacks.Loopback;
import securechat.core.cli.ConfigException;

/**
 * A man in the middle on loopback: listens on 127.0.0.1, and for each client that connects opens a
 * connection to the real server and hands both to a {@link ConnectionHandler}. The client believes
 * it talks to the server; only the handler decides what crosses.
 *
 * <pre>{@code
 * try (Relay relay = Relay.start(serverAddress, 0, new Recording(), problems::add)) {
 *   // point the victim at relay.port()
 * }
 * }</pre>
 *
 * The target must be a loopback address ({@link Loopback}); the relay never listens elsewhere.
 */
public final class Relay implements AutoCloseable {
  private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

  private final ServerSocket listener;
  private final InetSocketAddress target;
  private final ConnectionHandler handler;
  private final Consumer<String> problems;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger connections = new AtomicInteger();

  private Relay(
      ServerSocket listener,
      InetSocketAddress target,
      ConnectionHandler handler,
      Consumer<String> problems) {
    this.listener = listener;
    this.target = target;
    this.handler = handler;
    this.problems = problems;
  }

  /**
   * Listens on 127.0.0.1:{@code port} (0: any free port) and relays every connection to {@code
   * target} through {@code handler}; what goes wrong in one connection is told to {@code problems}
   * as a sentence, and the relay goes on.
   *
   * @throws ConfigException if {@code target} is not a loopback address
   */
  public static Relay start(
      InetSocketAddress target, int port, ConnectionHandler handler, Consumer<String> problems)
      throws ConfigException, IOException {
    Loopback.require(target.getHostString());
    ServerSocket listener = new ServerSocket();
    listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    Relay relay = new Relay(listener, target, Objects.requireNonNull(handler, "handler"), problems);
    Thread.ofVirtual().name("relay accept " + listener.getLocalPort()).start(relay::acceptAll);
    return relay;
  }

  /** The port victims connect to. */
  public int port() {
    return listener.getLocalPort();
  }

  /** How many connections the relay has accepted so far. */
  public int connections() {
    return connections.get();
  }

  private void acceptAll() {
    while (!listener.isClosed()) {
      try {
        Socket victim = listener.accept();
        int number = connections.incrementAndGet();
        Thread.ofVirtual().name("relay connection " + number).start(() -> serve(victim));
      } catch (IOException e) {
        if (!listener.isClosed()) {
          problems.accept("the relay stopped accepting: " + e.getMessage());
        }
        return;
      }
    }
  }

  private void serve(Socket victim) {
    Socket server = new Socket();
    open.add(victim);
    open.add(server);
    try (victim;
        server) {
      server.connect(target, CONNECT_TIMEOUT_MILLIS);
      handler.handle(victim, server);
    } catch (SocketException e) {
      // A peer went away mid-conversation: the normal end of an attacked connection.
    } catch (IOException | RuntimeException e) {
      problems.accept("relayed connection failed: " + e.getMessage());
    } finally {
      open.remove(victim);
      open.remove(server);
    }
  }

  /** Stops listening and closes every relayed connection. */
  @Override
  public void close() throws IOException {
    listener.close();
    for (Socket socket : Collections.unmodifiableSet(open)) {
      socket.close();
    }
  }
}
