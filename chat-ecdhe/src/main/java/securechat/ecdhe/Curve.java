package securechat.ecdhe;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Locale;

/** The curves of the ephemeral key exchange, as {@code --curve} names them. */
public enum Curve {
  /** RFC 7748's X25519: the default, fast, no point validation to get wrong. */
  X25519("x25519", "XDH"),
  /** NIST P-384 (secp384r1), the seed's curve; the JDK checks that peer points are on it. */
  P384("p384", "ECDH");

  private final String cliName;
  private final String agreement;

  Curve(String cliName, String agreement) {
    this.cliName = cliName;
    this.agreement = agreement;
  }

  public String cliName() {
    return cliName;
  }

  /** The JDK's KeyAgreement algorithm for this curve. */
  String agreement() {
    return agreement;
  }

  /** A fresh ephemeral key pair. */
  KeyPair generateKeyPair() throws GeneralSecurityException {
    if (this == X25519) {
      return KeyPairGenerator.getInstance("X25519").generateKeyPair();
    }
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp384r1"));
    return generator.generateKeyPair();
  }

  /** The JDK's KeyFactory algorithm for this curve's public keys. */
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
