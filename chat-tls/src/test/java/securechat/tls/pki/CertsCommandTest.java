package securechat.tls.pki;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static securechat.tls.pki.LabCertificateAuthorityTest.CLOCK;
import static securechat.tls.pki.LabCertificateAuthorityTest.NOW;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import securechat.core.cli.CliErrorHandler;

class CertsCommandTest {
  @TempDir Path tmp;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  /** Runs {@code lab certs ARGS} as the real CLI does, with our error handler. */
  private int run(String... args) {
    return CliErrorHandler.configure(new CommandLine(new CertsCommand(CLOCK)))
        .setOut(new PrintWriter(out))
        .setErr(new PrintWriter(err))
        .execute(args);
  }

  private int runInDataDir(String... args) {
    String[] withDir = Arrays.copyOf(args, args.length + 2);
    withDir[args.length] = "--data-dir";
    withDir[args.length + 1] = dataDir().toString();
    return run(withDir);
  }

  private Path dataDir() {
    return tmp.resolve("lab-data");
  }

  private LabPki pki() {
    return LabPki.in(dataDir(), CLOCK);
  }

  private void clearOutput() {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
  }

  @Test
  void initCreatesTheCaAndALocalhostCertificateAndSaysWhere() throws Exception {
    int exitCode = runInDataDir("init");

    assertThat(exitCode).isZero();
    assertThat(err.toString()).isEmpty();
    LabPki pki = pki();
    X509Certificate ca = pki.caCertificate();
    Identity localhost = pki.identity("localhost");
    Path dir = pki.directory();
    assertThat(out.toString().lines())
        .containsExactly(
            "created a lab CA (EC P-256): " + dir.resolve("ca.pem"),
            "  private key: " + dir.resolve("ca-key.pem") + " (keep it to yourself)",
            "created a server certificate for localhost, 127.0.0.1 signed by the lab CA: "
                + dir.resolve("localhost.pem"),
            "  private key: " + dir.resolve("localhost-key.pem"),
            "  PKCS12:      " + dir.resolve("localhost.p12") + " (password securechat-lab)",
            "  SHA-256:     " + CertificateText.sha256Fingerprint(localhost.certificate()),
            "CA fingerprint (SHA-256): " + CertificateText.sha256Fingerprint(ca));
    Pkix.validate(localhost.chain(), ca, NOW);
  }

