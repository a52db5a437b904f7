package securechat.core.account;

import securechat.core.protocol.ErrorCode;
import securechat.core.protocol.ProtocolException;

/**
 * The rule every new password must follow: 8 to 128 characters, no control characters.
 *
 * <p><b>Protects:</b> against the shortest passwords, which no hash can save, and against control
 * characters, which would break a line of the chat protocol or the terminal that types it. Length
 * is the only strength rule, as NIST SP 800-63B (rev. 3) §5.1.1.2 advises: at least 8 characters,
 * room for long passphrases, no "one digit and one symbol" composition rules.
 *
 * <p><b>Does not protect:</b> against common passwords; {@code password1} passes. Error sentences
 * never repeat the password.
 */
public final class PasswordPolicy {
  public static final int MIN_LENGTH = 8;
  public static final int MAX_LENGTH = 128;

  /** The rule as one sentence, for help texts and error hints. */
  public static final String RULE = "passwords are 8-128 characters, without control characters";

  private PasswordPolicy() {}

  /**
   * Checks a new password against the rule, counting characters (code points), not bytes.
   *
   * @throws ProtocolException with {@link ErrorCode#BAD_PASSWORD} and a sentence that says which
   *     part of the rule failed
   */
  public static void check(String untrustedPassword) throws ProtocolException {
    if (untrustedPassword == null) {
      throw badPassword("no password given; " + RULE);
    }
    int length = untrustedPassword.codePointCount(0, untrustedPassword.length());
    if (length < MIN_LENGTH) {
      throw badPassword("password is " + length + " characters; the minimum is " + MIN_LENGTH);
    }
    if (length > MAX_LENGTH) {
      throw badPassword("password is " + length + " characters; the maximum is " + MAX_LENGTH);
    }
    if (untrustedPassword.codePoints().anyMatch(Character::isISOControl)) {
      throw badPassword("password contains a control character (tab, newline, ...); " + RULE);
    }
  }

  private static ProtocolException badPassword(String sentence) {
    return new ProtocolException(ErrorCode.BAD_PASSWORD, sentence);
  }
}
