package securechat.tls;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import securechat.core.channel.ChannelInfo;
import securechat.tls.pki.CertificateText;

/** What a finished TLS handshake negotiated, in the words {@code /info} and the client show. */
final class TlsInfo {
  private TlsInfo() {}

  /** The client's view: the server's certificate, and whether it was checked at all. */
  static ChannelInfo client(SSLSession session, boolean verified) {
    List<String> details = negotiated(session);
    peerCertificate(session).forEach(line -> details.add("server certificate " + line));
    String protection =
        verified
            ? session.getProtocol()
                + ": lines encrypted and authenticated; server certificate"
                + " verified against the lab CA and the host name"
            : session.getProtocol()
                + ", but the server's certificate was NOT checked"
                + " (--insecure-trust-all): a man in the middle can read and change everything";
    return new ChannelInfo("tls", protection, details);
  }

  /** The server's view: the client's certificate if mutual TLS asked for one. */
  static ChannelInfo server(SSLSession session) {
    List<String> details = negotiated(session);
    peerCertificate(session).forEach(line -> details.add("client certificate " + line));
    return new ChannelInfo(
        "tls",
        session.getProtocol() + ": lines encrypted and authenticated",
        details,
        Optional.of(session.getProtocol() + " " + session.getCipherSuite()));
  }

  private static List<String> negotiated(SSLSession session) {
    List<String> details = new ArrayList<>();
    details.add("protocol: " + session.getProtocol());
    details.add("cipher suite: " + session.getCipherSuite());
    // JSSE has no API for the negotiated group; the ServerHello's key_share names it.
    details.add("key exchange: ephemeral ECDHE (group: see key_share in the ServerHello)");
    return details;
  }

  private static List<String> peerCertificate(SSLSession session) {
    Certificate[] chain;
    try {
      chain = session.getPeerCertificates();
    } catch (SSLPeerUnverifiedException noCertificate) {
      return List.of();
    }
    X509Certificate leaf = (X509Certificate) chain[0];
    return List.of(
        "subject: " + leaf.getSubjectX500Principal().getName(),
        "issuer: " + leaf.getIssuerX500Principal().getName(),
        "SHA-256: " + CertificateText.sha256Fingerprint(leaf));
  }
}
