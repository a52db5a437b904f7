package securechat.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;

/**
 * One connection through a {@link FaultProxy}: the client's socket to the proxy, the proxy's socket
 * to the server, and a {@link FaultPump} for each direction.
 */
public final class FaultLink {
  private final Socket client;
  private final Socket server;
  private final FaultPump toServer;
  private final FaultPump toClient;

  FaultLink(
      Socket client,
      Socket server,
      Fault firstToServer,
      Fault firstToClient,
      OutputStream toServerCopy,
      OutputStream toClientCopy) {
    this.client = client;
    this.server = server;
    this.toServer = new FaultPump(client, server, toServerCopy, firstToServer, this);
    this.toClient = new FaultPump(server, client, toClientCopy, firstToClient, this);
  }

  /** What the client sends, on its way to the server. */
  public FaultPump toServer() {
    return toServer;
  }

  /** What the server sends, on its way to the client. */
  public FaultPump toClient() {
    return toClient;
  }

  /**
   * Resets both connections now: SO_LINGER 0 makes {@code close} send a TCP RST instead of a FIN,
   * and drop whatever was not sent yet. Each peer's next read or write fails with "Connection
   * reset".
   */
  public void reset() {
    for (Socket socket : new Socket[] {client, server}) {
      try {
        socket.setSoLinger(true, 0);
        socket.close();
      } catch (IOException alreadyClosed) {
        // Closed before: the peer has been told already.
      }
    }
  }

  /** Runs both directions; returns when both have ended, with both sockets closed. */
  void run() {
    Thread up = Thread.ofVirtual().name("fault proxy to server").start(toServer::run);
    Thread down = Thread.ofVirtual().name("fault proxy to client").start(toClient::run);
    try {
      up.join();
      down.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      close();
    }
  }

  /** Lets held bytes go and closes both sockets (a FIN, unless {@link #reset} came first). */
  void close() {
    toServer.release();
    toClient.release();
    for (Socket socket : new Socket[] {client, server}) {
      try {
        socket.close();
      } catch (IOException alreadyClosed) {
        // Nothing left to release.
      }
    }
  }
}
