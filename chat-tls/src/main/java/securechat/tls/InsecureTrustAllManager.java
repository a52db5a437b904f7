package securechat.tls;

import java.net.Socket;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.function.Consumer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import securechat.tls.pki.CertificateText;

/**
 * INSECURE ON PURPOSE: a trust manager that accepts every certificate, from anyone, for any name,
 * and prints a warning each time it does. This is what the TLS seeds did ("it works now!"), and
 * what {@code lab client --insecure-trust-all} does so that the MITM lab can show the result: the
 * traffic is encrypted, but to whoever answered, so a man in the middle reads and changes all of
 * it.
 *
 * <p><b>Protects:</b> only against a passive eavesdropper.
 *
 * <p><b>Does not protect:</b> against an active attacker: there is no authentication at all.
 */
public final class InsecureTrustAllManager extends X509ExtendedTrustManager {
  private final Consumer<String> warn;

  /**
   * @param warn where each "accepted without checking" warning goes
   */
  public InsecureTrustAllManager(Consumer<String> warn) {
    this.warn = Objects.requireNonNull(warn, "warn");
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
    accept(chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
    accept(chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) {
    accept(chain);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
    accept(chain);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
    accept(chain);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) {
    accept(chain);
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return new X509Certificate[0];
  }

  private void accept(X509Certificate[] chain) {
    X509Certificate leaf = chain[0];
    warn.accept(
        "warning: --insecure-trust-all: accepted the certificate '"
            + leaf.getSubjectX500Principal().getName()
            + "' (SHA-256 "
            + CertificateText.sha256Fingerprint(leaf)
            + ") without checking who signed it or whom it is for");
  }
}
