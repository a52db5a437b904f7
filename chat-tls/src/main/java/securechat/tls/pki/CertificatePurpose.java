package securechat.tls.pki;

import org.bouncycastle.asn1.x509.KeyPurposeId;

/**
 * What a leaf certificate may be used for, written into its extendedKeyUsage extension (RFC 5280
 * §4.2.1.12). A TLS client checks that the server's certificate says {@code serverAuth}; a server
 * asking for client certificates (mutual TLS) checks for {@code clientAuth}. A certificate made for
 * one role is thus refused in the other, even though the same CA signed both.
 */
public enum CertificatePurpose {
  /** A TLS server: extendedKeyUsage {@code serverAuth} (OID 1.3.6.1.5.5.7.3.1). */
  SERVER(KeyPurposeId.id_kp_serverAuth, "server"),
  /** A TLS client in mutual TLS: extendedKeyUsage {@code clientAuth} (OID 1.3.6.1.5.5.7.3.2). */
  CLIENT(KeyPurposeId.id_kp_clientAuth, "client");

  private final KeyPurposeId keyPurpose;
  private final String word;

  CertificatePurpose(KeyPurposeId keyPurpose, String word) {
    this.keyPurpose = keyPurpose;
    this.word = word;
  }

  KeyPurposeId keyPurpose() {
    return keyPurpose;
  }

  /** "server" or "client", as in "a server certificate". */
  String word() {
    return word;
  }
}
