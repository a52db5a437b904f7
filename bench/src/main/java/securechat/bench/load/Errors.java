package securechat.bench.load;

import java.util.Locale;

/**
 * Short names for what went wrong, so that errors can be counted by kind: ten thousand "Connection
 * reset" lines become one row, {@code connection lost: connection reset 10000}.
 */
final class Errors {
  private static final int MAX_CHARS = 60;

  private Errors() {}

  /** The kind of an exception: its message without details after a colon, lower case. */
  static String kind(Throwable e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      return e.getClass().getSimpleName();
    }
    return firstWords(message).toLowerCase(Locale.ROOT);
  }

  /** {@code text} up to its first colon or semicolon, at most 60 characters. */
  static String firstWords(String text) {
    int end = text.length();
    for (char stop : new char[] {':', ';', '('}) {
      int at = text.indexOf(stop);
      if (at > 0 && at < end) {
        end = at;
      }
    }
    String words = text.substring(0, Math.min(end, MAX_CHARS)).strip();
    return words.isEmpty() ? text.substring(0, Math.min(text.length(), MAX_CHARS)) : words;
  }
}
