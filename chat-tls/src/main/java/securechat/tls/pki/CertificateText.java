package securechat.tls.pki;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A certificate in a few lines for people: what {@code lab certs show} prints. Each line is one
 * field or extension that TLS relies on; the lab guide explains them in the same order.
 *
 * <pre>
 * subject:         CN=localhost
 * issuer:          CN=securechat-lab CA 3f9a
 * serial:          5b0c6d...
 * valid from:      2025-03-01T09:00:00Z
 * valid until:     2026-04-02T10:00:00Z
 * key:             EC P-256
 * CA:              no (critical)
 * key usage:       digitalSignature (critical)
 * extended usage:  serverAuth
 * alt. names:      DNS:localhost, IP:127.0.0.1
 * SHA-256:         9F:86:D0:81:...
 * </pre>
 */
public final class CertificateText {
  private static final String BASIC_CONSTRAINTS = "2.5.29.19";
  private static final String KEY_USAGE = "2.5.29.15";

  /** RFC 5280 §4.2.1.3: the bits of keyUsage, in order. */
  private static final List<String> KEY_USAGE_BITS =
      List.of(
          "digitalSignature",
          "nonRepudiation",
          "keyEncipherment",
          "dataEncipherment",
          "keyAgreement",
          "keyCertSign",
          "cRLSign",
          "encipherOnly",
          "decipherOnly");

  /** RFC 5280 §4.2.1.12 and RFC 9336 name the common extendedKeyUsage purposes. */
  private static final Map<String, String> KEY_PURPOSES =
      Map.of(
          "1.3.6.1.5.5.7.3.1", "serverAuth",
          "1.3.6.1.5.5.7.3.2", "clientAuth",
          "1.3.6.1.5.5.7.3.3", "codeSigning",
          "1.3.6.1.5.5.7.3.4", "emailProtection",
          "1.3.6.1.5.5.7.3.8", "timeStamping",
          "1.3.6.1.5.5.7.3.9", "OCSPSigning");

  /** RFC 5280 §4.2.1.6: the GeneralName choices, by the tag number the JDK reports. */
  private static final Map<Integer, String> NAME_TYPES =
      Map.of(1, "email", 2, "DNS", 4, "DirName", 6, "URI", 7, "IP");

  private CertificateText() {}

  /** The description, with validity checked against the current time. */
  public static List<String> describe(X509Certificate certificate) {
    return describe(certificate, Clock.systemUTC());
  }

  /**
   * The description, flagging the validity dates "(expired)" or "(not yet valid)" at {@code clock}.
   */
  public static List<String> describe(X509Certificate certificate, Clock clock) {
    Instant now = clock.instant();
    Instant notBefore = certificate.getNotBefore().toInstant();
    Instant notAfter = certificate.getNotAfter().toInstant();
    List<String> lines = new ArrayList<>();
    lines.add(line("subject", certificate.getSubjectX500Principal().getName()));
    lines.add(line("issuer", issuer(certificate)));
    lines.add(line("serial", certificate.getSerialNumber().toString(16)));
    lines.add(line("valid from", notBefore + (now.isBefore(notBefore) ? " (not yet valid)" : "")));
    lines.add(line("valid until", notAfter + (now.isAfter(notAfter) ? " (expired)" : "")));
    lines.add(line("key", describeKey(certificate.getPublicKey())));
    lines.add(line("CA", basicConstraints(certificate)));
    lines.add(line("key usage", keyUsage(certificate)));
    lines.add(line("extended usage", extendedKeyUsage(certificate)));
    lines.add(line("alt. names", subjectAltNames(certificate)));
    lines.add(line("SHA-256", sha256Fingerprint(certificate)));
    return List.copyOf(lines);
  }

