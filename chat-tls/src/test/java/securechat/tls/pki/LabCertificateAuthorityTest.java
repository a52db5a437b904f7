package securechat.tls.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyStore;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LabCertificateAuthorityTest {
  static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private static final String BASIC_CONSTRAINTS = "2.5.29.19";
  private static final String KEY_USAGE = "2.5.29.15";
  private static final String SUBJECT_KEY_ID = "2.5.29.14";
  private static final String AUTHORITY_KEY_ID = "2.5.29.35";
  private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
  private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

  // keyUsage bit numbers, RFC 5280 §4.2.1.3
  private static final int DIGITAL_SIGNATURE = 0;
  private static final int KEY_ENCIPHERMENT = 2;
  private static final int KEY_CERT_SIGN = 5;
  private static final int CRL_SIGN = 6;

  private static final LabCertificateAuthority EC_CA = create(KeyType.EC_P256);

  static LabCertificateAuthority create(KeyType type) {
    try {
      return LabCertificateAuthority.create(type, CLOCK);
    } catch (PkiException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void caCertificateIsASelfSignedVersion3CaThatMaySignLeavesOnly() throws Exception {
    X509Certificate ca = EC_CA.certificate();

    assertThat(ca.getVersion()).isEqualTo(3);
    assertThat(ca.getSubjectX500Principal().getName()).matches("CN=securechat-lab CA [0-9a-f]{4}");
    assertThat(ca.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());
    assertThatCode(() -> ca.verify(ca.getPublicKey())).doesNotThrowAnyException();
    assertThat(ca.getBasicConstraints()).isZero(); // CA:TRUE, pathLenConstraint 0
    assertThat(ca.getCriticalExtensionOIDs()).contains(BASIC_CONSTRAINTS, KEY_USAGE);
    assertThat(setBits(ca.getKeyUsage())).containsExactly(KEY_CERT_SIGN, CRL_SIGN);
    assertThat(ca.getExtensionValue(SUBJECT_KEY_ID)).isNotNull();
  }

  @Test
  void caIsValidForFiveYearsFromAnHourAgo() {
    X509Certificate ca = EC_CA.certificate();

    assertThat(ca.getNotBefore().toInstant()).isEqualTo(NOW.minus(Duration.ofHours(1)));
    assertThat(ca.getNotAfter().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(1826)));
  }

  @Test
  void serverCertificateNamesLocalhostAndLoopbackAndIsNoCa() throws Exception {
    X509Certificate leaf = issueServer("localhost").certificate();

    assertThat(leaf.getVersion()).isEqualTo(3);
    assertThat(leaf.getSubjectX500Principal().getName()).isEqualTo("CN=localhost");
    assertThat(leaf.getIssuerX500Principal())
        .isEqualTo(EC_CA.certificate().getSubjectX500Principal());
    assertThat(leaf.getSubjectAlternativeNames())
        .containsExactly(List.of(2, "localhost"), List.of(7, "127.0.0.1"));
    assertThat(leaf.getExtendedKeyUsage()).containsExactly(SERVER_AUTH);
    assertThat(leaf.getBasicConstraints()).isEqualTo(-1);
    assertThat(leaf.getCriticalExtensionOIDs()).contains(BASIC_CONSTRAINTS, KEY_USAGE);
    assertThat(setBits(leaf.getKeyUsage())).containsExactly(DIGITAL_SIGNATURE);
  }

  @Test
  void leafAuthorityKeyIdentifierIsTheCaSubjectKeyIdentifier() throws Exception {
    X509Certificate leaf = issueServer("localhost").certificate();

    byte[] caKeyId =
        SubjectKeyIdentifier.getInstance(extension(EC_CA.certificate(), SUBJECT_KEY_ID))
            .getKeyIdentifier();
    byte[] authorityKeyId =
        AuthorityKeyIdentifier.getInstance(extension(leaf, AUTHORITY_KEY_ID)).getKeyIdentifier();
    assertThat(authorityKeyId).isNotEmpty().isEqualTo(caKeyId);
  }

  @Test
  void serverCertificateAlsoNamesItsHostName() throws Exception {
    X509Certificate leaf = issueServer("chat.example").certificate();

    assertThat(leaf.getSubjectAlternativeNames())
        .containsExactly(
            List.of(2, "localhost"), List.of(2, "chat.example"), List.of(7, "127.0.0.1"));
  }

  @Test
  void aNameThatLooksLikeAnAddressIsNotAddedAsADnsName() throws Exception {
    X509Certificate leaf = issueServer("10.0.0.1").certificate();

    assertThat(leaf.getSubjectAlternativeNames())
        .containsExactly(List.of(2, "localhost"), List.of(7, "127.0.0.1"));
  }

  @Test
  void rsaLeafMayAlsoEncipherKeys() throws Exception {
    X509Certificate leaf =
        EC_CA.issue(IssueRequest.server("localhost", KeyType.RSA_2048, CLOCK)).certificate();

    assertThat(setBits(leaf.getKeyUsage())).containsExactly(DIGITAL_SIGNATURE, KEY_ENCIPHERMENT);
  }

  @Test
  void clientCertificateSaysClientAuthAndHasNoAltNames() throws Exception {
    X509Certificate leaf =
        EC_CA.issue(IssueRequest.client("alice", KeyType.EC_P256, CLOCK)).certificate();

    assertThat(leaf.getSubjectX500Principal().getName()).isEqualTo("CN=alice");
    assertThat(leaf.getExtendedKeyUsage()).containsExactly(CLIENT_AUTH);
    assertThat(leaf.getSubjectAlternativeNames()).isNull();
  }

  @ParameterizedTest
  @EnumSource(KeyType.class)
  void chainValidatesWithPkixAgainstTheCa(KeyType type) throws Exception {
    LabCertificateAuthority ca = LabCertificateAuthority.create(type, CLOCK);

    Identity identity = ca.issue(IssueRequest.server("localhost", type, CLOCK));

    assertThat(identity.chain()).containsExactly(identity.certificate(), ca.certificate());
    assertThat(KeyType.of(identity.certificate().getPublicKey())).isEqualTo(type);
    Pkix.validate(identity.chain(), ca.certificate(), NOW);
  }

  @Test
  void anEcCaSignsLeavesOfEveryKeyType() throws Exception {
    for (KeyType type : KeyType.values()) {
      Identity identity = EC_CA.issue(IssueRequest.client("alice", type, CLOCK));

      Pkix.validate(identity.chain(), EC_CA.certificate(), NOW);
    }
  }

  @Test
  void pkixRejectsAnExpiredCertificateAsExpired() throws Exception {
    IssueRequest request =
        IssueRequest.server("localhost", KeyType.EC_P256, CLOCK)
            .withValidity(NOW.minus(Duration.ofDays(30)), NOW.minus(Duration.ofDays(1)));

    Identity expired = EC_CA.issue(request);

    assertThatThrownBy(() -> Pkix.validate(expired.chain(), EC_CA.certificate(), NOW))
        .isInstanceOfSatisfying(
            CertPathValidatorException.class,
            e -> assertThat(e.getReason()).isEqualTo(BasicReason.EXPIRED));
  }

  @Test
  void pkixRejectsALeafFromAnotherCa() throws Exception {
    Identity stranger =
        create(KeyType.EC_P256).issue(IssueRequest.server("localhost", KeyType.EC_P256, CLOCK));

    assertThatThrownBy(() -> Pkix.validate(stranger.chain(), EC_CA.certificate(), NOW))
        .isInstanceOf(CertPathValidatorException.class);
  }

  @Test
  void serialNumbersArePositiveAndDifferent() throws Exception {
    X509Certificate first = issueServer("localhost").certificate();
    X509Certificate second = issueServer("localhost").certificate();

    assertThat(first.getSerialNumber()).isPositive().isNotEqualTo(second.getSerialNumber());
    assertThat(first.getSerialNumber().bitLength()).isBetween(100, 128);
  }

  @Test
  void issueRefusesAnInvalidNameADnsNameOrAnAddress() {
    IssueRequest good = IssueRequest.server("localhost", KeyType.EC_P256, CLOCK);

    assertThatThrownBy(() -> EC_CA.issue(IssueRequest.server("../x", KeyType.EC_P256, CLOCK)))
        .isInstanceOf(PkiException.class)
        .hasMessageStartingWith("'../x' is not a valid certificate name; names are");
    assertThatThrownBy(() -> EC_CA.issue(good.withNames(List.of("under_score"), List.of())))
        .hasMessageStartingWith("'under_score' is not a DNS host name");
    assertThatThrownBy(() -> EC_CA.issue(good.withNames(List.of(), List.of("1.2.3.256"))))
        .hasMessageStartingWith("'1.2.3.256' is not an IP address");
  }

  @Test
  void aServerCertificateWithoutAnyNameIsRefused() {
    IssueRequest nameless =
        IssueRequest.server("localhost", KeyType.EC_P256, CLOCK).withNames(List.of(), List.of());

    assertThatThrownBy(() -> EC_CA.issue(nameless))
        .hasMessage("a server certificate for 'localhost' needs a DNS name or an IP address");
  }

  @Test
  void identityToStringShowsNameAndFingerprintButNeverTheKey() throws Exception {
    Identity identity = issueServer("localhost");

    String text = identity.toString();

    assertThat(text)
        .isEqualTo(
            "Identity[localhost, SHA-256 "
                + CertificateText.sha256Fingerprint(identity.certificate())
                + "]");
    String keyBase64 = Base64.getEncoder().encodeToString(identity.privateKey().getEncoded());
    assertThat(text).doesNotContain(keyBase64.substring(0, 16));
  }

  @Test
  void keyStoreHoldsOneKeyEntryNamedAfterTheIdentity() throws Exception {
    Identity identity = issueServer("localhost");

    KeyStore store = identity.keyStore();

    assertThat(Collections.list(store.aliases())).containsExactly("localhost");
    assertThat(store.getKey("localhost", Identity.storePassword()))
        .isEqualTo(identity.privateKey());
    assertThat(store.getCertificateChain("localhost")).containsExactlyElementsOf(identity.chain());
  }

  private static Identity issueServer(String name) throws PkiException {
    return EC_CA.issue(IssueRequest.server(name, KeyType.EC_P256, CLOCK));
  }

  private static Object extension(X509Certificate certificate, String oid) throws Exception {
    return JcaX509ExtensionUtils.parseExtensionValue(certificate.getExtensionValue(oid));
  }

  private static List<Integer> setBits(boolean[] bits) {
    List<Integer> set = new ArrayList<>();
    for (int i = 0; i < bits.length; i++) {
      if (bits[i]) {
        set.add(i);
      }
    }
    return set;
  }
}
