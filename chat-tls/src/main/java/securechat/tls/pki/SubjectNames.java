package securechat.tls.pki;

import java.util.regex.Pattern;
import org.bouncycastle.util.IPAddress;

/**
 * The rules for names that end up in file names and certificates: identity names (the {@code NAME}
 * in {@code pki/NAME.pem}), DNS host names and IP addresses for the subjectAlternativeName.
 */
final class SubjectNames {
  /** Lowercase so that {@code Alice.pem} and {@code alice.pem} cannot both exist. */
  static final String IDENTITY_RULE =
      "names are 1-63 characters: lowercase letters, digits, '.' and '-', starting with a letter"
          + " or digit";

  private static final Pattern IDENTITY_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{0,62}");

  /** RFC 1123 §2.1: a label is 1-63 letters, digits and hyphens, not starting or ending in '-'. */
  private static final Pattern HOST_LABEL =
      Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?", Pattern.CASE_INSENSITIVE);

  private SubjectNames() {}

  /**
   * Accepts a name for an identity's files, or explains why not. Besides the pattern, two names are
   * taken: {@code ca} is the CA's own files, and {@code NAME-key} would overwrite the private key
   * file of identity {@code NAME}.
   */
  static void checkIdentityName(String untrustedName) throws PkiException {
    String quoted = "'" + PkiException.cut(untrustedName) + "'";
    if (untrustedName == null || !IDENTITY_NAME.matcher(untrustedName).matches()) {
      throw new PkiException(quoted + " is not a valid certificate name; " + IDENTITY_RULE);
    }
    if (!isIdentityName(untrustedName)) {
      throw new PkiException(
          quoted + " is reserved for the files of the lab PKI itself; pick another name");
    }
  }

  /** Whether {@code name} passes {@link #checkIdentityName}. */
  static boolean isIdentityName(String name) {
    return name != null
        && IDENTITY_NAME.matcher(name).matches()
        && !name.equals("ca")
        && !name.endsWith("-key");
  }

  /**
   * Whether {@code name} is a DNS host name: dot-separated labels, at most 253 characters, and a
   * last label that is not all digits, so that "10.0.0.1" counts as an address, not a name (RFC
   * 3696 §2).
   */
  static boolean isHostName(String name) {
    if (name == null || name.isEmpty() || name.length() > 253) {
      return false;
    }
    String[] labels = name.split("\\.", -1);
    for (String label : labels) {
      if (!HOST_LABEL.matcher(label).matches()) {
        return false;
      }
    }
    return !labels[labels.length - 1].chars().allMatch(Character::isDigit);
  }

  /** Accepts a DNS name for the subjectAlternativeName, or explains why not. */
  static void checkDnsName(String untrustedName) throws PkiException {
    if (!isHostName(untrustedName)) {
      throw new PkiException(
          "'"
              + PkiException.cut(untrustedName)
              + "' is not a DNS host name; use letters, digits and '-' in dot-separated labels"
              + " (an IP address goes in --ip)");
    }
  }

  /**
   * Accepts an IPv4 or IPv6 literal, or explains why not. Checked as text, so that a host name
   * given by mistake is never looked up in the DNS.
   */
  static void checkIpAddress(String untrustedAddress) throws PkiException {
    if (untrustedAddress == null || !IPAddress.isValid(untrustedAddress)) {
      throw new PkiException(
          "'"
              + PkiException.cut(untrustedAddress)
              + "' is not an IP address; write IPv4 as 127.0.0.1 or IPv6 as ::1");
    }
  }
}
