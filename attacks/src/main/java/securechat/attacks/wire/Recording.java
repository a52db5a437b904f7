package securechat.attacks.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The passive attacker: copies every byte unchanged both ways and keeps a copy of each connection,
 * as a recording of the wire that can be attacked later (the forward-secrecy attack records first
 * and gets the server's key afterwards).
 */
public final class Recording implements ConnectionHandler {
  private final List<Conversation> conversations = Collections.synchronizedList(new ArrayList<>());

  /** The bytes of one recorded connection, each direction in order. */
  public record Conversation(byte[] clientToServer, byte[] serverToClient) {}

  @Override
  public void handle(Socket victim, Socket server) throws IOException {
    ByteArrayOutputStream up = new ByteArrayOutputStream();
    ByteArrayOutputStream down = new ByteArrayOutputStream();
    Thread downstream =
        Thread.ofVirtual().name("recording server→client").start(() -> pump(server, victim, down));
    pump(victim, server, up);
    try {
      downstream.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (up) {
      synchronized (down) {
        conversations.add(new Conversation(up.toByteArray(), down.toByteArray()));
      }
    }
  }

  /** Every connection recorded so far (a connection is added when it ends). */
  public List<Conversation> conversations() {
    synchronized (conversations) {
      return List.copyOf(conversations);
    }
  }

  /**
   * Copies {@code from} to {@code to}, keeping a copy in {@code copy}, until {@code from} ends;
   * then half-closes {@code to} so its reader sees the end too.
   */
  static void pump(Socket from, Socket to, OutputStream copy) {
    byte[] buffer = new byte[16 * 1024];
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      int read;
      while ((read = in.read(buffer)) != -1) {
        synchronized (copy) {
          copy.write(buffer, 0, read);
        }
        out.write(buffer, 0, read);
        out.flush();
      }
      to.shutdownOutput();
    } catch (IOException e) {
      // One side went away: the other direction ends on its own when the relay closes.
      closeQuietly(to);
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // Already closed is what we wanted.
    }
  }
}
