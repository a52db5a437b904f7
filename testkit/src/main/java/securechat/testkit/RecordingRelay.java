package securechat.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

/**
 * A passive eavesdropper for tests: a loopback relay in front of a server that forwards every byte
 * of every connection unchanged and keeps a copy of each direction, as a capture would. Clients
 * connect to {@link #address()} instead of the server.
 */
public final class RecordingRelay implements AutoCloseable {
  private final ServerSocket listener;
  private final InetSocketAddress server;
  private final ByteArrayOutputStream fromClient = new ByteArrayOutputStream();
  private final ByteArrayOutputStream fromServer = new ByteArrayOutputStream();
  private final Thread acceptor;

  public RecordingRelay(InetSocketAddress server) throws IOException {
    this.server = server;
    listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor = Thread.ofVirtual().name("relay").start(this::acceptLoop);
  }

  public InetSocketAddress address() {
    return new InetSocketAddress(listener.getInetAddress(), listener.getLocalPort());
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Thread.ofVirtual().name("relay connection").start(() -> relay(client));
      } catch (SocketException closed) {
        return;
      } catch (IOException e) {
        return;
      }
    }
  }

  private void relay(Socket client) {
    try (client;
        Socket upstream = new Socket(server.getAddress(), server.getPort())) {
      Thread up = copy(client.getInputStream(), upstream.getOutputStream(), fromClient);
      Thread down = copy(upstream.getInputStream(), client.getOutputStream(), fromServer);
      up.join();
      down.join();
    } catch (IOException | InterruptedException e) {
      // The test ended the session; what was recorded stays.
    }
  }

  private static Thread copy(InputStream in, OutputStream out, ByteArrayOutputStream record) {
    return Thread.ofVirtual()
        .start(
            () -> {
              byte[] buffer = new byte[8192];
              try {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                  record.write(buffer, 0, read); // ByteArrayOutputStream is synchronized
                  out.write(buffer, 0, read);
                }
                out.close();
              } catch (IOException e) {
                // One side closed: the other copy ends too.
              }
            });
  }

  /** Every byte the clients sent so far. */
  public byte[] fromClient() {
    return fromClient.toByteArray();
  }

  /** Every byte the server sent so far. */
  public byte[] fromServer() {
    return fromServer.toByteArray();
  }

  /** Every byte the clients sent so far, as text (ISO-8859-1: one char per byte). */
  public String clientBytes() {
    return fromClient.toString(StandardCharsets.ISO_8859_1);
  }

  /** Every byte the server sent so far, as text (ISO-8859-1: one char per byte). */
  public String serverBytes() {
    return fromServer.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    listener.close();
    acceptor.interrupt();
  }
}
