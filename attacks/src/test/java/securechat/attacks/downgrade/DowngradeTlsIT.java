package securechat.attacks.downgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lab attack downgrade --stage tls} against the real tls stage (refused: it speaks TLS 1.3
 * only) and against {@code openssl s_server} allowing TLS 1.2 with an RSA-key-exchange CBC suite
 * (succeeded), each probe on its own loopback connection.
 */
@Timeout(60)
class DowngradeTlsIT {
  @TempDir Path dataDir;

  @Test
  void tlsStageAnswersEveryProbeWithAProtocolVersionAlert() throws Exception {
    DowngradeRun run = DowngradeRun.of(dataDir, "--stage", "tls");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.verdict().get("target").asText()).isEqualTo("tls");
    assertThat(run.verdict().get("outcome").asText()).isEqualTo("refused");
    assertThat(run.evidence())
        .containsExactly(
            "TLS 1.2 with weak suites → alert fatal protocol_version(70)",
            "TLS 1.2 with modern suites → alert fatal protocol_version(70)",
            "TLS 1.1 → alert fatal protocol_version(70)",
            "TLS 1.0 → alert fatal protocol_version(70)");
    assertThat(run.out())
        .contains(
            "about to: start a tls server on 127.0.0.1",
            "about to: send a TLS 1.2 ClientHello offering TLS_RSA_EXPORT_WITH_RC4_40_MD5, ",
            "verdict: REFUSED  downgrade on tls",
            "--stage tls --target");
  }

  @Test
  void opensslServerAllowingTls12AndRsaKeyExchangeAcceptsTheWeakProbe() throws Exception {
    assumeTrue(
        OpensslServer.offers("AES128-SHA"),
        "needs an openssl that offers AES128-SHA (TLS_RSA_WITH_AES_128_CBC_SHA) for TLS 1.2");
    Path folder = Files.createDirectories(dataDir.resolve("openssl"));
    try (OpensslServer weak =
        OpensslServer.start(folder, "-tls1_2", "-cipher", "AES128-SHA:@SECLEVEL=0")) {
      String target = "127.0.0.1:" + weak.port();

      DowngradeRun run = DowngradeRun.of(dataDir, "--stage", "tls", "--target", target);

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.verdict().get("outcome").asText()).as(weak.output()).isEqualTo("succeeded");
      assertThat(run.verdict().get("target").asText()).isEqualTo("TLS server on " + target);
      assertThat(run.verdict().get("headline").asText())
          .startsWith(
              "the server on "
                  + target
                  + " agreed to TLS 1.2 with TLS_RSA_WITH_AES_128_CBC_SHA (RSA key exchange: no"
                  + " forward secrecy");
      assertThat(run.evidence())
          .containsExactly(
              "TLS 1.2 with weak suites → ServerHello: TLS 1.2 with TLS_RSA_WITH_AES_128_CBC_SHA",
              "TLS 1.2 with modern suites → alert fatal handshake_failure(40)",
              "TLS 1.1 → alert fatal protocol_version(70)",
              "TLS 1.0 → alert fatal protocol_version(70)");
      assertThat(run.verdict().get("figures").get("accepted").asInt()).isEqualTo(1);
    }
  }

  @Test
  void targetWhereNothingListensIsAnErrorNotAVerdict() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }

    DowngradeRun run = DowngradeRun.of(dataDir, "--target", "127.0.0.1:" + closedPort);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .startsWith("error: nothing listens on 127.0.0.1:" + closedPort + "\n")
        .contains("hint: start the TLS server first");
    assertThat(run.verdicts()).isEmpty();
  }
}
