package securechat.notebook;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import securechat.attacks.wire.ConnectionHandler;
import securechat.sniffer.capture.Endpoint;
import securechat.sniffer.capture.TcpSegment;

/**
 * The relay's way to see the wire when libpcap may not capture: copies every byte unchanged both
 * ways, like the attacks' {@code Recording}, and describes each read as the {@link TcpSegment} a
 * capture would have shown, stamped with the time it crossed. The segments then go through the
 * sniffer's reassembly and dissectors exactly like captured ones.
 *
 * <p>The segments name the client's real address and the server's real address (not the relay's),
 * as a capture between them would. Sequence numbers count from 0 in each direction: a SYN, then the
 * payload bytes, then a FIN (RFC 9293 §3.4: SYN and FIN each take one sequence number).
 */
final class SegmentRecording implements ConnectionHandler {
  private static final int BUFFER_BYTES = 16 * 1024;

  private final Consumer<TcpSegment> segments;
  private final ReentrantLock lock = new ReentrantLock();
  private long frames; // guarded by lock, so that segments arrive in the order of their numbers

  /**
   * @param segments where each segment goes, numbered from 1 as a capture numbers its frames
   */
  SegmentRecording(Consumer<TcpSegment> segments) {
    this.segments = segments;
  }

  @Override
  public void handle(Socket victim, Socket server) throws IOException {
    Endpoint client = endpoint(victim);
    Endpoint serverEnd = endpoint(server);
    record(client, serverEnd, 0, true, false, new byte[0]);
    record(serverEnd, client, 0, true, false, new byte[0]);
    Thread downstream =
        Thread.ofVirtual()
            .name("relay recording server→client")
            .start(() -> pump(server, victim, serverEnd, client));
    pump(victim, server, client, serverEnd);
    try {
      downstream.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Copies {@code from} to {@code to} until {@code from} ends, recording each read. */
  private void pump(Socket from, Socket to, Endpoint source, Endpoint destination) {
    byte[] buffer = new byte[BUFFER_BYTES];
    long sequence = 1; // the SYN took 0
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      int read;
      while ((read = in.read(buffer)) != -1) {
        byte[] payload = Arrays.copyOf(buffer, read);
        record(source, destination, sequence, false, false, payload);
        sequence += read;
        out.write(payload);
        out.flush();
      }
      record(source, destination, sequence, false, true, new byte[0]);
      to.shutdownOutput();
    } catch (IOException e) {
      // One side went away: closing the other ends its direction too, as in Recording.
      closeQuietly(to);
    }
  }

  private void record(
      Endpoint source,
      Endpoint destination,
      long sequence,
      boolean syn,
      boolean fin,
      byte[] payload) {
    lock.lock();
    try {
      frames++;
      segments.accept(
          new TcpSegment(
              frames, Instant.now(), source, destination, sequence, syn, fin, false, payload));
    } finally {
      lock.unlock();
    }
  }

  private static Endpoint endpoint(Socket socket) {
    InetSocketAddress remote = (InetSocketAddress) socket.getRemoteSocketAddress();
    return new Endpoint(remote.getAddress(), remote.getPort());
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // Already closed is what we wanted.
    }
  }
}
