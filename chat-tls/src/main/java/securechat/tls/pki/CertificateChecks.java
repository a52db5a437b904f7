package securechat.tls.pki;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * Checks on stored certificates and keys: does a key belong to a certificate, and can a stored
 * certificate still serve. These are housekeeping for {@link LabPki}, not trust decisions: trust is
 * decided by the TLS peer's own PKIX validation.
 */
final class CertificateChecks {
  private static final SecureRandom RANDOM = new SecureRandom();

  private CertificateChecks() {}

  /**
   * Signs random bytes with the key and verifies them with the certificate's public key: the one
   * test that shows the two belong together, whatever the key type.
   *
   * @throws PkiException naming {@code keyFile} if they do not
   */
  static void checkKeyMatches(PrivateKey key, X509Certificate certificate, Path keyFile)
      throws PkiException {
    String algorithm = KeyType.of(certificate.getPublicKey()).signatureAlgorithm();
    byte[] challenge = new byte[32];
    RANDOM.nextBytes(challenge);
    boolean matches;
    try {
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(challenge);
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(certificate.getPublicKey());
      verifier.update(challenge);
      matches = verifier.verify(signer.sign());
    } catch (GeneralSecurityException e) {
      matches = false; // e.g. an RSA key next to an EC certificate
    }
    if (!matches) {
      throw new PkiException(keyFile + " is not the private key of the certificate next to it");
    }
  }

  /**
   * Why a stored certificate cannot serve for {@code purpose} at {@code now}: "it was signed by
   * another CA", "it had expired"...; empty if it can.
   */
  static Optional<String> findProblem(
      X509Certificate certificate,
      X509Certificate caCertificate,
      CertificatePurpose purpose,
      Instant now) {
    try {
      certificate.verify(caCertificate.getPublicKey());
    } catch (GeneralSecurityException e) {
      return Optional.of("it was signed by another CA");
    }
    try {
      certificate.checkValidity(Date.from(now));
    } catch (CertificateExpiredException e) {
      return Optional.of("it had expired");
    } catch (CertificateNotYetValidException e) {
      return Optional.of("it was not valid yet");
    }
    if (!CertificateText.extendedKeyUsages(certificate).contains(purpose.keyPurpose().getId())) {
      return Optional.of("it was not a " + purpose.word() + " certificate");
    }
    return Optional.empty();
  }
}
