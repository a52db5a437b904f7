package securechat.tls;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import securechat.core.channel.HandshakeException;
import securechat.core.channel.LineChannel;
import securechat.core.protocol.Limits;
import securechat.tls.pki.CertificateText;
import securechat.tls.pki.Identity;

/**
 * The tls stage over real loopback sockets: what a verifying client accepts and refuses, and that
 * no broken peer (plaintext, silent, reset, TLS 1.2) disturbs the listener.
 */
@Timeout(60)
class TlsSecurityIT {
  private static TestPki lab;
  private static TestPki otherLab;

  @TempDir Path dataDir;

  @BeforeAll
  static void makeCertificates() throws Exception {
    lab = TestPki.create();
    otherLab = TestPki.create();
  }

  private TlsServerFixture start(Identity identity, Limits limits) throws Exception {
    return new TlsServerFixture(
        TlsSecurity.server(identity, Optional.empty(), limits), dataDir, limits);
  }

  private static TlsSecurity client(X509ExtendedTrustManager trust, String host) throws Exception {
    return TlsSecurity.client(trust, host, Optional.empty(), Limits.DEFAULTS);
  }

  @Test
  void chatLinesTravelOverTls13AndTheClientSeesWhatWasNegotiated() throws Exception {
    try (TlsServerFixture fixture = start(lab.server, Limits.DEFAULTS);
        LineChannel alice = fixture.connect(client(lab.trustForServers(), "localhost"))) {
      assertThat(alice.receive()).startsWith("WELCOME tls ");
      alice.send("/register alice password-of-alice");
      assertThat(alice.receive()).startsWith("OK registered");
      assertThat(alice.info().protection()).startsWith("TLSv1.3: lines encrypted");
      assertThat(alice.info().details())
          .contains(
              "protocol: TLSv1.3",
              "server certificate SHA-256: "
                  + CertificateText.sha256Fingerprint(lab.server.certificate()))
          .anyMatch(detail -> detail.startsWith("cipher suite: TLS_AES_"));
    }
  }

  @Test
  void theIpAddressInTheCertificateIsAcceptedToo() throws Exception {
    try (TlsServerFixture fixture = start(lab.server, Limits.DEFAULTS);
        LineChannel alice = fixture.connect(client(lab.trustForServers(), "127.0.0.1"))) {
      assertThat(alice.receive()).startsWith("WELCOME tls ");
    }
  }

  @Test
  void aPlaintextClientIsOneLogLineAndTheListenerCarriesOn() throws Exception {
    try (TlsServerFixture fixture = start(lab.server, Limits.DEFAULTS);
        Socket plain = new Socket(fixture.address.getAddress(), fixture.address.getPort())) {
      plain.getOutputStream().write("/login alice password-of-alice\n".getBytes(UTF_8));
      assertThat(fixture.awaitLog("handshake failed"))
          .endsWith(
              "handshake failed: the client does not speak TLS"
                  + " (its first bytes are not a TLS record)");
      assertThat(plain.getInputStream().readAllBytes()).doesNotContain("WELCOME".getBytes(UTF_8));
      assertStillServes(fixture);
    }
  }

  @Test
  void aSilentClientTimesOutInTheHandshake() throws Exception {
    Limits quick =
        Limits.DEFAULTS.withTimeouts(
            Duration.ofMillis(300), Duration.ofSeconds(30), Duration.ofMinutes(5));
    try (TlsServerFixture fixture = start(lab.server, quick);
        Socket silent = new Socket(fixture.address.getAddress(), fixture.address.getPort())) {
      assertThat(fixture.awaitLog("handshake timeout")).isNotEmpty();
      assertThat(silent.getInputStream().read()).isEqualTo(-1);
      assertStillServes(fixture);
    }
  }

  @Test
  void aResetInTheMiddleOfTheHandshakeIsOneLogLine() throws Exception {
    try (TlsServerFixture fixture = start(lab.server, Limits.DEFAULTS)) {
      Socket resetter = new Socket(fixture.address.getAddress(), fixture.address.getPort());
      // The start of a TLS handshake record that promises 512 bytes and delivers 4.
      resetter.getOutputStream().write(new byte[] {0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0, 1, 0});
      resetter.setSoLinger(true, 0); // close with RST, not FIN
      resetter.close();
      String peer = "127.0.0.1:" + resetter.getLocalPort();
      assertThat(fixture.awaitLog(peer + " closed")).isNotEmpty();
      assertThat(fixture.log.stream().filter(line -> line.contains(" " + peer + " ")).toList())
          .hasSize(2); // what went wrong, then "closed"
      assertStillServes(fixture);
    }
  }

  @Test
  void aTls12ClientIsRefused() throws Exception {
    try (TlsServerFixture fixture = start(lab.server, Limits.DEFAULTS)) {
      SSLContext tls12 = SSLContext.getInstance("TLSv1.2");
      tls12.init(null, new X509ExtendedTrustManager[] {lab.trustForServers()}, null);
      try (SSLSocket old =
          (SSLSocket)
              tls12
                  .getSocketFactory()
                  .createSocket(fixture.address.getAddress(), fixture.address.getPort())) {
        old.setEnabledProtocols(new String[] {"TLSv1.2"});
        assertThatThrownBy(old::startHandshake).isInstanceOf(SSLException.class);
      }
      assertThat(fixture.awaitLog("handshake failed"))
          .contains("the client offered only TLS 1.2 or older; this stage speaks TLS 1.3 only");
      assertStillServes(fixture);
    }
  }

