package securechat.core.protocol;

/**
 * The stable codes of {@code ERR} replies, as listed in {@code docs/protocol.md} §Errors.
 *
 * <p>Clients and scripts match on the code (the word after {@code ERR}); the sentence after it is
 * for people and may change.
 */
public enum ErrorCode {
  LINE_TOO_LONG("line-too-long"),
  BAD_UTF8("bad-utf8"),
  BAD_TEXT("bad-text"),
  UNKNOWN_COMMAND("unknown-command"),
  USAGE("usage"),
  BAD_NAME("bad-name"),
  BAD_PASSWORD("bad-password"),
  LOGIN_REQUIRED("login-required"),
  ALREADY_LOGGED_IN("already-logged-in"),
  BAD_LOGIN("bad-login"),
  NAME_TAKEN("name-taken"),
  ALREADY_ONLINE("already-online"),
  NO_SUCH_USER("no-such-user"),
  BAD_FILE_NAME("bad-file-name"),
  FILE_TOO_LARGE("file-too-large"),
  NOT_TEXT("not-text"),
  IDENTITY_MISMATCH("identity-mismatch"),
  NO_KEY("no-key"),
  SERVER_FULL("server-full"),
  SERVER_ERROR("server-error");

  private final String wireCode;

  ErrorCode(String wireCode) {
    this.wireCode = wireCode;
  }

  /** The code as it appears on the wire, e.g. {@code line-too-long}. */
  public String wireCode() {
    return wireCode;
  }

  /** Finds the code for its wire form; unknown codes (from a newer server) map to empty. */
  public static java.util.Optional<ErrorCode> findByWireCode(String wireCode) {
    for (ErrorCode code : values()) {
      if (code.wireCode.equals(wireCode)) {
        return java.util.Optional.of(code);
      }
    }
    return java.util.Optional.empty();
  }
}
