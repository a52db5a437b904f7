package securechat.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static securechat.tls.ExternalProcess.WAIT;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import securechat.core.channel.HandshakeException;
import securechat.core.channel.LineChannel;
import securechat.core.protocol.Limits;
import securechat.tls.pki.Identity;
import securechat.tls.pki.LabPki;

/**
 * The tls stage against a TLS implementation we did not write: OpenSSL's {@code s_client} and
 * {@code s_server}, with the lab PKI's files as a student would pass them.
 *
 * <ul>
 *   <li>{@code openssl s_client} chatting with our server proves that the server speaks standard
 *       TLS 1.3, and that the lab certificate chain and its host name pass OpenSSL's own checks,
 *       not only the JDK's.
 *   <li>Our client reading a line from {@code openssl s_server} proves the same of the client: it
 *       needs no securechat server to handshake with.
 *   <li>{@code -tls1_2} on either side proves that "TLS 1.3 only" holds against a peer that really
 *       speaks TLS 1.2, and that such a peer costs our server one log line and nothing more.
 * </ul>
 *
 * <p>Skipped when the {@code openssl} command is not installed.
 */
@Timeout(60)
class OpensslInteropIT {
  /** What s_server prints once it listens (openssl 3; not printed with -quiet). */
  private static final Pattern ACCEPT = Pattern.compile("ACCEPT 127\\.0\\.0\\.1:(\\d+)");

  @TempDir Path dataDir;
  private LabPki pki;
  private Identity serverIdentity;

  @BeforeAll
  static void opensslIsInstalled() throws InterruptedException {
    assumeTrue(ExternalProcess.runs(List.of("openssl", "version")), "needs the openssl command");
  }

  @BeforeEach
  void writeTheLabCertificates() throws Exception {
    pki = LabPki.in(dataDir);
    serverIdentity = pki.ensureServerIdentity("localhost", line -> {});
  }

  @Test
  void opensslClientVerifiesOurServerAndChatsWithAJavaClient() throws Exception {
    try (TlsServerFixture fixture = startServer();
        LineChannel alice = fixture.connect(ourClient());
        ExternalProcess carol = openssl(sClient("-tls1_3", fixture.address))) {
      assertThat(alice.receive()).startsWith("WELCOME tls ");
      alice.send("/register alice password-of-alice");
      assertThat(alice.receive()).startsWith("OK registered and logged in as alice");

      carol.awaitLine("WELCOME tls ");
      carol.type("/register carol password-of-carol");
      carol.awaitLine("OK registered and logged in as carol; 2 online");
      assertThat(alice.receive()).isEqualTo("JOIN carol");
      carol.type("hello from openssl");
      assertThat(alice.receive()).isEqualTo("MSG carol hello from openssl");
      alice.send("hello carol");
      carol.awaitLine("MSG alice hello carol");
      carol.type("/quit");
      carol.awaitLine("BYE goodbye");
      // openssl ends when our server closes the connection. It exits 0 only if the server sent
      // TLS's close_notify first (RFC 8446 §6.1): without it, OpenSSL 3 reports "unexpected eof
      // while reading", as it would for a truncation attack.
      assertThat(carol.awaitExit(WAIT)).as(carol.output()).isZero();
      assertThat(carol.output()).doesNotContain("unexpected eof");
      assertThat(carol.output())
          .contains(
              "Verification: OK",
              "Verified peername: localhost",
              "Verify return code: 0 (ok)",
              "New, TLSv1.3, Cipher is TLS_AES_");
    }
  }

  @Test
  void ourClientReadsAndWritesLinesThroughOpensslServer() throws Exception {
    try (ExternalProcess openssl = openssl(sServer("-tls1_3"))) {
      int port = acceptedPort(openssl);
      try (LineChannel channel = connect(ourClient(), port)) {
        openssl.type("WELCOME tls hello-from-openssl");
        assertThat(channel.receive()).isEqualTo("WELCOME tls hello-from-openssl");
        channel.send("hello from securechat");
        openssl.awaitLine(line -> line.equals("hello from securechat"), "our line");

        assertThat(channel.info().protection()).startsWith("TLSv1.3: lines encrypted");
        assertThat(channel.info().details()).contains("protocol: TLSv1.3");
      }
    }
  }

