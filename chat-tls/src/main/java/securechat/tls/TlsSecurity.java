package securechat.tls;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import securechat.core.channel.ChannelInfo;
import securechat.core.channel.ChannelSecurity;
import securechat.core.channel.FramedLineChannel;
import securechat.core.channel.HandshakeException;
import securechat.core.channel.LineChannel;
import securechat.core.protocol.Limits;
import securechat.tls.pki.Identity;

/**
 * The tls stage: the chat's lines travel inside TLS 1.3 records, using the JDK's own TLS (JSSE).
 * The server proves its identity with a certificate from the lab CA; the client checks the
 * certificate chain against that CA and the certificate's names against the host it dialled.
 *
 * <p><b>Protects:</b> confidentiality and integrity of everything after the handshake (passwords,
 * messages, files), and the server's authenticity, as long as the client verifies the certificate.
 * Every connection has fresh ephemeral (EC)DHE keys, so a stolen server key does not decrypt
 * captures of earlier sessions (forward secrecy). With {@code --mutual-tls} the server also checks
 * a client certificate.
 *
 * <p><b>Does not protect:</b> who talks to the server and when, the size and timing of every record
 * (a whisper and a long file look different), the server name in the ClientHello (SNI) and the
 * server's certificate (encrypted in TLS 1.3, but the same for everyone who connects). It protects
 * nothing against the server itself, which reads every line. A client run with {@code
 * --insecure-trust-all} accepts any certificate, and then a man in the middle reads everything.
 *
 * <p><b>What the sniffer sees:</b> a ClientHello and a ServerHello in the clear (versions, cipher
 * suites, key shares, SNI), then only "application data" records of opaque bytes. Given this
 * session's key log ({@code --keylog}), Wireshark and tshark decrypt them back into chat lines.
 *
 * <pre>{@code
 * Identity server = LabPki.in(dataDir).ensureServerIdentity("localhost", console::print);
 * ChannelSecurity tls = TlsSecurity.server(server, Optional.empty(), Limits.DEFAULTS);
 * // ... and on the client, trusting the lab CA:
 * TlsSecurity client = TlsSecurity.client(
 *     LabTrustManager.trusting(caCertificate, "server"), "localhost", Optional.empty(), limits);
 * LineChannel channel = client.connect(new Socket("localhost", 7002));
 * }</pre>
 */
public final class TlsSecurity implements ChannelSecurity {
  /** TLS 1.3 only: 1.2 and older are refused on both sides (RFC 8446; RFC 8996 retires 1.0/1.1). */
  static final String[] PROTOCOLS = {"TLSv1.3"};

  private final SSLSocketFactory sockets;
  private final boolean serverSide;
  private final boolean needClientCertificate;
  private final String serverName;
  private final boolean verified;
  private final Limits limits;

