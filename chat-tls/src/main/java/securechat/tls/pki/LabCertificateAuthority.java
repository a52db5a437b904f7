package securechat.tls.pki;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority of the lab's own: a key pair and a self-signed certificate that says
 * "this key may sign certificates". Whoever trusts the CA certificate (ca.pem) trusts every
 * certificate the CA signs, which is how a chat client comes to trust the server's key without
 * having seen it.
 *
 * <p>The certificates are X.509 version 3 (RFC 5280). Version 3 added extensions, and the
 * extensions carry the rules: {@code basicConstraints} says whether a certificate belongs to a CA,
 * {@code keyUsage} and {@code extendedKeyUsage} what its key may do, {@code subjectAltName} which
 * host names it is valid for. Each is set below at the line that cites its section.
 *
 * <p><b>Protects:</b> clients that trust ca.pem against a server that presents a certificate the CA
 * did not sign, has expired, or names another host: the TLS handshake fails.
 *
 * <p><b>Does not protect:</b> against anyone holding the CA's private key, who can sign a
 * certificate for any name; there is no revocation (no CRL, no OCSP), so a leaked leaf key stays
 * usable until its certificate expires. Unlike a public CA, this one never checks who asks.
 *
 * <pre>{@code
 * LabCertificateAuthority ca = LabCertificateAuthority.create(KeyType.EC_P256, Clock.systemUTC());
 * Identity server = ca.issue(IssueRequest.server("localhost", KeyType.EC_P256, Clock.systemUTC()));
 * }</pre>
 */
public final class LabCertificateAuthority {
  /** Five years: long enough for a course, short enough that an old lab CA dies by itself. */
  static final Duration CA_VALIDITY = Duration.ofDays(5 * 365 + 1);

  private static final SecureRandom RANDOM = new SecureRandom();

  private final PrivateKey privateKey;
  private final X509Certificate certificate;
  private final KeyType keyType;

  private LabCertificateAuthority(
      PrivateKey privateKey, X509Certificate certificate, KeyType keyType) {
    this.privateKey = privateKey;
    this.certificate = certificate;
    this.keyType = keyType;
  }

  /**
   * A CA loaded from files; the caller has checked that {@code privateKey} matches the
   * certificate's public key.
   *
   * @throws PkiException if the certificate is not a CA certificate or its key type is not ours
   */
  static LabCertificateAuthority of(PrivateKey privateKey, X509Certificate certificate)
      throws PkiException {
    if (certificate.getBasicConstraints() < 0) {
      throw new PkiException(
          "the certificate " + certificate.getSubjectX500Principal() + " is not a CA certificate");
    }
    return new LabCertificateAuthority(
        privateKey, certificate, KeyType.of(certificate.getPublicKey()));
  }

