package securechat.tls.pki;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static securechat.tls.pki.LabCertificateAuthorityTest.CLOCK;
import static securechat.tls.pki.LabCertificateAuthorityTest.NOW;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabPkiTest {
  @TempDir Path tmp;

  private LabPki pki() {
    return LabPki.in(tmp.resolve("lab-data"), CLOCK);
  }

  @Test
  void inCreatesNothing() {
    LabPki pki = pki();

    assertThat(pki.directory()).isEqualTo(tmp.resolve("lab-data").resolve("pki"));
    assertThat(pki.caCertificateFile()).isEqualTo(pki.directory().resolve("ca.pem"));
    assertThat(pki.hasAuthority()).isFalse();
    assertThat(tmp.resolve("lab-data")).doesNotExist();
  }

  @Test
  void filesAreNamedAfterTheIdentity() {
    LabPki pki = pki();

    assertThat(pki.certificateFile("alice")).hasFileName("alice.pem");
    assertThat(pki.privateKeyFile("alice")).hasFileName("alice-key.pem");
    assertThat(pki.keyStoreFile("alice")).hasFileName("alice.p12");
    assertThatThrownBy(() -> pki.certificateFile("../alice"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void privateKeysAndKeyStoresAreOwnerOnly() throws Exception {
    LabPki pki = pki();
    LabCertificateAuthority ca = pki.initAuthority(KeyType.EC_P256);
    pki.save(ca.issue(IssueRequest.server("localhost", KeyType.EC_P256, CLOCK)));
    assumeTrue(tmp.getFileSystem().supportedFileAttributeViews().contains("posix"));

    assertThat(permissions(pki.directory())).isEqualTo("rwx------");
    assertThat(permissions(pki.caPrivateKeyFile())).isEqualTo("rw-------");
    assertThat(permissions(pki.privateKeyFile("localhost"))).isEqualTo("rw-------");
    assertThat(permissions(pki.keyStoreFile("localhost"))).isEqualTo("rw-------");
    // Certificates are public; nobody but the owner may change them.
    assertThat(permissions(pki.caCertificateFile())).matches("rw-[r-]--[r-]--");
    assertThat(permissions(pki.certificateFile("localhost"))).matches("rw-[r-]--[r-]--");
    try (var files = Files.list(pki.directory())) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .containsExactlyInAnyOrder(
              "ca.pem",
              "ca-key.pem",
              "localhost.pem",
              "localhost-key.pem",
              "localhost.p12",
              LabPki.LOCK_FILE_NAME);
    }
  }

  @Test
  void keysAreWrittenAsPkcs8AndCertificatesLeafFirst() throws Exception {
    LabPki pki = pki();
    Identity identity = pki.save(pki.initAuthority(KeyType.RSA_2048).issue(server()));

    assertThat(Files.readString(pki.privateKeyFile("localhost"), UTF_8))
        .startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(PemReader.certificates(pki.certificateFile("localhost")))
        .containsExactly(identity.certificate(), pki.caCertificate());
  }

  @Test
  void aSavedIdentityLoadsBackTheSame() throws Exception {
    LabPki pki = pki();
    for (KeyType type : KeyType.values()) {
      Identity saved =
          pki.save(
              LabCertificateAuthorityTest.create(type).issue(client("c-" + type.cliName(), type)));

      Identity loaded = pki.identity(saved.name());

      assertThat(loaded.name()).isEqualTo(saved.name());
      assertThat(loaded.privateKey().getEncoded()).isEqualTo(saved.privateKey().getEncoded());
      assertThat(loaded.chain()).isEqualTo(saved.chain());
    }
  }

  @Test
  void theKeyStoreFileHoldsKeyAndChainUnderTheLabPassword() throws Exception {
    LabPki pki = pki();
    Identity identity = pki.save(pki.initAuthority(KeyType.ED25519).issue(server()));

    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(pki.keyStoreFile("localhost"))) {
      store.load(in, "securechat-lab".toCharArray());
    }

    assertThat(store.getKey("localhost", Identity.storePassword()))
        .isEqualTo(identity.privateKey());
    assertThat(store.getCertificateChain("localhost")).containsExactlyElementsOf(identity.chain());
  }

  @Test
  void theAuthorityLoadsBackAndStillSigns() throws Exception {
    LabPki pki = pki();
    LabCertificateAuthority created = pki.initAuthority(KeyType.EC_P256);

    LabCertificateAuthority loaded = pki.authority();

    assertThat(loaded.certificate()).isEqualTo(created.certificate());
    Pkix.validate(loaded.issue(server()).chain(), pki.caCertificate(), NOW);
  }

  @Test
  void initAuthorityRefusesToReplaceAnExistingCa() throws Exception {
    LabPki pki = pki();
    X509Certificate first = pki.initAuthority(KeyType.EC_P256).certificate();

    assertThatThrownBy(() -> pki.initAuthority(KeyType.EC_P256))
        .isInstanceOf(PkiException.class)
        .hasMessage(
            "a lab CA already exists in "
                + pki.directory()
                + "; replacing it would invalidate every certificate it signed");
    assertThat(pki.caCertificate()).isEqualTo(first);
  }

  @Test
  void aMissingCaIsReportedByFileName() {
    LabPki pki = pki();

    assertThatThrownBy(pki::authority)
        .isInstanceOf(PkiException.class)
        .hasMessage(pki.caCertificateFile() + " does not exist");
  }

  @Test
  void aMissingCaKeyIsReportedByFileName() throws Exception {
    LabPki pki = pki();
    pki.initAuthority(KeyType.EC_P256);
    Files.delete(pki.caPrivateKeyFile());

    assertThatThrownBy(pki::authority).hasMessage(pki.caPrivateKeyFile() + " does not exist");
  }

  @Test
  void aCorruptCaCertificateIsReportedClearly() throws Exception {
    LabPki pki = pki();
    pki.initAuthority(KeyType.EC_P256);

    Files.writeString(pki.caCertificateFile(), "hello\n", UTF_8);
    assertThatThrownBy(pki::authority)
        .hasMessage(pki.caCertificateFile() + " holds no certificate");

    Files.writeString(
        pki.caCertificateFile(),
        "-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n",
        UTF_8);
    assertThatThrownBy(pki::authority)
        .hasMessageStartingWith(pki.caCertificateFile() + " is not a valid PEM file");
  }

  @Test
  void aKeyThatBelongsToAnotherCertificateIsReported() throws Exception {
    LabPki pki = pki();
    pki.initAuthority(KeyType.EC_P256);
    pki.save(pki.authority().issue(server()));
    Files.copy(
        pki.privateKeyFile("localhost"),
        pki.caPrivateKeyFile(),
        StandardCopyOption.REPLACE_EXISTING);

    assertThatThrownBy(pki::authority)
        .hasMessage(
            pki.caPrivateKeyFile() + " is not the private key of the certificate next to it");
  }

  @Test
  void badNamesAreRefusedBeforeAnyFileIsTouched() {
    LabPki pki = pki();

    assertThatThrownBy(() -> pki.ensureServerIdentity("../../etc/passwd", line -> {}))
        .isInstanceOf(PkiException.class)
        .hasMessageStartingWith("'../../etc/passwd' is not a valid certificate name");
    assertThatThrownBy(() -> pki.identity("ca")).hasMessageContaining("is reserved");
    assertThat(pki.hasIdentity("../x")).isFalse();
    assertThat(tmp.resolve("lab-data")).doesNotExist();
  }

  private static IssueRequest server() {
    return IssueRequest.server("localhost", KeyType.EC_P256, CLOCK);
  }

  private static IssueRequest client(String name, KeyType type) {
    return IssueRequest.client(name, type, CLOCK);
  }

  private static String permissions(Path file) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
  }
}