  @Test
  void opensslClientLimitedToTls12IsRefusedAndTheServerCarriesOn() throws Exception {
    try (TlsServerFixture fixture = startServer();
        ExternalProcess old = openssl(sClient("-tls1_2", fixture.address))) {
      assertThat(old.awaitExit(WAIT)).as(old.output()).isNotZero();
      assertThat(old.output()).contains("alert protocol version");

      assertThat(fixture.awaitLog("handshake failed"))
          .contains("the client offered only TLS 1.2 or older; this stage speaks TLS 1.3 only");
      assertThat(fixture.log).filteredOn(line -> line.contains("handshake failed")).hasSize(1);
      try (LineChannel alice = fixture.connect(ourClient())) {
        assertThat(alice.receive()).startsWith("WELCOME tls ");
      }
    }
  }

  @Test
  void ourClientRefusesOpensslServerLimitedToTls12() throws Exception {
    try (ExternalProcess old = openssl(sServer("-tls1_2"))) {
      int port = acceptedPort(old);

      // All our client learns is the server's protocol_version alert: no version in common.
      assertThatThrownBy(() -> connect(ourClient(), port))
          .isInstanceOf(HandshakeException.class)
          .hasMessage("the server offered only TLS 1.2 or older; this stage speaks TLS 1.3 only");
    }
  }

  private TlsServerFixture startServer() throws Exception {
    TlsSecurity security = TlsSecurity.server(serverIdentity, Optional.empty(), Limits.DEFAULTS);
    return new TlsServerFixture(security, dataDir, Limits.DEFAULTS);
  }

  /** Our client, trusting the lab CA from ca.pem, for the host name localhost. */
  private TlsSecurity ourClient() throws Exception {
    LabTrustManager trust = LabTrustManager.trusting(pki.caCertificate(), "server");
    return TlsSecurity.client(trust, "localhost", Optional.empty(), Limits.DEFAULTS);
  }

  private static LineChannel connect(TlsSecurity client, int port)
      throws IOException, HandshakeException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
    socket.setSoTimeout(10_000);
    return client.connect(socket);
  }

  /** Runs openssl in the lab PKI's folder, so that it finds ca.pem and localhost.pem there. */
  private ExternalProcess openssl(List<String> arguments) throws IOException {
    List<String> command = new ArrayList<>(List.of("openssl"));
    command.addAll(arguments);
    return ExternalProcess.start(pki.directory(), command);
  }

  /**
   * A client that checks the server's chain against ca.pem and its name against localhost, and
   * stops at the first failure. Not -quiet: the verification result is part of what we check.
   * -nocommands: a line starting with Q or R is chat, not "quit" or "renegotiate".
   */
  private static List<String> sClient(String version, InetSocketAddress server) {
    return List.of(
        "s_client",
        version,
        "-CAfile",
        "ca.pem",
        "-verify_return_error",
        "-verify_hostname",
        "localhost",
        "-servername",
        "localhost",
        "-nocommands",
        "-connect",
        "127.0.0.1:" + server.getPort());
  }

  /**
   * A server on a free loopback port presenting the lab's localhost certificate, for one client.
   * Not -quiet, so that it prints the port it listens on.
   */
  private static List<String> sServer(String version) {
    return List.of(
        "s_server",
        version,
        "-cert",
        "localhost.pem",
        "-key",
        "localhost-key.pem",
        "-accept",
        "127.0.0.1:0",
        "-naccept",
        "1");
  }

  private static int acceptedPort(ExternalProcess sServer) throws InterruptedException {
    Matcher accept = ACCEPT.matcher(sServer.awaitLine("ACCEPT "));
    assertThat(accept.find()).as("s_server's ACCEPT line names its port").isTrue();
    return Integer.parseInt(accept.group(1));
  }
}
