package securechat.ecdhe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A passive eavesdropper for tests: a loopback relay between one client and a server that forwards
 * every byte unchanged and keeps a copy of each direction, as a capture would.
 */
final class RecordingRelay implements AutoCloseable {
  private final ServerSocket listener;
  private final ByteArrayOutputStream fromClient = new ByteArrayOutputStream();
  private final ByteArrayOutputStream fromServer = new ByteArrayOutputStream();
  private final Thread acceptor;

  RecordingRelay(InetSocketAddress server) throws IOException {
    listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    acceptor = Thread.ofVirtual().name("relay").start(() -> relayOne(server));
  }

  InetSocketAddress address() {
    return new InetSocketAddress(listener.getInetAddress(), listener.getLocalPort());
  }

  private void relayOne(InetSocketAddress server) {
    try (Socket client = listener.accept();
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

  /** What the client sent so far, as text (the ecdhe stage is ASCII on the wire). */
  String clientBytes() {
    return fromClient.toString(StandardCharsets.US_ASCII);
  }

  String serverBytes() {
    return fromServer.toString(StandardCharsets.US_ASCII);
  }

  @Override
  public void close() throws IOException {
    listener.close();
    acceptor.interrupt();
  }
}
