package securechat.core.protocol;

import java.util.Objects;

/**
 * A line or command that breaks the protocol: the peer is answered with one {@code ERR <code>
 * <sentence>} line and the connection survives.
 *
 * <p>The sentence names what failed, quotes the offending value (sanitised, at most 40 characters)
 * and states the limit or expectation, e.g. "line is 70000 bytes; the maximum is 65536".
 */
public class ProtocolException extends Exception {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;

  public ProtocolException(ErrorCode code, String sentence) {
    super(Objects.requireNonNull(sentence, "sentence"));
    this.code = Objects.requireNonNull(code, "code");
  }

  /** The stable code sent to the peer. */
  public ErrorCode code() {
    return code;
  }

  /** The human sentence sent to the peer. */
  public String sentence() {
    return getMessage();
  }

  /**
   * Quotes an untrusted value for an error sentence: control characters become {@code ?} and
   * anything past 40 characters is cut and marked with an ellipsis.
   */
  public static String quote(String untrusted) {
    StringBuilder out = new StringBuilder("'");
    int shown = 0;
    for (int i = 0; i < untrusted.length() && shown < 40; i = untrusted.offsetByCodePoints(i, 1)) {
      int cp = untrusted.codePointAt(i);
      out.appendCodePoint(Character.isISOControl(cp) ? '?' : cp);
      shown++;
    }
    if (untrusted.codePointCount(0, untrusted.length()) > 40) {
      out.append('…');
    }
    return out.append('\'').toString();
  }
}
