package securechat.core.contract;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import securechat.core.channel.ChannelSecurity;
import securechat.core.protocol.Limits;

/**
 * A stage as the behaviour contracts see it: how to build its server side and how a test client
 * gets through its handshake. Everything else (the server, the protocol, the tests) is shared.
 *
 * <pre>{@code
 * class ChatServerIT extends ChatServerContract {
 *   protected StageUnderTest stage() {
 *     return new PlainStage();
 *   }
 * }
 * }</pre>
 */
public interface StageUnderTest {

  /** The stage's name as the server announces it in {@code WELCOME <stage> ...}. */
  String name();

  /**
   * The server side of this stage, for a server with these limits whose accounts live in {@code
   * dataDir}. A stage that needs keys or certificates may create them in {@code dataDir} and keep
   * in its own fields what {@link #connect} needs to trust them. It may be called again with the
   * same {@code dataDir} (a server restart) and must then accept what it created the first time.
   */
  ChannelSecurity serverSecurity(Limits limits, Path dataDir) throws Exception;

  /**
   * Connects {@code unconnected} to {@code server} and runs the client side of the stage's
   * handshake. The caller has already set any socket options it needs (a small receive buffer,
   * say), which is why it passes the socket in rather than an address only.
   *
   * <p>Returns a socket whose streams carry plain protocol lines: the plain stage returns the same
   * socket once connected; the TLS stage returns an {@code SSLSocket} layered over it, handshake
   * finished. Closing the returned socket closes {@code unconnected} too.
   */
  Socket connect(Socket unconnected, InetSocketAddress server) throws IOException;

  /**
   * Whether the stage detects bytes changed, repeated or cut on the wire (a MAC, a TLS record):
   * then a tampered stream ends the connection and delivers nothing altered. The plain stage has no
   * such check, and delivers what arrives.
   */
  default boolean protectsIntegrity() {
    return true;
  }
}