  @Test
  void aCertificateFromAnotherCaIsRefused() throws Exception {
    try (TlsServerFixture fixture = start(otherLab.server, Limits.DEFAULTS)) {
      assertThatThrownBy(() -> fixture.connect(client(lab.trustForServers(), "localhost")))
          .isInstanceOf(HandshakeException.class)
          .hasMessage(
              "the server's certificate '"
                  + subject(otherLab.server)
                  + "' is signed by '"
                  + otherLab.authority.certificate().getSubjectX500Principal().getName()
                  + "', not by the trusted CA '"
                  + lab.authority.certificate().getSubjectX500Principal().getName()
                  + "'");
      // Usually "the client ended the handshake with a fatal alert: certificate_unknown"; when the
      // client's close overtakes the alert, "the client went away during the handshake".
      assertThat(fixture.awaitLog("handshake failed")).contains("the client ");
      assertThat(fixture.server.awaitNoConnections(Duration.ofSeconds(10))).isTrue();
    }
  }

  @Test
  void anExpiredCertificateIsRefused() throws Exception {
    Identity expired = lab.expiredServer();
    try (TlsServerFixture fixture = start(expired, Limits.DEFAULTS)) {
      assertThatThrownBy(() -> fixture.connect(client(lab.trustForServers(), "localhost")))
          .isInstanceOf(HandshakeException.class)
          .hasMessage(
              "the server's certificate '"
                  + subject(expired)
                  + "' expired on "
                  + expired.certificate().getNotAfter().toInstant());
      assertThat(fixture.server.awaitNoConnections(Duration.ofSeconds(10))).isTrue();
    }
  }

  @Test
  void aCertificateForAnotherHostIsRefused() throws Exception {
    try (TlsServerFixture fixture = start(lab.server, Limits.DEFAULTS)) {
      assertThatThrownBy(() -> fixture.connect(client(lab.trustForServers(), "wrong.example")))
          .isInstanceOf(HandshakeException.class)
          .hasMessage(
              "the server's certificate '"
                  + subject(lab.server)
                  + "' is for [localhost, 127.0.0.1], not for 'wrong.example'");
      assertThat(fixture.server.awaitNoConnections(Duration.ofSeconds(10))).isTrue();
    }
  }

  @Test
  void insecureTrustAllAcceptsAnyCertificateAndWarnsEachTime() throws Exception {
    List<String> warnings = new CopyOnWriteArrayList<>();
    try (TlsServerFixture fixture = start(otherLab.server, Limits.DEFAULTS)) {
      for (int i = 1; i <= 2; i++) {
        // A new client each time, as each `lab client` run is: one client would resume the
        // first session, and a resumed session shows no certificate to check.
        TlsSecurity gullible = client(new InsecureTrustAllManager(warnings::add), "localhost");
        try (LineChannel channel = fixture.connect(gullible)) {
          assertThat(channel.receive()).startsWith("WELCOME tls ");
          assertThat(channel.info().protection()).contains("NOT checked");
        }
        assertThat(warnings).hasSize(i);
      }
      assertThat(warnings.get(0))
          .startsWith("warning: --insecure-trust-all: accepted the certificate '")
          .contains(CertificateText.sha256Fingerprint(otherLab.server.certificate()));
    }
  }

  @Test
  void mutualTlsAdmitsAClientWithALabCertificate() throws Exception {
    TlsSecurity server =
        TlsSecurity.server(lab.server, Optional.of(lab.trustForClients()), Limits.DEFAULTS);
    try (TlsServerFixture fixture = new TlsServerFixture(server, dataDir, Limits.DEFAULTS)) {
      TlsSecurity withCertificate =
          TlsSecurity.client(
              lab.trustForServers(), "localhost", Optional.of(lab.client("bob")), Limits.DEFAULTS);
      try (LineChannel bob = fixture.connect(withCertificate)) {
        assertThat(bob.receive()).startsWith("WELCOME tls ");
      }
    }
  }

  @Test
  void mutualTlsTurnsAwayAClientWithoutACertificate() throws Exception {
    TlsSecurity server =
        TlsSecurity.server(lab.server, Optional.of(lab.trustForClients()), Limits.DEFAULTS);
    try (TlsServerFixture fixture = new TlsServerFixture(server, dataDir, Limits.DEFAULTS)) {
      // In TLS 1.3 the client finishes its side first; the refusal arrives as an alert after.
      try (LineChannel anonymous = fixture.connect(client(lab.trustForServers(), "localhost"))) {
        assertThatThrownBy(anonymous::receive)
            .isInstanceOf(IOException.class)
            .hasMessageContaining("certificate_required");
      } catch (HandshakeException refusedInTheHandshake) {
        assertThat(refusedInTheHandshake).hasMessageContaining("client certificate");
      }
      assertThat(fixture.awaitLog("handshake failed")).isNotEmpty();
      assertThat(fixture.server.awaitNoConnections(Duration.ofSeconds(10))).isTrue();
    }
  }

  private static void assertStillServes(TlsServerFixture fixture) throws Exception {
    try (LineChannel channel = fixture.connect(client(lab.trustForServers(), "localhost"))) {
      assertThat(channel.receive()).startsWith("WELCOME tls ");
    }
  }

  private static String subject(Identity identity) {
    X509Certificate certificate = identity.certificate();
    return certificate.getSubjectX500Principal().getName();
  }
}
