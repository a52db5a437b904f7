package securechat.core.account;

/**
 * A stored password hash that is not an Argon2id PHC string we accept: wrong algorithm or version,
 * bad base64, or parameters outside our limits. The message says which part is wrong and never
 * repeats the salt or the hash.
 */
public final class MalformedHashException extends Exception {
  private static final long serialVersionUID = 1L;

  public MalformedHashException(String sentence) {
    super(sentence);
  }
}