  /**
   * The SHA-256 hash of the certificate's DER encoding, as uppercase hex pairs separated by colons:
   * the form of {@code openssl x509 -noout -fingerprint -sha256}, and what a user compares by eye.
   */
  public static String sha256Fingerprint(X509Certificate certificate) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
      return HexFormat.ofDelimiter(":").withUpperCase().formatHex(hash);
    } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
      // Every JDK has SHA-256, and a parsed certificate has its encoding.
      throw new IllegalStateException(
          "cannot fingerprint " + certificate.getSubjectX500Principal(), e);
    }
  }

  /** The extendedKeyUsage OIDs, empty when the extension is absent (any use is allowed then). */
  static List<String> extendedKeyUsages(X509Certificate certificate) {
    try {
      List<String> oids = certificate.getExtendedKeyUsage();
      return oids == null ? List.of() : oids;
    } catch (CertificateParsingException e) {
      return List.of();
    }
  }

  private static String line(String label, String value) {
    return String.format("%-16s %s", label + ":", value);
  }

  private static String issuer(X509Certificate certificate) {
    String issuer = certificate.getIssuerX500Principal().getName();
    boolean selfIssued =
        certificate.getIssuerX500Principal().equals(certificate.getSubjectX500Principal());
    return selfIssued ? issuer + " (self-signed)" : issuer;
  }

  private static String describeKey(PublicKey key) {
    try {
      return KeyType.of(key).describe();
    } catch (PkiException notOurs) {
      if (key instanceof RSAPublicKey rsa) {
        return "RSA " + rsa.getModulus().bitLength();
      }
      if (key instanceof ECPublicKey ec) {
        return "EC " + ec.getParams().getCurve().getField().getFieldSize() + "-bit curve";
      }
      return key.getAlgorithm();
    }
  }

  /** RFC 5280 §4.2.1.9: whether the certificate may sign others, and how deep below it. */
  private static String basicConstraints(X509Certificate certificate) {
    int pathLength = certificate.getBasicConstraints(); // -1: not a CA
    String text;
    if (pathLength < 0) {
      text = "no";
    } else if (pathLength == 0) {
      text = "yes, may sign leaf certificates only (pathLen 0)";
    } else if (pathLength == Integer.MAX_VALUE) {
      text = "yes, no limit on the chain below it";
    } else {
      text = "yes, up to " + pathLength + " CAs below it";
    }
    return text + critical(certificate, BASIC_CONSTRAINTS);
  }

  private static String keyUsage(X509Certificate certificate) {
    boolean[] bits = certificate.getKeyUsage();
    if (bits == null) {
      return "(none: any use)";
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < bits.length && i < KEY_USAGE_BITS.size(); i++) {
      if (bits[i]) {
        names.add(KEY_USAGE_BITS.get(i));
      }
    }
    return String.join(", ", names) + critical(certificate, KEY_USAGE);
  }

  private static String extendedKeyUsage(X509Certificate certificate) {
    List<String> oids = extendedKeyUsages(certificate);
    if (oids.isEmpty()) {
      return "(none: any use)";
    }
    return String.join(
        ", ", oids.stream().map(oid -> KEY_PURPOSES.getOrDefault(oid, oid)).toList());
  }

  private static String subjectAltNames(X509Certificate certificate) {
    Collection<List<?>> names;
    try {
      names = certificate.getSubjectAlternativeNames();
    } catch (CertificateParsingException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
    if (names == null) {
      return "(none)";
    }
    List<String> shown = new ArrayList<>();
    for (List<?> name : names) {
      // The JDK gives each name as [Integer tag, value]; DNS and IP values are strings.
      Integer tag = (Integer) name.get(0);
      Object value = name.get(1) instanceof String text ? text : "(binary)";
      shown.add(NAME_TYPES.getOrDefault(tag, "type " + tag) + ":" + value);
    }
    return String.join(", ", shown);
  }

  private static String critical(X509Certificate certificate, String oid) {
    Set<String> critical = certificate.getCriticalExtensionOIDs();
    return critical != null && critical.contains(oid) ? " (critical)" : "";
  }
}
