package securechat.notebook;

import java.util.Objects;
import securechat.core.protocol.ProtocolException;

/**
 * Checks for notebooks: each throws {@link CheckFailed} with one line saying what did not hold, so
 * the cell fails and a headless run of the notebook fails with it. Java's {@code assert} cannot do
 * this job: the notebook kernel runs with assertions off, so an {@code assert} there checks
 * nothing.
 *
 * <pre>{@code
 * Check.that(wire.contains("4711"), "the plain stage shows the whisper to every eavesdropper");
 * Check.notContains(new String(tlsWire.clientToServer(), UTF_8), "4711");
 * }</pre>
 */
public final class Check {
  /** Characters shown on each side of an unwanted match. */
  private static final int CONTEXT_CHARS = 15;

  private Check() {}

  /**
   * Checks that {@code ok} is true.
   *
   * @param whatShouldHold the expectation as a sentence, e.g. "the password is not on the wire"
   */
  public static void that(boolean ok, String whatShouldHold) {
    Objects.requireNonNull(whatShouldHold, "whatShouldHold");
    if (!ok) {
      throw new CheckFailed("check failed: " + whatShouldHold);
    }
  }

  /** Checks that {@code haystackText} contains {@code needle}, exactly. */
  public static void contains(String haystackText, String needle) {
    Objects.requireNonNull(haystackText, "haystackText");
    Objects.requireNonNull(needle, "needle");
    if (!haystackText.contains(needle)) {
      throw new CheckFailed(
          "check failed: expected "
              + ProtocolException.quote(needle)
              + " in the text, but it is not there; the text ("
              + haystackText.length()
              + " characters) starts "
              + ProtocolException.quote(haystackText));
    }
  }

  /** Checks that {@code haystackText} does not contain {@code needle}. */
  public static void notContains(String haystackText, String needle) {
    Objects.requireNonNull(haystackText, "haystackText");
    Objects.requireNonNull(needle, "needle");
    int at = haystackText.indexOf(needle);
    if (at >= 0) {
      int from = Math.max(0, at - CONTEXT_CHARS);
      int to = Math.min(haystackText.length(), at + needle.length() + CONTEXT_CHARS);
      throw new CheckFailed(
          "check failed: "
              + ProtocolException.quote(needle)
              + " should not be in the text, but it is, at character "
              + at
              + ": "
              + ProtocolException.quote(haystackText.substring(from, to)));
    }
  }

  /**
   * Checks that {@code actual} equals {@code expected}.
   *
   * @param what what the value is, e.g. "connections on the wire"
   */
  public static void equal(Object expected, Object actual, String what) {
    Objects.requireNonNull(what, "what");
    if (!Objects.equals(expected, actual)) {
      throw new CheckFailed(
          "check failed: " + what + ": expected " + shown(expected) + ", but got " + shown(actual));
    }
  }

  private static String shown(Object value) {
    return value == null ? "null" : ProtocolException.quote(value.toString());
  }
}
