package securechat.tls.pki;

/**
 * A lab PKI operation failed for a reason a user can understand: a missing or corrupt file, a bad
 * name, a CA that already exists. The message is one sentence naming the file or value; the command
 * line shows it as {@code error: <sentence>}.
 */
public final class PkiException extends Exception {
  private static final long serialVersionUID = 1L;

  public PkiException(String sentence) {
    super(sentence);
  }

  public PkiException(String sentence, Throwable cause) {
    super(sentence, cause);
  }

  /** {@code value} cut to 40 characters with control characters replaced, for quoting. */
  static String cut(String value) {
    if (value == null) {
      return "null";
    }
    String shown = value.length() > 40 ? value.substring(0, 40) + "..." : value;
    return shown
        .codePoints()
        .map(c -> Character.isISOControl(c) ? '?' : c)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
  }
}
