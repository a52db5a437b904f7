package securechat.tls;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;
import securechat.core.channel.ChannelSecurity;
import securechat.core.contract.StageUnderTest;
import securechat.core.protocol.Limits;
import securechat.tls.pki.PkiException;

/**
 * The tls stage for the chat-core behaviour contracts: our server, and a test client that does a
 * plain JSSE handshake trusting the lab CA, then speaks raw protocol lines inside TLS.
 */
final class TlsStage implements StageUnderTest {
  private final TestPki lab;
  private final SSLContext clientContext;

  private TlsStage(TestPki lab) throws GeneralSecurityException {
    this.lab = lab;
    clientContext = SSLContext.getInstance("TLSv1.3");
    clientContext.init(null, new X509ExtendedTrustManager[] {lab.trustForServers()}, null);
  }

  /** A stage with its own new lab CA and server certificate. */
  static TlsStage withFreshPki() {
    try {
      return new TlsStage(TestPki.create());
    } catch (PkiException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot make the test certificates", e);
    }
  }

  @Override
  public String name() {
    return "tls";
  }

  @Override
  public ChannelSecurity serverSecurity(Limits limits, Path dataDir) throws Exception {
    return TlsSecurity.server(lab.server, Optional.empty(), limits);
  }

  @Override
  public Socket connect(Socket unconnected, InetSocketAddress server) throws IOException {
    unconnected.connect(server, 5_000);
    SSLSocket tls =
        (SSLSocket)
            clientContext
                .getSocketFactory()
                .createSocket(unconnected, "localhost", server.getPort(), true);
    tls.setEnabledProtocols(TlsSecurity.PROTOCOLS);
    tls.startHandshake();
    return tls;
  }
}
