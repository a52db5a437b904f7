package securechat.tls.pki;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Checks the lab PKI's files with an independent implementation: the {@code openssl} command line
 * tool, as a student would. Skipped when openssl is not installed.
 */
@Timeout(120)
class LabPkiOpensslIT {
  @TempDir Path tmp;

  @BeforeAll
  static void opensslIsInstalled() throws Exception {
    Result version = openssl(Path.of("."), "version");
    assumeTrue(version.exitCode() == 0, "needs the openssl command: " + version.output());
  }

  /** The PKI with a CA and a localhost server certificate, both of {@code type}. */
  private LabPki pkiWithLocalhost(KeyType type) throws Exception {
    LabPki pki = LabPki.in(tmp, Clock.systemUTC());
    LabCertificateAuthority ca = pki.initAuthority(type);
    pki.save(ca.issue(IssueRequest.server("localhost", type, Clock.systemUTC())));
    return pki;
  }

  @ParameterizedTest
  @EnumSource(KeyType.class)
  void opensslVerifiesTheServerCertificateAgainstTheCa(KeyType type) throws Exception {
    LabPki pki = pkiWithLocalhost(type);

    Result result =
        openssl(
            pki.directory(),
            "verify",
            "-purpose",
            "sslserver",
            "-CAfile",
            "ca.pem",
            "localhost.pem");

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output().strip()).isEqualTo("localhost.pem: OK");
  }

  @Test
  void opensslShowsTheSubjectAltNames() throws Exception {
    LabPki pki = pkiWithLocalhost(KeyType.EC_P256);

    Result result =
        openssl(
            pki.directory(), "x509", "-in", "localhost.pem", "-noout", "-ext", "subjectAltName");

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("DNS:localhost, IP Address:127.0.0.1");
  }

  @ParameterizedTest
  @EnumSource(KeyType.class)
  void opensslReadsThePkcs12FileWithTheLabPasswordAndNoLegacyOption(KeyType type) throws Exception {
    LabPki pki = pkiWithLocalhost(type);
    String caSubject = pki.caCertificate().getSubjectX500Principal().getName().replace("=", " = ");

    Result result =
        openssl(
            pki.directory(),
            "pkcs12",
            "-in",
            "localhost.p12",
            "-passin",
            "pass:securechat-lab",
            "-nokeys");

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("subject=CN = localhost", "subject=" + caSubject);
  }

  @ParameterizedTest
  @EnumSource(KeyType.class)
  void opensslFindsThatTheKeyFileMatchesTheCertificate(KeyType type) throws Exception {
    LabPki pki = pkiWithLocalhost(type);

    Result fromKey = openssl(pki.directory(), "pkey", "-in", "localhost-key.pem", "-pubout");
    Result fromCertificate =
        openssl(pki.directory(), "x509", "-in", "localhost.pem", "-noout", "-pubkey");

    assertThat(fromKey.exitCode()).as(fromKey.output()).isZero();
    assertThat(fromKey.output()).startsWith("-----BEGIN PUBLIC KEY-----");
    assertThat(fromKey.output()).isEqualTo(fromCertificate.output());
  }

  @Test
  void opensslComputesTheSameFingerprint() throws Exception {
    LabPki pki = pkiWithLocalhost(KeyType.EC_P256);

    Result result =
        openssl(pki.directory(), "x509", "-in", "ca.pem", "-noout", "-fingerprint", "-sha256");

    assertThat(result.exitCode()).as(result.output()).isZero();
    // openssl 3 prints "sha256 Fingerprint=AB:...", 1.1 "SHA256 Fingerprint=AB:..."
    String fingerprint = result.output().strip().replaceFirst("(?i)^sha256 Fingerprint=", "");
    assertThat(fingerprint).isEqualTo(CertificateText.sha256Fingerprint(pki.caCertificate()));
  }

  @Test
  void opensslAcceptsAClientCertificateForClientsOnly() throws Exception {
    LabPki pki = pkiWithLocalhost(KeyType.EC_P256);
    pki.ensureClientIdentity("alice", line -> {});

    Result asClient =
        openssl(
            pki.directory(), "verify", "-purpose", "sslclient", "-CAfile", "ca.pem", "alice.pem");
    Result asServer =
        openssl(
            pki.directory(), "verify", "-purpose", "sslserver", "-CAfile", "ca.pem", "alice.pem");

    assertThat(asClient.exitCode()).as(asClient.output()).isZero();
    assertThat(asServer.exitCode()).isNotZero();
    assertThat(asServer.output()).containsIgnoringCase("certificate purpose");
  }

  private record Result(int exitCode, String output) {}

  /** Runs {@code openssl ARGS} in {@code directory}; stderr is merged into the output. */
  private static Result openssl(Path directory, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("openssl"));
    command.addAll(List.of(args));
    Process process;
    try {
      process =
          new ProcessBuilder(command)
              .directory(directory.toFile())
              .redirectErrorStream(true)
              .start();
    } catch (IOException e) {
      return new Result(-1, "cannot run openssl: " + e.getMessage());
    }
    process.getOutputStream().close(); // openssl must not wait for input
    String output = new String(process.getInputStream().readAllBytes(), UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("openssl finished").isTrue();
    return new Result(process.exitValue(), output);
  }
}
