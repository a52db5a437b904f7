package securechat.tls;

/** The TLS key log could not be started; the sentence says why and what to do. */
public final class KeyLogException extends Exception {
  private static final long serialVersionUID = 1L;

  public KeyLogException(String sentence) {
    super(sentence);
  }
}
