package securechat.tls.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static securechat.tls.pki.LabCertificateAuthorityTest.CLOCK;
import static securechat.tls.pki.LabCertificateAuthorityTest.NOW;

import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class CertificateTextTest {
  private static final LabCertificateAuthority CA =
      LabCertificateAuthorityTest.create(KeyType.EC_P256);

  @Test
  void fingerprintIsTheSha256OfTheDerAsColonSeparatedUppercaseHex() throws Exception {
    X509Certificate certificate = CA.certificate();

    String fingerprint = CertificateText.sha256Fingerprint(certificate);

    assertThat(fingerprint).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
    byte[] expected = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
    assertThat(HexFormat.ofDelimiter(":").parseHex(fingerprint)).isEqualTo(expected);
  }

  @Test
  void aServerCertificateIsDescribedFieldByField() throws Exception {
    X509Certificate leaf =
        CA.issue(IssueRequest.server("localhost", KeyType.EC_P256, CLOCK)).certificate();

    List<String> lines = CertificateText.describe(leaf, CLOCK);

    assertThat(lines)
        .containsExactly(
            "subject:         CN=localhost",
            "issuer:          " + CA.certificate().getSubjectX500Principal().getName(),
            "serial:          " + leaf.getSerialNumber().toString(16),
            "valid from:      2025-06-01T11:00:00Z",
            "valid until:     2026-07-03T12:00:00Z",
            "key:             EC P-256",
            "CA:              no (critical)",
            "key usage:       digitalSignature (critical)",
            "extended usage:  serverAuth",
            "alt. names:      DNS:localhost, IP:127.0.0.1",
            "SHA-256:         " + CertificateText.sha256Fingerprint(leaf));
  }

  @Test
  void theCaCertificateSaysWhatItMaySign() {
    List<String> lines = CertificateText.describe(CA.certificate(), CLOCK);

    assertThat(lines)
        .contains(
            "issuer:          "
                + CA.certificate().getSubjectX500Principal().getName()
                + " (self-signed)",
            "CA:              yes, may sign leaf certificates only (pathLen 0) (critical)",
            "key usage:       keyCertSign, cRLSign (critical)",
            "extended usage:  (none: any use)",
            "alt. names:      (none)");
  }

  @Test
  void aClientCertificateWithAnRsaKey() throws Exception {
    X509Certificate leaf =
        CA.issue(IssueRequest.client("alice", KeyType.RSA_2048, CLOCK)).certificate();

    assertThat(CertificateText.describe(leaf, CLOCK))
        .contains(
            "key:             RSA 2048",
            "key usage:       digitalSignature, keyEncipherment (critical)",
            "extended usage:  clientAuth");
  }

  @Test
  void validityIsFlaggedWhenExpiredOrNotYetValid() throws Exception {
    X509Certificate leaf =
        CA.issue(IssueRequest.server("localhost", KeyType.ED25519, CLOCK)).certificate();

    List<String> later = CertificateText.describe(leaf, at(NOW.plus(Duration.ofDays(500))));
    List<String> earlier = CertificateText.describe(leaf, at(NOW.minus(Duration.ofDays(1))));

    assertThat(later).contains("valid until:     2026-07-03T12:00:00Z (expired)");
    assertThat(earlier).contains("valid from:      2025-06-01T11:00:00Z (not yet valid)");
    assertThat(CertificateText.describe(leaf, CLOCK)).noneMatch(line -> line.contains("valid)"));
  }

  private static Clock at(Instant instant) {
    return Clock.fixed(instant, ZoneOffset.UTC);
  }
}
