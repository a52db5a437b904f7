package securechat.attacks.downgrade;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import securechat.tls.pki.Identity;
import securechat.tls.pki.LabPki;

/**
 * A real TLS server without a socket: the JDK's {@link SSLEngine} with the lab's localhost
 * certificate, fed a ClientHello's bytes, returning the bytes it would send back. Its ServerHellos
 * and alerts are the fixtures of the codec's tests, generated rather than copied by hand.
 */
final class JdkServerEngine {
  private final SSLContext context;

  private JdkServerEngine(SSLContext context) {
    this.context = context;
  }

  /** A server with a certificate for localhost from a lab CA made in {@code dataDir}. */
  static JdkServerEngine withLabCertificate(Path dataDir) throws Exception {
    Identity identity = LabPki.in(dataDir).ensureServerIdentity("localhost", line -> {});
    KeyManagerFactory keys = KeyManagerFactory.getInstance("PKIX");
    keys.init(identity.keyStore(), Identity.storePassword());
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    return new JdkServerEngine(context);
  }

  /** What a server enabling {@code protocols} sends back first when it reads {@code hello}. */
  byte[] answer(ClientHello hello, String... protocols) throws SSLException {
    SSLEngine engine = context.createSSLEngine();
    engine.setUseClientMode(false);
    engine.setEnabledProtocols(protocols);
    ByteBuffer ignored = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
    try {
      engine.unwrap(ByteBuffer.wrap(hello.toRecord()), ignored);
      while (engine.getHandshakeStatus() == HandshakeStatus.NEED_TASK) {
        engine.getDelegatedTask().run();
      }
    } catch (SSLException refused) {
      // The engine refused the hello and has an alert to send: wrap() below returns it.
    }

    ByteBuffer out = ByteBuffer.allocate(engine.getSession().getPacketBufferSize() * 4);
    while (engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) {
      try {
        engine.wrap(ByteBuffer.allocate(0), out);
      } catch (SSLException refused) {
        // A failed delegated task reports here first; the alert comes with the next wrap().
      }
    }
    out.flip();
    byte[] bytes = new byte[out.remaining()];
    out.get(bytes);
    return bytes;
  }
}