  @Test
  void initTwiceIsRefusedWithAHintAboutForce() throws Exception {
    runInDataDir("init");
    X509Certificate ca = pki().caCertificate();
    clearOutput();

    int exitCode = runInDataDir("init");

    assertThat(exitCode).isEqualTo(1);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString().lines())
        .containsExactly(
            "error: a lab CA already exists in " + pki().directory(),
            "hint: use --force to replace it, which invalidates every certificate it signed");
    assertThat(pki().caCertificate()).isEqualTo(ca);
  }

  @Test
  void initWithForceReplacesTheCaAndTheLocalhostCertificate() throws Exception {
    runInDataDir("init");
    X509Certificate oldCa = pki().caCertificate();
    clearOutput();

    int exitCode = runInDataDir("init", "--force", "--key-type", "rsa");

    assertThat(exitCode).isZero();
    assertThat(out.toString())
        .startsWith("created a lab CA (RSA 2048)")
        .contains("the old CA is gone");
    X509Certificate newCa = pki().caCertificate();
    assertThat(newCa).isNotEqualTo(oldCa);
    assertThat(KeyType.of(newCa.getPublicKey())).isEqualTo(KeyType.RSA_2048);
    Pkix.validate(pki().identity("localhost").chain(), newCa, NOW);
  }

  @Test
  void anUnknownKeyTypeIsRefusedWithTheChoices() {
    int exitCode = runInDataDir("init", "--key-type", "dsa");

    assertThat(exitCode).isEqualTo(1);
    assertThat(err.toString().lines())
        .containsExactly("error: 'dsa' is not a key type; choose one of ec, rsa, ed25519");
    assertThat(dataDir()).doesNotExist();
  }

  @Test
  void issueWithoutACaSuggestsInit() {
    int exitCode = runInDataDir("issue", "--name", "alice", "--client");

    assertThat(exitCode).isEqualTo(1);
    assertThat(err.toString().lines())
        .containsExactly(
            "error: there is no lab CA in " + pki().directory(),
            "hint: create one with './lab certs init'");
  }

  @Test
  void issueMakesAClientCertificate() throws Exception {
    runInDataDir("init");
    clearOutput();

    int exitCode = runInDataDir("issue", "--name", "alice", "--client", "--key-type", "ed25519");

    assertThat(exitCode).isZero();
    Identity alice = pki().identity("alice");
    assertThat(out.toString().lines().findFirst())
        .hasValue(
            "created a client certificate for alice signed by the lab CA: "
                + pki().certificateFile("alice"));
    assertThat(alice.certificate().getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
    assertThat(KeyType.of(alice.certificate().getPublicKey())).isEqualTo(KeyType.ED25519);
  }

  @Test
  void issueWithDnsAndIpUsesExactlyThoseNames() throws Exception {
    runInDataDir("init");

    int exitCode =
        runInDataDir(
            "issue", "--name", "chat", "--dns", "chat.example", "--ip", "10.0.0.5", "--ip", "::1");

    assertThat(exitCode).as(err.toString()).isZero();
    assertThat(pki().identity("chat").certificate().getSubjectAlternativeNames())
        .containsExactly(
            List.of(2, "chat.example"), List.of(7, "10.0.0.5"), List.of(7, "0:0:0:0:0:0:0:1"));
  }

  @Test
  void issueRefusesAnAddressThatIsNotAnIpLiteral() {
    runInDataDir("init");
    clearOutput();

    int exitCode = runInDataDir("issue", "--name", "chat", "--ip", "chat.example");

    assertThat(exitCode).isEqualTo(1);
    assertThat(err.toString().lines())
        .containsExactly(
            "error: 'chat.example' is not an IP address; write IPv4 as 127.0.0.1 or IPv6 as ::1");
  }

  @Test
  void issueRefusesANameWithAPathSeparator() {
    runInDataDir("init");
    clearOutput();

    int exitCode = runInDataDir("issue", "--name", "../evil");

    assertThat(exitCode).isEqualTo(1);
    assertThat(err.toString())
        .startsWith("error: '../evil' is not a valid certificate name; names are 1-63 characters")
        .doesNotContain("\tat ");
    assertThat(tmp.resolve("evil.pem")).doesNotExist();
  }

  @Test
  void showDescribesEachCertificateOfAPemFile() throws Exception {
    runInDataDir("init");
    clearOutput();

    int exitCode = run("show", pki().certificateFile("localhost").toString());

    assertThat(exitCode).isZero();
    List<String> lines = out.toString().lines().toList();
    assertThat(lines).first().isEqualTo("certificate 1 of 2");
    assertThat(lines)
        .contains(
            "subject:         CN=localhost",
            "",
            "certificate 2 of 2",
            "CA:              yes, may sign leaf certificates only (pathLen 0) (critical)");
  }

  @Test
  void showReadsAPkcs12FileWithTheLabPassword() throws Exception {
    runInDataDir("init");
    clearOutput();

    int exitCode = run("show", pki().keyStoreFile("localhost").toString());

    assertThat(exitCode).as(err.toString()).isZero();
    assertThat(out.toString().lines())
        .contains(
            "subject:         CN=localhost",
            "SHA-256:         "
                + CertificateText.sha256Fingerprint(pki().identity("localhost").certificate()));
  }

  @Test
  void showOfAMissingFileIsOneError() {
    Path missing = tmp.resolve("nope.pem");

    int exitCode = run("show", missing.toString());

    assertThat(exitCode).isEqualTo(1);
    assertThat(err.toString().lines())
        .containsExactly(
            "error: no such file: " + missing,
            "hint: the lab's certificates are in lab-data/pki/*.pem");
  }

  @Test
  void showOfAKeyFileSaysItHoldsNoCertificate() {
    runInDataDir("init");
    clearOutput();
    Path keyFile = pki().privateKeyFile("localhost");

    int exitCode = run("show", keyFile.toString());

    assertThat(exitCode).isEqualTo(1);
    assertThat(err.toString().lines())
        .containsExactly("error: " + keyFile + " holds no certificate; it holds a private key");
  }

  @Test
  void showOfTextThatIsNoCertificateIsOneError() throws Exception {
    Path notes = Files.writeString(tmp.resolve("notes.txt"), "just some notes\n", UTF_8);

    int exitCode = run("show", notes.toString());

    assertThat(exitCode).isEqualTo(1);
    assertThat(err.toString().lines()).containsExactly("error: " + notes + " holds no certificate");
  }

  @Test
  void aP12WithAnotherPasswordIsOneError() throws Exception {
    Path p12 = Files.write(tmp.resolve("other.p12"), new byte[] {0x30, 0x03, 0x02, 0x01, 0x03});

    int exitCode = run("show", p12.toString());

    assertThat(exitCode).isEqualTo(1);
    assertThat(err.toString().lines())
        .containsExactly(
            "error: " + p12 + " is not a PKCS12 file with the lab password 'securechat-lab'");
  }
}
