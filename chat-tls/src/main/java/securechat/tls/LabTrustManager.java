package securechat.tls;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts the certificates signed by one CA (the lab's) and nothing else, and says in one sentence
 * why it refuses a certificate: expired, not signed by that CA, or not for the host dialled.
 *
 * <p>The checks themselves are the JDK's (PKIX path validation, RFC 5280 §6; host-name matching,
 * RFC 6125, which JSSE applies because the socket asks for endpoint identification). This class
 * only runs them again on failure to find which one failed.
 *
 * <p><b>Protects:</b> against a server (or a man in the middle) presenting a certificate the lab CA
 * did not sign, one that has expired, or one made for another host.
 *
 * <p><b>Does not protect:</b> against anyone holding the lab CA's private key ({@code
 * lab-data/pki/ca-key.pem}): they can sign a certificate for any name.
 */
public final class LabTrustManager extends X509ExtendedTrustManager {
  private final X509Certificate authority;
  private final X509ExtendedTrustManager pkix;
  private final String role;

  private LabTrustManager(X509Certificate authority, X509ExtendedTrustManager pkix, String role) {
    this.authority = authority;
    this.pkix = pkix;
    this.role = role;
  }

  /**
   * Trusts certificates signed by {@code authority}.
   *
   * @param role whose certificates this checks, for messages: {@code "server"} or {@code "client"}
   */
  public static LabTrustManager trusting(X509Certificate authority, String role)
      throws GeneralSecurityException {
    KeyStore anchors = KeyStore.getInstance("PKCS12");
    try {
      anchors.load(null, null);
    } catch (IOException impossible) {
      throw new GeneralSecurityException("cannot create an empty key store", impossible);
    }
    anchors.setCertificateEntry("lab-ca", authority);
    TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
    factory.init(anchors);
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509ExtendedTrustManager extended) {
        return new LabTrustManager(authority, extended, role);
      }
    }
    throw new GeneralSecurityException("the JDK's PKIX trust manager factory gave none");
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    try {
      pkix.checkServerTrusted(chain, authType, socket);
    } catch (CertificateException e) {
      throw explain(chain, e, peerHost(socket), () -> pkix.checkServerTrusted(chain, authType));
    }
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    try {
      pkix.checkClientTrusted(chain, authType, socket);
    } catch (CertificateException e) {
      throw explain(chain, e, null, () -> pkix.checkClientTrusted(chain, authType));
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    pkix.checkServerTrusted(chain, authType, engine);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    pkix.checkClientTrusted(chain, authType, engine);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    pkix.checkServerTrusted(chain, authType);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    pkix.checkClientTrusted(chain, authType);
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return new X509Certificate[] {authority};
  }

  /** A check run again without the host name, to tell a name mismatch from a bad chain. */
  private interface ChainCheck {
    void run() throws CertificateException;
  }

  private CertificateRejectedException explain(
      X509Certificate[] chain, CertificateException failure, String host, ChainCheck chainOnly) {
    X509Certificate leaf = chain[0];
    String subject = "the " + role + "'s certificate '" + leaf.getSubjectX500Principal().getName();
    if (causedBy(failure, CertificateExpiredException.class)) {
      return new CertificateRejectedException(
          subject + "' expired on " + leaf.getNotAfter().toInstant(),
          "issue a new one: ./lab certs issue --name NAME",
          failure);
    }
    if (causedBy(failure, CertificateNotYetValidException.class)) {
      return new CertificateRejectedException(
          subject + "' is not valid before " + leaf.getNotBefore().toInstant(),
          "check this machine's clock",
          failure);
    }
    if (host != null && chainIsTrusted(chainOnly)) {
      return new CertificateRejectedException(
          subject + "' is for " + names(leaf) + ", not for '" + host + "'",
          "connect with --host set to one of those names, or issue a certificate for " + host,
          failure);
    }
    return new CertificateRejectedException(
        subject
            + "' is signed by '"
            + leaf.getIssuerX500Principal().getName()
            + "', not by the trusted CA '"
            + authority.getSubjectX500Principal().getName()
            + "'",
        "is it a server of this lab? its CA file is pki/ca.pem in the server's data folder (use"
            + " --ca FILE to trust it); a man in the middle presents exactly such a certificate",
        failure);
  }

  private static boolean chainIsTrusted(ChainCheck chainOnly) {
    try {
      chainOnly.run();
      return true;
    } catch (CertificateException stillRefused) {
      return false;
    }
  }

  private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The DNS names and IP addresses a certificate is for (its subjectAltName, RFC 5280 §4.2.1.6).
   */
  static List<String> names(X509Certificate certificate) {
    List<String> names = new ArrayList<>();
    try {
      if (certificate.getSubjectAlternativeNames() != null) {
        certificate.getSubjectAlternativeNames().forEach(name -> names.add(name.get(1).toString()));
      }
    } catch (CertificateParsingException unreadable) {
      names.add("(unreadable names)");
    }
    return names;
  }

  private static String peerHost(Socket socket) {
    if (socket instanceof SSLSocket tls && tls.getHandshakeSession() != null) {
      return tls.getHandshakeSession().getPeerHost();
    }
    return null;
  }
}
