package securechat.ecdhe;

import java.security.SecureRandom;
import java.util.Locale;

/** The curves of the ephemeral key exchange, as {@code --curve} names them. */
public enum Curve {
  /** RFC 7748's X25519: the default, fast, no point validation to get wrong. */
  X25519("x25519"),
  /** NIST P-384 (secp384r1), the seed's curve; peer points are checked to be on it. */
  P384("p384");

  private final String cliName;

  Curve(String cliName) {
    this.cliName = cliName;
  }

  public String cliName() {
    return cliName;
  }

  /** A fresh ephemeral key pair. */
  EphemeralKeyPair generateKeyPair(SecureRandom random) {
    return EphemeralKeyPair.generate(this, random);
  }

  /** The JDK's KeyFactory algorithm for this curve's public keys (read from PEM). */
  String keyFactory() {
    return this == X25519 ? "X25519" : "EC";
  }

  /** The curve called {@code name}; null if there is none (the caller says what it expected). */
  static Curve find(String name) {
    for (Curve curve : values()) {
      if (curve.cliName.equals(name.toLowerCase(Locale.ROOT))) {
        return curve;
      }
    }
    return null;
  }
}
