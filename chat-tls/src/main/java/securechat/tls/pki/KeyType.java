package securechat.tls.pki;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The kinds of key pair the lab CA can make, for itself and for the certificates it signs. All
 * three are in the JDK; TLS 1.3 accepts each of them in a certificate (RFC 8446 §4.2.3).
 *
 * <ul>
 *   <li>{@link #EC_P256}: ECDSA on the NIST P-256 curve, the default: small keys, fast signatures.
 *   <li>{@link #RSA_2048}: RSA with a 2048-bit modulus, the classic choice and the slowest.
 *   <li>{@link #ED25519}: EdDSA on Curve25519 (RFC 8032), deterministic signatures.
 * </ul>
 */
public enum KeyType {
  EC_P256("ec", "EC P-256", "SHA256withECDSA"),
  RSA_2048("rsa", "RSA 2048", "SHA256withRSA"),
  // Ed25519 hashes internally (RFC 8032 §5.1), so its signature algorithm names no digest.
  ED25519("ed25519", "Ed25519", "Ed25519");

  private final String cliName;
  private final String description;
  private final String signatureAlgorithm;

  KeyType(String cliName, String description, String signatureAlgorithm) {
    this.cliName = cliName;
    this.description = description;
    this.signatureAlgorithm = signatureAlgorithm;
  }

  /** The name on the command line: {@code ec}, {@code rsa} or {@code ed25519}. */
  public String cliName() {
    return cliName;
  }

  /** A name for people: "EC P-256", "RSA 2048", "Ed25519". */
  public String describe() {
    return description;
  }

  /**
   * The key type named {@code cliName} ({@code --key-type ec|rsa|ed25519}).
   *
   * @throws PkiException naming the accepted names
   */
  public static KeyType parse(String cliName) throws PkiException {
    for (KeyType type : values()) {
      if (type.cliName.equals(cliName)) {
        return type;
      }
    }
    throw new PkiException(
        "'" + PkiException.cut(cliName) + "' is not a key type; choose one of " + cliNames());
  }

  /** "ec, rsa, ed25519", for messages and option descriptions. */
  static String cliNames() {
    return Arrays.stream(values()).map(KeyType::cliName).collect(Collectors.joining(", "));
  }

  /**
   * The key type of {@code key}.
   *
   * @throws PkiException if it is none of ours, such as an RSA key of another size
   */
  static KeyType of(PublicKey key) throws PkiException {
    if (key instanceof ECPublicKey ec
        && ec.getParams().getCurve().getField().getFieldSize() == 256) {
      return EC_P256; // the only 256-bit curve the JDK still offers is P-256 (secp256r1)
    }
    if (key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() == 2048) {
      return RSA_2048;
    }
    if (key instanceof EdECPublicKey ed && ed.getParams().getName().equals("Ed25519")) {
      return ED25519;
    }
    throw new PkiException(
        "unsupported " + key.getAlgorithm() + " key; the lab uses " + cliNames());
  }

  /** The JDK's name of the signature this key type makes, e.g. {@code SHA256withECDSA}. */
  String signatureAlgorithm() {
    return signatureAlgorithm;
  }

  /** Whether the key can encrypt as well as sign, which matters for keyUsage (see below). */
  boolean canEncrypt() {
    return this == RSA_2048;
  }

  /** A fresh key pair from the JDK's own providers. */
  KeyPair generateKeyPair() {
    try {
      KeyPairGenerator generator =
          switch (this) {
            case EC_P256 -> ecGenerator();
            case RSA_2048 -> rsaGenerator();
            case ED25519 -> KeyPairGenerator.getInstance("Ed25519");
          };
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      // Every JDK 21 has these three; a missing one means a broken installation.
      throw new IllegalStateException("this JDK cannot generate " + description + " keys", e);
    }
  }

  private static KeyPairGenerator ecGenerator() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1")); // SEC 2 name of NIST P-256
    return generator;
  }

  private static KeyPairGenerator rsaGenerator() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator;
  }
}
