package securechat.bench.compare;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * Waits until a TLS server answers: one full TLS 1.3 handshake from the JDK's client, trusting only
 * the lab CA. Used before measuring a server, so that its start is not measured and so that both
 * servers are proven to speak TLS 1.3 with the lab's certificate.
 */
final class TlsProbe {
  private static final Duration RETRY = Duration.ofMillis(100);

  private final SSLContext context;

  /** A client that trusts certificates signed by {@code labCa} and offers TLS 1.3 only. */
  TlsProbe(X509Certificate labCa) throws GeneralSecurityException, IOException {
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    trusted.setCertificateEntry("lab-ca", labCa);
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    context = SSLContext.getInstance("TLSv1.3");
    context.init(null, trust.getTrustManagers(), null);
  }

  /**
   * Handshakes with {@code 127.0.0.1:port} until one succeeds or {@code timeout} has passed.
   *
   * @throws IOException if no handshake succeeded in time (the last error), or the server ended
   */
  void awaitHandshake(int port, ExternalProcess server, Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        handshake(port);
        return;
      } catch (IOException e) {
        if (!server.isAlive()) {
          throw new IOException("the server ended: " + ExternalProcess.lastLine(server.output()));
        }
        if (System.nanoTime() > deadline) {
          throw new IOException("no TLS handshake with port " + port + " within " + timeout, e);
        }
        sleepQuietly();
      }
    }
  }

  private void handshake(int port) throws IOException {
    try (SSLSocket socket =
        (SSLSocket)
            context.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(5_000);
      socket.setEnabledProtocols(new String[] {"TLSv1.3"});
      socket.startHandshake();
    }
  }

  /** A port free on the loopback interface a moment ago. */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** Waiting for a process to open its port: nothing to block on but the clock. */
  private static void sleepQuietly() throws IOException {
    try {
      Thread.sleep(RETRY);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted");
    }
  }
}
