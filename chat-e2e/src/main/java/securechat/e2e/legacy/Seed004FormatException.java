package securechat.e2e.legacy;

/**
 * A seed 004 value that could not be read: a frame that is not JSON, a message without a field it
 * needs, a key text or an {@code encrypted_package} of the wrong shape. The sentence names what
 * failed and quotes the offending value, cut to 40 characters.
 *
 * <p>Failed cryptographic checks are not this exception: they are {@link
 * securechat.core.channel.RecordException}s and {@link
 * securechat.core.channel.HandshakeException}s.
 */
public class Seed004FormatException extends Exception {
  private static final long serialVersionUID = 1L;

  public Seed004FormatException(String sentence) {
    super(sentence);
  }

  public Seed004FormatException(String sentence, Throwable cause) {
    super(sentence, cause);
  }
}
