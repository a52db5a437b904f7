package securechat.sniffer.dissect;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import securechat.sniffer.stream.SyntheticConnection;
import securechat.sniffer.stream.TcpStream;
import securechat.tls.pki.Identity;
import securechat.tls.pki.IssueRequest;
import securechat.tls.pki.KeyType;
import securechat.tls.pki.LabCertificateAuthority;

/**
 * A test helper that runs a real TLS 1.3 handshake between two JSSE {@link SSLEngine}s in memory
 * (no sockets, as netty's CloseNotifyTest forwards data), then one application line from the
 * client, and returns the bytes each side wrote as a reassembled stream on port 7002.
 */
final class TlsHandshakeBytes {
  static final String SERVER_NAME = "chat.lab.test";

  private TlsHandshakeBytes() {}

  static TcpStream stream(String clientLine) throws Exception {
    Clock clock = Clock.systemUTC();
    LabCertificateAuthority ca = LabCertificateAuthority.create(KeyType.EC_P256, clock);
    Identity server = ca.issue(IssueRequest.server("localhost", KeyType.EC_P256, clock));
    SSLEngine serverEngine = serverContext(server).createSSLEngine();
    serverEngine.setUseClientMode(false);
    SSLEngine clientEngine = clientContext(ca).createSSLEngine("localhost", 7002);
    clientEngine.setUseClientMode(true);
    SSLParameters parameters = clientEngine.getSSLParameters();
    parameters.setServerNames(List.of(new SNIHostName(SERVER_NAME)));
    parameters.setProtocols(new String[] {"TLSv1.3"});
    clientEngine.setSSLParameters(parameters);

    SyntheticConnection connection = new SyntheticConnection(7002).handshake();
    ByteBuffer toServer = ByteBuffer.allocate(1 << 17);
    ByteBuffer toClient = ByteBuffer.allocate(1 << 17);
    clientEngine.beginHandshake();
    serverEngine.beginHandshake();
    for (int step = 0; step < 200 && handshaking(clientEngine, serverEngine); step++) {
      pieces(step(clientEngine, toClient, toServer)).forEach(connection::clientSends);
      pieces(step(serverEngine, toServer, toClient)).forEach(connection::serverSends);
    }
    ByteBuffer line = ByteBuffer.wrap(clientLine.getBytes(StandardCharsets.UTF_8));
    ByteBuffer wire = ByteBuffer.allocate(1 << 17);
    clientEngine.wrap(line, wire);
    connection.clientSends(Arrays.copyOf(wire.array(), wire.position()));
    return connection.stream();
  }

  /** Cuts bytes into small segments, so that records span segments as on a real network. */
  private static List<byte[]> pieces(byte[] bytes) {
    List<byte[]> pieces = new ArrayList<>();
    for (int start = 0; start < bytes.length; start += 300) {
      pieces.add(Arrays.copyOfRange(bytes, start, Math.min(bytes.length, start + 300)));
    }
    return pieces;
  }

  private static boolean handshaking(SSLEngine client, SSLEngine server) {
    return client.getHandshakeStatus() != HandshakeStatus.NOT_HANDSHAKING
        || server.getHandshakeStatus() != HandshakeStatus.NOT_HANDSHAKING;
  }

  /**
   * Lets {@code engine} do one thing: write to {@code outbound} (returning what it wrote) or read
   * from {@code inbound}, the bytes its peer wrote and it has not read yet.
   */
  private static byte[] step(SSLEngine engine, ByteBuffer inbound, ByteBuffer outbound)
      throws Exception {
    runTasks(engine);
    if (engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) {
      int before = outbound.position();
      engine.wrap(ByteBuffer.allocate(0), outbound);
      return Arrays.copyOfRange(outbound.array(), before, outbound.position());
    }
    if (inbound.position() > 0) {
      inbound.flip();
      engine.unwrap(inbound, ByteBuffer.allocate(1 << 17));
      inbound.compact();
    }
    return new byte[0];
  }

  private static void runTasks(SSLEngine engine) {
    Runnable task;
    while ((task = engine.getDelegatedTask()) != null) {
      task.run();
    }
  }

  private static SSLContext serverContext(Identity identity) throws Exception {
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(identity.keyStore(), Identity.storePassword());
    SSLContext context = SSLContext.getInstance("TLSv1.3");
    context.init(keys.getKeyManagers(), null, null);
    return context;
  }

  private static SSLContext clientContext(LabCertificateAuthority ca) throws Exception {
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    trusted.setCertificateEntry("lab-ca", ca.certificate());
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext context = SSLContext.getInstance("TLSv1.3");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }
}
