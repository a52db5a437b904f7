package securechat.core.channel;

import java.io.IOException;
import java.net.Socket;

/**
 * The seam between the chat and its protection: turns a connected socket into a {@link
 * LineChannel}, doing whatever handshake the stage needs. Each stage module implements it once;
 * everything above it (protocol, server, client) is the same in every stage.
 *
 * <pre>
 *  socket ─▶ accept / connect (the stage's handshake) ─▶ LineChannel ─▶ MessageCodec ─▶ handler
 * </pre>
 *
 * <p>Implementations are stateless or thread-safe: the server calls {@link #accept} on many
 * connection threads at once. Socket timeouts are set by the caller before the handshake, so a
 * silent peer makes the handshake fail with a {@link java.net.SocketTimeoutException}.
 */
public interface ChannelSecurity {

  /** The stage's name as the CLI knows it: {@code plain}, {@code tls}, ... */
  String stage();

  /** Server side: runs the handshake on an accepted socket. */
  LineChannel accept(Socket socket) throws IOException, HandshakeException;

  /** Client side: runs the handshake on a connected socket. */
  LineChannel connect(Socket socket) throws IOException, HandshakeException;

  /**
   * Server side: what the server publishes about each user it puts online, and the check that ties
   * a login to the identity the handshake proved. The e2e stage returns its key directory; every
   * other stage proves no user identity and publishes nothing.
   */
  default UserDirectory directory() {
    return UserDirectory.NONE;
  }
}
