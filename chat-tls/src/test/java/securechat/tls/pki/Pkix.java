package securechat.tls.pki;

import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;

/** The JDK's own RFC 5280 path validation, as a TLS client runs it: the independent referee. */
final class Pkix {
  private Pkix() {}

  /**
   * Validates {@code chain} (leaf first; a trailing CA certificate is left out, as it is the
   * anchor) against {@code trusted} at {@code when}, without revocation checks.
   *
   * @throws java.security.cert.CertPathValidatorException if the chain does not validate
   */
  static void validate(List<X509Certificate> chain, X509Certificate trusted, Instant when)
      throws GeneralSecurityException {
    List<X509Certificate> path = chain.stream().filter(c -> !c.equals(trusted)).toList();
    CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
    PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(trusted, null)));
    parameters.setRevocationEnabled(false); // the lab CA publishes no revocation lists
    parameters.setDate(Date.from(when));
    CertPathValidator.getInstance("PKIX").validate(certPath, parameters);
  }
}
