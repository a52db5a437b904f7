package securechat.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A test client that speaks raw protocol lines over a real loopback socket, as {@code nc} would: no
 * validation, so tests can send anything. On its own it adds no protection; given a stage's
 * handshaken socket (an {@code SSLSocket}, say) its lines travel inside that stage's protection. A
 * virtual thread queues every line received so a test waits for the next one with a timeout, never
 * with a sleep.
 */
public final class WireClient implements AutoCloseable {
  public static final Duration WAIT = Duration.ofSeconds(10);

  /** What {@link #next} returns once the server has closed the connection. */
  public static final String CLOSED = "<closed>";

  private final Socket socket;
  private final OutputStream out;
  private final BlockingQueue<String> received = new LinkedBlockingQueue<>();

  /** A client on a new plain TCP connection to {@code server}. */
  public WireClient(InetSocketAddress server) throws IOException {
    this(connectTcp(server));
  }

  /**
   * A client over a socket that is already connected and, for a stage with a handshake, already
   * handshaken (an {@code SSLSocket}, say): its streams carry plain protocol lines.
   */
  public WireClient(Socket connected) throws IOException {
    socket = connected;
    out = socket.getOutputStream();
    Thread.ofVirtual().name("test client " + socket.getLocalPort()).start(this::receiveAll);
  }

  private static Socket connectTcp(InetSocketAddress server) throws IOException {
    Socket socket = new Socket();
    socket.connect(server, 5_000);
    return socket;
  }

  private void receiveAll() {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        received.add(line);
      }
    } catch (IOException e) {
      // The connection was reset or closed by the test: the queue says so below.
    }
    received.add(CLOSED);
  }

  /** Sends one line, adding {@code \n}. */
  public void send(String line) throws IOException {
    sendBytes((line + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** Writes raw bytes: half lines, invalid UTF-8, anything. */
  public void sendBytes(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  /** The next line received, or an {@link AssertionError} after {@link #WAIT}. */
  public String next() throws InterruptedException {
    String line = received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    if (line == null) {
      throw new AssertionError("no line from the server within " + WAIT);
    }
    return line;
  }

  /** Skips lines until one starts with {@code prefix} (or the connection closes); returns it. */
  public String nextStartingWith(String prefix) throws InterruptedException {
    String line;
    do {
      line = next();
    } while (!line.startsWith(prefix) && !line.equals(CLOSED));
    return line;
  }

  /** True if no line arrives within {@code wait}: for "nobody else saw it" checks. */
  public boolean isQuietFor(Duration wait) throws InterruptedException {
    String line = received.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    return line == null;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
