package securechat.core.channel;

import java.util.Optional;

/**
 * A handshake that could not produce a protected channel: the peer spoke another protocol, sent a
 * bad key, failed authentication, or stopped half-way. The connection is closed; the sentence is
 * logged on the server and shown on the client.
 */
public class HandshakeException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String hint;

  public HandshakeException(String sentence) {
    this(sentence, null, null);
  }

  public HandshakeException(String sentence, Throwable cause) {
    this(sentence, null, cause);
  }

  /**
   * @param hint what the user can do about it, e.g. "is the server's certificate from this lab's
   *     CA?"; null when the generic advice (run the same stage on both sides) fits
   */
  public HandshakeException(String sentence, String hint, Throwable cause) {
    super(sentence, cause);
    this.hint = hint;
  }

  /** What the user can do about it, when the stage knows better than the generic advice. */
  public Optional<String> hint() {
    return Optional.ofNullable(hint);
  }
}
