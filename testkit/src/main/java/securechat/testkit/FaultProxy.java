package securechat.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A fault-injecting TCP proxy on loopback, for tests: it sits between a real client and a real
 * server of any stage and, for each connection ({@link FaultLink}), copies both directions through
 * a {@link FaultPump} that can reset the connection, deliver bytes one at a time, hold them in the
 * middle of a message, half-close, or repeat or cut a segment ({@link Fault}). Clients connect to
 * {@link #address()} instead of the server.
 *
 * <pre>{@code
 * try (FaultProxy proxy = new FaultProxy(server)) {
 *   proxy.startEachLinkWith(Fault.resetAfter(10), Fault.none());  // dies inside the handshake
 *   assertThatThrownBy(() -> stage.connect(new Socket(), proxy.address()))
 *       .isInstanceOf(IOException.class);
 * }
 * }</pre>
 *
 * <p>It works below the stages, on bytes: it cannot read a TLS record or a Fernet token, which is
 * the point; a stage must survive whatever happens to its bytes. The attack lab's man in the middle
 * ({@code securechat.attacks.wire.Relay}) is the one that understands the stages. Every socket has
 * Nagle's algorithm off, so a write of the proxy leaves at once, as its own segment.
 */
public final class FaultProxy implements AutoCloseable {
  private final ServerSocket listener;
  private final InetSocketAddress server;
  private final OutputStream toServerCopy;
  private final OutputStream toClientCopy;
  private final BlockingQueue<FaultLink> accepted = new LinkedBlockingQueue<>();
  private final Set<FaultLink> links = ConcurrentHashMap.newKeySet();
  private volatile Fault firstToServer = Fault.none();
  private volatile Fault firstToClient = Fault.none();

  /** A proxy in front of {@code server}, which must be on this machine. */
  public FaultProxy(InetSocketAddress server) throws IOException {
    this(server, OutputStream.nullOutputStream(), OutputStream.nullOutputStream());
  }

  /** A proxy that also copies every byte each side sent, before any fault, to a stream. */
  FaultProxy(InetSocketAddress server, OutputStream toServerCopy, OutputStream toClientCopy)
      throws IOException {
    if (!server.getAddress().isLoopbackAddress()) {
      throw new IllegalArgumentException("the proxy relays to loopback only, not " + server);
    }
    this.server = server;
    this.toServerCopy = toServerCopy;
    this.toClientCopy = toClientCopy;
    listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofVirtual().name("fault proxy accept").start(this::acceptLoop);
  }

  /** Where clients connect. */
  public InetSocketAddress address() {
    return new InetSocketAddress(listener.getInetAddress(), listener.getLocalPort());
  }

  /**
   * The faults every later connection starts with, before a test could reach its link: how a test
   * breaks a handshake, which begins the moment the client connects.
   */
  public void startEachLinkWith(Fault toServer, Fault toClient) {
    firstToServer = toServer;
    firstToClient = toClient;
  }

  /**
   * The next connection the proxy accepted (in order), waiting up to {@link WireClient#WAIT}.
   *
   * @throws AssertionError if none came
   */
  public FaultLink awaitLink() throws InterruptedException {
    FaultLink link = accepted.poll(WireClient.WAIT.toMillis(), TimeUnit.MILLISECONDS);
    if (link == null) {
      throw new AssertionError("no connection reached the proxy within " + WireClient.WAIT);
    }
    return link;
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Thread.ofVirtual().name("fault proxy link").start(() -> relay(client));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void relay(Socket client) {
    Socket upstream = new Socket();
    try {
      upstream.connect(server, 5_000);
      client.setTcpNoDelay(true);
      upstream.setTcpNoDelay(true);
    } catch (IOException e) {
      closeQuietly(client);
      closeQuietly(upstream);
      return;
    }
    FaultLink link =
        new FaultLink(client, upstream, firstToServer, firstToClient, toServerCopy, toClientCopy);
    links.add(link);
    accepted.add(link);
    link.run();
    links.remove(link);
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException alreadyClosed) {
      // Nothing to release.
    }
  }

  /** Stops accepting and ends every connection (held bytes are let go first). */
  @Override
  public void close() throws IOException {
    listener.close();
    links.forEach(FaultLink::close);
  }
}
