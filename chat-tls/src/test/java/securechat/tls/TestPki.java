package securechat.tls;

import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import securechat.tls.pki.Identity;
import securechat.tls.pki.IssueRequest;
import securechat.tls.pki.KeyType;
import securechat.tls.pki.LabCertificateAuthority;
import securechat.tls.pki.PkiException;

/** Certificates for tests, made in memory: a lab CA, its server, and the bad cases. */
final class TestPki {
  static final Clock CLOCK = Clock.systemUTC();

  final LabCertificateAuthority authority;
  final Identity server;

  private TestPki(LabCertificateAuthority authority) throws PkiException {
    this.authority = authority;
    this.server = authority.issue(IssueRequest.server("localhost", KeyType.EC_P256, CLOCK));
  }

  static TestPki create() throws PkiException {
    return new TestPki(LabCertificateAuthority.create(KeyType.EC_P256, CLOCK));
  }

  /** A server certificate that expired yesterday. */
  Identity expiredServer() throws PkiException {
    Instant now = CLOCK.instant();
    return authority.issue(
        IssueRequest.server("localhost", KeyType.EC_P256, CLOCK)
            .withValidity(now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1))));
  }

  Identity client(String name) throws PkiException {
    return authority.issue(IssueRequest.client(name, KeyType.EC_P256, CLOCK));
  }

  LabTrustManager trustForServers() throws GeneralSecurityException {
    return LabTrustManager.trusting(authority.certificate(), "server");
  }

  LabTrustManager trustForClients() throws GeneralSecurityException {
    return LabTrustManager.trusting(authority.certificate(), "client");
  }
}
