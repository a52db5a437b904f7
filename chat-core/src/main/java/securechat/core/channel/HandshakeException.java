package securechat.core.channel;

/**
 * A handshake that could not produce a protected channel: the peer spoke another protocol, sent a
 * bad key, failed authentication, or stopped half-way. The connection is closed; the sentence is
 * logged on the server and shown on the client.
 */
public class HandshakeException extends Exception {
  private static final long serialVersionUID = 1L;

  public HandshakeException(String sentence) {
    super(sentence);
  }

  public HandshakeException(String sentence, Throwable cause) {
    super(sentence, cause);
  }
}
