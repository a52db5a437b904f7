package securechat.core.cli;

import java.util.Optional;

/**
 * A problem the user can fix: a bad option value, a missing file, a port in use. {@link
 * CliErrorHandler} prints it as {@code error: <sentence>} and, when there is one, {@code hint:
 * <what to do>}, and exits with status 1. Never shown with a stack trace unless {@code --debug}.
 */
public class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String hint;

  public ConfigException(String sentence) {
    this(sentence, null, null);
  }

  public ConfigException(String sentence, String hint) {
    this(sentence, hint, null);
  }

  public ConfigException(String sentence, String hint, Throwable cause) {
    super(sentence, cause);
    this.hint = hint;
  }

  /** What the user can do about it, if we know. */
  public Optional<String> hint() {
    return Optional.ofNullable(hint);
  }
}
