package securechat.core.protocol;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A validated user name: 2 to 16 characters, lowercase ASCII letters, digits, {@code _} or {@code
 * -}, starting with a letter ({@code docs/protocol.md} §Names).
 *
 * <p>Names are deliberately narrow: no upper case, no Unicode look-alikes and no control
 * characters, so {@code alice} and {@code Alice} or {@code аlice} (Cyrillic a) can never be two
 * different people on screen.
 */
public record Username(String value) implements Comparable<Username> {
  public static final int MIN_LENGTH = 2;
  public static final int MAX_LENGTH = 16;
  private static final Pattern VALID = Pattern.compile("[a-z][a-z0-9_-]{1,15}");

  /** The rule as one sentence, shared by every error message about names. */
  public static final String RULE =
      "names are 2-16 characters: lowercase letters, digits, '_' or '-', starting with a letter";

  public Username {
    Objects.requireNonNull(value, "value");
    if (!VALID.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "not a valid user name: " + ProtocolException.quote(value));
    }
  }

  /** Validates a name received from a peer, a file or the command line. */
  public static Username parse(String untrustedName) throws ProtocolException {
    if (untrustedName == null || !VALID.matcher(untrustedName).matches()) {
      String shown = untrustedName == null ? "nothing" : ProtocolException.quote(untrustedName);
      throw new ProtocolException(ErrorCode.BAD_NAME, shown + " is not a valid name; " + RULE);
    }
    return new Username(untrustedName);
  }

  @Override
  public int compareTo(Username other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