  private TlsSecurity(
      SSLContext context,
      X509ExtendedTrustManager trust,
      boolean serverSide,
      boolean needClientCertificate,
      String serverName,
      Limits limits) {
    this.sockets = context.getSocketFactory();
    this.serverSide = serverSide;
    this.needClientCertificate = needClientCertificate;
    this.serverName = serverName;
    this.verified = !(trust instanceof InsecureTrustAllManager);
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /**
   * A server presenting {@code identity}.
   *
   * @param clientTrust for mutual TLS, whom to trust for client certificates; empty for none
   */
  public static TlsSecurity server(
      Identity identity, Optional<X509ExtendedTrustManager> clientTrust, Limits limits)
      throws GeneralSecurityException {
    SSLContext context = context(keyManagers(identity), clientTrust.orElse(null));
    return new TlsSecurity(
        context, clientTrust.orElse(null), true, clientTrust.isPresent(), null, limits);
  }

  /**
   * A client that checks the server with {@code trust} against {@code serverName}, the host as the
   * user typed it (a name, or an IP address).
   *
   * @param identity for mutual TLS, the client's certificate; empty for none
   */
  public static TlsSecurity client(
      X509ExtendedTrustManager trust, String serverName, Optional<Identity> identity, Limits limits)
      throws GeneralSecurityException {
    KeyManager[] keys = identity.isPresent() ? keyManagers(identity.get()) : null;
    Objects.requireNonNull(trust, "trust");
    Objects.requireNonNull(serverName, "serverName");
    return new TlsSecurity(context(keys, trust), trust, false, false, serverName, limits);
  }

  @Override
  public String stage() {
    return "tls";
  }

  @Override
  public LineChannel accept(Socket socket) throws IOException, HandshakeException {
    SSLSocket tls = (SSLSocket) sockets.createSocket(socket, null, true);
    tls.setUseClientMode(false);
    SSLParameters parameters = tls.getSSLParameters();
    parameters.setProtocols(PROTOCOLS);
    parameters.setNeedClientAuth(needClientCertificate);
    tls.setSSLParameters(parameters);
    handshake(tls);
    ChannelInfo info = TlsInfo.server(tls.getSession());
    return new FramedLineChannel(tls, limits.maxLineBytes(), info);
  }

  @Override
  public LineChannel connect(Socket socket) throws IOException, HandshakeException {
    SSLSocket tls = (SSLSocket) sockets.createSocket(socket, serverName, socket.getPort(), true);
    tls.setUseClientMode(true);
    SSLParameters parameters = tls.getSSLParameters();
    parameters.setProtocols(PROTOCOLS);
    // Check the certificate's names against the host we dialled (RFC 6125, as HTTPS does);
    // without this, JSSE checks only the signatures, and any lab certificate would do.
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    if (!isIpAddress(serverName)) {
      // RFC 6066 §3: SNI carries host names only, never IP addresses.
      parameters.setServerNames(List.of(new SNIHostName(serverName)));
    }
    tls.setSSLParameters(parameters);
    handshake(tls);
    ChannelInfo info = TlsInfo.client(tls.getSession(), verified);
    return new FramedLineChannel(tls, limits.maxServerLineBytes(), info);
  }

  /** Runs the handshake now, so that its failures are handshake failures, not read errors. */
  private void handshake(SSLSocket tls) throws IOException, HandshakeException {
    try {
      tls.startHandshake();
    } catch (SSLException e) {
      tls.close();
      throw HandshakeFailures.explain(e, serverSide);
    } catch (SocketException e) {
      // A reset or broken pipe: the peer left mid-handshake (a timeout is not a SocketException).
      tls.close();
      throw new HandshakeException(
          (serverSide ? "the client" : "the server")
              + " went away during the handshake ("
              + e.getMessage()
              + ")",
          null,
          e);
    }
  }

  private static SSLContext context(KeyManager[] keys, X509ExtendedTrustManager trust)
      throws GeneralSecurityException {
    SSLContext context = SSLContext.getInstance("TLSv1.3");
    context.init(keys, trust == null ? null : new X509ExtendedTrustManager[] {trust}, null);
    return context;
  }

  /**
   * Key managers holding {@code identity}. "SunX509" reads the private key out of the key store
   * once, here; "PKIX" reads it again on every handshake, and reading a PKCS12 entry means deriving
   * its password key with PBKDF2 (10,000 HMAC rounds): 59 % of the server's time in a profile of
   * new handshakes (issue 11). With one identity per context, both choose the same.
   */
  private static KeyManager[] keyManagers(Identity identity) throws GeneralSecurityException {
    KeyStore store = identity.keyStore();
    KeyManagerFactory factory = KeyManagerFactory.getInstance("SunX509");
    factory.init(store, Identity.storePassword());
    return factory.getKeyManagers();
  }

  /** True for an IP literal (IPv4 digits and dots, or IPv6 with colons); never resolves a name. */
  static boolean isIpAddress(String host) {
    return host.contains(":") || host.matches("[0-9.]+");
  }
}