  /**
   * Creates a new CA in memory: a fresh key pair and a self-signed certificate, CN "securechat-lab
   * CA" plus four random hex digits (so that two labs' CAs are told apart), valid for five years.
   */
  public static LabCertificateAuthority create(KeyType type, Clock clock) throws PkiException {
    KeyPair keys = type.generateKeyPair();
    X500Name name = commonName("securechat-lab CA " + HexFormat.of().formatHex(randomBytes(2)));
    Instant now = clock.instant();
    // Self-signed: the issuer is the subject itself (RFC 5280 §3.2).
    var builder =
        new JcaX509v3CertificateBuilder(
            name,
            randomSerial(),
            Date.from(now.minus(IssueRequest.BACKDATE)),
            Date.from(now.plus(CA_VALIDITY)),
            name,
            keys.getPublic());
    try {
      // RFC 5280 §4.2.1.9: cA=TRUE makes this a CA certificate, marked critical so that software
      // that does not understand it must reject the certificate rather than ignore it.
      // pathLenConstraint 0: it may sign leaf certificates only, never another CA.
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
      // RFC 5280 §4.2.1.3: keyUsage says what the key may do. A CA key signs certificates
      // (keyCertSign) and revocation lists (cRLSign), and nothing else: were it also a TLS key,
      // every handshake would let a peer have it sign data of the peer's choosing.
      builder.addExtension(
          Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      // RFC 5280 §4.2.1.2: a short id of the key, which the certificates it signs point back to.
      builder.addExtension(
          Extension.subjectKeyIdentifier,
          false,
          extensionUtils().createSubjectKeyIdentifier(keys.getPublic()));
    } catch (CertIOException e) {
      throw encodingBug(e);
    }
    X509Certificate certificate = sign(builder, keys.getPrivate(), type);
    return new LabCertificateAuthority(keys.getPrivate(), certificate, type);
  }

  /** The CA's self-signed certificate: what clients trust (ca.pem). */
  public X509Certificate certificate() {
    return certificate;
  }

  /** The CA's signing key, for {@link LabPki} to save. */
  PrivateKey privateKey() {
    return privateKey;
  }

  /**
   * Generates a key pair of {@code request.keyType()} and signs a certificate for it.
   *
   * @return the new identity, its chain being [leaf, this CA's certificate]
   * @throws PkiException if the name, a DNS name or an IP address is not valid, or a server request
   *     names no host at all
   */
  public Identity issue(IssueRequest request) throws PkiException {
    checkNames(request);
    KeyPair keys = request.keyType().generateKeyPair();
    var builder =
        new JcaX509v3CertificateBuilder(
            certificate, // the issuer name is copied from the CA's subject (RFC 5280 §4.1.2.4)
            randomSerial(),
            Date.from(request.notBefore()),
            Date.from(request.notAfter()),
            commonName(request.name()),
            keys.getPublic());
    try {
      addLeafExtensions(builder, request, keys.getPublic());
    } catch (CertIOException e) {
      throw encodingBug(e);
    }
    X509Certificate leaf = sign(builder, privateKey, keyType);
    return new Identity(request.name(), keys.getPrivate(), List.of(leaf, certificate));
  }

  private void addLeafExtensions(
      X509v3CertificateBuilder builder, IssueRequest request, PublicKey leafKey)
      throws CertIOException {
    // RFC 5280 §4.2.1.9: cA=FALSE, so that this key cannot sign certificates that clients would
    // accept, even though the CA signed it.
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    // RFC 5280 §4.2.1.3: the key signs handshakes (digitalSignature). keyEncipherment lets an RSA
    // key receive an encrypted secret, which only TLS 1.2's RSA key exchange uses; EC and Ed25519
    // keys cannot encrypt at all.
    int usage =
        KeyUsage.digitalSignature | (request.keyType().canEncrypt() ? KeyUsage.keyEncipherment : 0);
    builder.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
    // RFC 5280 §4.2.1.12: serverAuth or clientAuth, so a certificate serves in one role only.
    builder.addExtension(
        Extension.extendedKeyUsage, false, new ExtendedKeyUsage(request.purpose().keyPurpose()));
    if (!request.dnsNames().isEmpty() || !request.ipAddresses().isEmpty()) {
      // RFC 5280 §4.2.1.6: the names a client compares with the host it dialled (RFC 6125 §6).
      // With a DNS name here, clients ignore the CN (RFC 6125 §6.4.4); an IP address must be an
      // iPAddress entry to match at all. Non-critical, as the subject is not empty.
      builder.addExtension(Extension.subjectAlternativeName, false, subjectAltNames(request));
    }
    JcaX509ExtensionUtils utils = extensionUtils();
    builder.addExtension(
        Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(leafKey));
    // RFC 5280 §4.2.1.1: names the CA key that signed this, equal to the CA's subjectKeyIdentifier,
    // so a verifier finds the right issuer certificate even when several share a name.
    builder.addExtension(
        Extension.authorityKeyIdentifier,
        false,
        utils.createAuthorityKeyIdentifier(certificate.getPublicKey()));
  }

  private static GeneralNames subjectAltNames(IssueRequest request) {
    List<GeneralName> names = new ArrayList<>();
    for (String dnsName : request.dnsNames()) {
      names.add(new GeneralName(GeneralName.dNSName, dnsName));
    }
    for (String address : request.ipAddresses()) {
      names.add(new GeneralName(GeneralName.iPAddress, address)); // 4 or 16 bytes, not text
    }
    return new GeneralNames(names.toArray(new GeneralName[0]));
  }

  private static void checkNames(IssueRequest request) throws PkiException {
    SubjectNames.checkIdentityName(request.name());
    for (String dnsName : request.dnsNames()) {
      SubjectNames.checkDnsName(dnsName);
    }
    for (String address : request.ipAddresses()) {
      SubjectNames.checkIpAddress(address);
    }
    if (request.purpose() == CertificatePurpose.SERVER
        && request.dnsNames().isEmpty()
        && request.ipAddresses().isEmpty()) {
      throw new PkiException(
          "a server certificate for '" + request.name() + "' needs a DNS name or an IP address");
    }
  }

  /** A distinguished name with one part, the common name (CN). */
  private static X500Name commonName(String name) {
    return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, name).build();
  }

  /**
   * RFC 5280 §4.1.2.2: a positive number of at most 20 bytes, unique per CA. 128 random bits make a
   * repeat practically impossible and keep the serial unpredictable, which the CA/Browser Forum
   * requires since colliding MD5 certificates were forged (2008).
   */
  private static BigInteger randomSerial() {
    BigInteger serial;
    do {
      serial = new BigInteger(128, RANDOM);
    } while (serial.signum() == 0);
    return serial;
  }

  private static byte[] randomBytes(int count) {
    byte[] bytes = new byte[count];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  /** Signs the certificate with the CA's key, using the JDK's signature implementation. */
  private static X509Certificate sign(
      X509v3CertificateBuilder builder, PrivateKey signingKey, KeyType signingKeyType) {
    try {
      ContentSigner signer =
          new JcaContentSignerBuilder(signingKeyType.signatureAlgorithm()).build(signingKey);
      return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    } catch (OperatorCreationException | CertificateException e) {
      throw new IllegalStateException(
          "cannot sign a certificate with a " + signingKeyType.describe() + " key", e);
    }
  }

  /** Key identifiers are the SHA-1 hash of the public key (RFC 5280 §4.2.1.2, method 1). */
  private static JcaX509ExtensionUtils extensionUtils() {
    try {
      return new JcaX509ExtensionUtils();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JDK has no SHA-1 for key identifiers", e);
    }
  }

  private static IllegalStateException encodingBug(CertIOException e) {
    return new IllegalStateException("cannot encode a certificate extension", e);
  }

  @Override
  public String toString() {
    return "LabCertificateAuthority["
        + certificate.getSubjectX500Principal().getName()
        + ", SHA-256 "
        + CertificateText.sha256Fingerprint(certificate)
        + "]";
  }
}
