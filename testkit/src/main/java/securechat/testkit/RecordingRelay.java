package securechat.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A passive eavesdropper for tests: a loopback relay in front of a server that forwards every byte
 * of every connection unchanged and keeps a copy of each direction, as a capture would. Clients
 * connect to {@link #address()} instead of the server. It is a {@link FaultProxy} with no fault.
 */
public final class RecordingRelay implements AutoCloseable {
  private final ByteArrayOutputStream fromClient = new ByteArrayOutputStream();
  private final ByteArrayOutputStream fromServer = new ByteArrayOutputStream();
  private final FaultProxy proxy;

  public RecordingRelay(InetSocketAddress server) throws IOException {
    // ByteArrayOutputStream is synchronized: the connections' threads may write at once.
    proxy = new FaultProxy(server, fromClient, fromServer);
  }

  public InetSocketAddress address() {
    return proxy.address();
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
    proxy.close();
  }
}
