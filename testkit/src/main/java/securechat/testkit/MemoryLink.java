package securechat.testkit;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;

/**
 * Two connected in-memory sockets: what one end writes, the other reads. Lets a test run a stage's
 * real {@code ChannelSecurity} (handshake, framing, sealing) on two threads without a network.
 *
 * <pre>{@code
 * MemoryLink link = MemoryLink.pair();
 * Future<LineChannel> server = executor.submit(() -> security.accept(link.server()));
 * LineChannel client = security.connect(link.client());
 * }</pre>
 *
 * <p>Closing either socket ends both directions, as a TCP reset would: the peer's reads return end
 * of stream once the buffered bytes are read, its writes fail. Socket options such as timeouts are
 * accepted and ignored: timeouts are tested over loopback.
 */
public final class MemoryLink {
  private final Socket client;
  private final Socket server;

  private MemoryLink() {
    MemoryPipe toServer = new MemoryPipe();
    MemoryPipe toClient = new MemoryPipe();
    client = new End(toClient, toServer, 40001);
    server = new End(toServer, toClient, 7001);
  }

  /** A fresh connected pair. */
  public static MemoryLink pair() {
    return new MemoryLink();
  }

  /** The client's end (its peer port is 7001). */
  public Socket client() {
    return client;
  }

  /** The server's end (its peer port is 40001). */
  public Socket server() {
    return server;
  }

  /** One end: reads one pipe, writes the other. */
  private static final class End extends Socket {
    private final MemoryPipe incoming;
    private final MemoryPipe outgoing;
    private final int peerPort;
    private volatile boolean closed;

    End(MemoryPipe incoming, MemoryPipe outgoing, int peerPort) {
      this.incoming = incoming;
      this.outgoing = outgoing;
      this.peerPort = peerPort;
    }

    @Override
    public InputStream getInputStream() {
      return incoming.in();
    }

    @Override
    public OutputStream getOutputStream() {
      return outgoing.out();
    }

    @Override
    public InetAddress getInetAddress() {
      return InetAddress.getLoopbackAddress();
    }

    @Override
    public int getPort() {
      return peerPort;
    }

    @Override
    public boolean isConnected() {
      return true;
    }

    @Override
    public boolean isClosed() {
      return closed;
    }

    @Override
    public void setSoTimeout(int timeout) {}

    @Override
    public void shutdownOutput() {
      outgoing.closeWriter();
    }

    @Override
    public void close() {
      closed = true;
      incoming.closeReader();
      outgoing.closeWriter();
    }
  }
}
