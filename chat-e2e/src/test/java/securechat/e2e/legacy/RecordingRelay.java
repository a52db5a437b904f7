package securechat.e2e.legacy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A tiny TCP relay for one connection, in front of a server on loopback, that keeps a copy of every
 * byte it passes in each direction: what a sniffer on the wire would capture.
 */
final class RecordingRelay implements AutoCloseable {
  private final ServerSocket listener;
  private final int serverPort;
  private final Recording toClient = new Recording();
  private final Recording toServer = new Recording();
  private volatile Socket client;
  private volatile Socket server;

  private RecordingRelay(int serverPort) throws IOException {
    this.listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    this.serverPort = serverPort;
    Thread.ofVirtual().name("relay accept").start(this::relayOne);
  }

  /** Listens on a free loopback port and relays the first connection to {@code serverPort}. */
  static RecordingRelay inFrontOf(int serverPort) throws IOException {
    return new RecordingRelay(serverPort);
  }

  int port() {
    return listener.getLocalPort();
  }

  /** Every byte the server sent through the relay so far. */
  byte[] serverToClient() {
    return toClient.bytes();
  }

  /** Every byte the client sent through the relay so far. */
  byte[] clientToServer() {
    return toServer.bytes();
  }

  private void relayOne() {
    try {
      client = listener.accept();
      server = new Socket(InetAddress.getLoopbackAddress(), serverPort);
      Thread.ofVirtual().name("relay to server").start(() -> pump(client, server, toServer));
      pump(server, client, toClient);
    } catch (IOException e) {
      close();
    }
  }

  /** Copies {@code from} to {@code to}, recording each piece before passing it on. */
  private void pump(Socket from, Socket to, Recording recording) {
    byte[] buffer = new byte[8192];
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        recording.add(buffer, n);
        out.write(buffer, 0, n);
      }
    } catch (IOException e) {
      // One side closed: the relay is done in both directions.
    }
    close();
  }

  @Override
  public void close() {
    for (AutoCloseable closeable : new AutoCloseable[] {listener, client, server}) {
      try {
        if (closeable != null) {
          closeable.close();
        }
      } catch (Exception alreadyClosed) {
        // Closing is all we wanted.
      }
    }
  }

  /**
   * Bytes appended by one thread and read by another; a lock, not synchronized, for virtual
   * threads.
   */
  private static final class Recording {
    private final ReentrantLock lock = new ReentrantLock();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    void add(byte[] buffer, int length) {
      lock.lock();
      try {
        bytes.write(buffer, 0, length);
      } finally {
        lock.unlock();
      }
    }

    byte[] bytes() {
      lock.lock();
      try {
        return bytes.toByteArray();
      } finally {
        lock.unlock();
      }
    }
  }
}
