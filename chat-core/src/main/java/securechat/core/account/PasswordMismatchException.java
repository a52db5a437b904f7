package securechat.core.account;

/**
 * The password does not produce the stored hash. Deliberately says nothing more: neither the
 * password nor how close it was.
 */
public final class PasswordMismatchException extends Exception {
  private static final long serialVersionUID = 1L;

  public PasswordMismatchException() {
    super("password does not match the stored hash");
  }
}
