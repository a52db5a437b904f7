package securechat.attacks.downgrade;

import static securechat.attacks.downgrade.CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA;
import static securechat.attacks.downgrade.CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256;
import static securechat.attacks.downgrade.CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384;
import static securechat.attacks.downgrade.CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256;
import static securechat.attacks.downgrade.CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA;
import static securechat.attacks.downgrade.CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256;
import static securechat.attacks.downgrade.CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384;
import static securechat.attacks.downgrade.CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256;
import static securechat.attacks.downgrade.CipherSuite.TLS_RSA_EXPORT_WITH_RC4_40_MD5;
import static securechat.attacks.downgrade.CipherSuite.TLS_RSA_WITH_3DES_EDE_CBC_SHA;
import static securechat.attacks.downgrade.CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA;
import static securechat.attacks.downgrade.CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256;
import static securechat.attacks.downgrade.CipherSuite.TLS_RSA_WITH_AES_256_CBC_SHA;
import static securechat.attacks.downgrade.CipherSuite.TLS_RSA_WITH_NULL_SHA;
import static securechat.attacks.downgrade.CipherSuite.TLS_RSA_WITH_RC4_128_SHA;

import java.util.List;

/**
 * One downgrade attempt: a ClientHello that offers less than TLS 1.3, as a server would see it
 * after a man in the middle removed everything newer (or made the client retry without it).
 *
 * @param name what the probe tries, for the verdict: {@code TLS 1.2 with weak suites}
 * @param hello the hello to send
 */
record TlsProbe(String name, ClientHello hello) {
  /**
   * The four probes, in order: TLS 1.2 with weak suites (weakest first, so that a server which
   * follows the client's order shows the worst it accepts), TLS 1.2 with modern suites, TLS 1.1 and
   * TLS 1.0.
   *
   * @param serverName the name for SNI: the one on the server's certificate
   */
  static List<TlsProbe> all(String serverName) {
    List<CipherSuite> weak =
        List.of(
            TLS_RSA_EXPORT_WITH_RC4_40_MD5,
            TLS_RSA_WITH_NULL_SHA,
            TLS_RSA_WITH_RC4_128_SHA,
            TLS_RSA_WITH_3DES_EDE_CBC_SHA,
            TLS_RSA_WITH_AES_128_CBC_SHA,
            TLS_RSA_WITH_AES_256_CBC_SHA,
            TLS_RSA_WITH_AES_128_GCM_SHA256,
            TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA,
            TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA);
    List<CipherSuite> modern =
        List.of(
            TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
            TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
            TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
            TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
            TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
            TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256);
    // TLS 1.0 and 1.1 predate GCM (RFC 5288 needs TLS 1.2): CBC suites are all they have.
    List<CipherSuite> old =
        List.of(
            TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA,
            TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA,
            TLS_RSA_WITH_AES_128_CBC_SHA,
            TLS_RSA_WITH_3DES_EDE_CBC_SHA);
    return List.of(
        new TlsProbe(
            "TLS 1.2 with weak suites", ClientHello.offering(TlsNames.TLS_1_2, weak, serverName)),
        new TlsProbe(
            "TLS 1.2 with modern suites",
            ClientHello.offering(TlsNames.TLS_1_2, modern, serverName)),
        new TlsProbe("TLS 1.1", ClientHello.offering(TlsNames.TLS_1_1, old, serverName)),
        new TlsProbe("TLS 1.0", ClientHello.offering(TlsNames.TLS_1_0, old, serverName)));
  }
}
