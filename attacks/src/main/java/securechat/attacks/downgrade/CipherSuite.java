package securechat.attacks.downgrade;

import java.util.Optional;

/**
 * The TLS 1.2 (and older) cipher suites the downgrade probes offer, by their IANA names and numbers
 * (RFC 5246 Appendix A.5, RFC 8422 §6, RFC 7905), each with what is wrong with it, if anything. A
 * server must choose one of the suites offered (RFC 5246 §7.4.1.3), so these names are enough to
 * name any choice.
 */
enum CipherSuite {
  TLS_RSA_EXPORT_WITH_RC4_40_MD5(0x0003, "export grade: a 40-bit key, breakable in hours"),
  TLS_RSA_WITH_NULL_SHA(0x0002, "no encryption at all"),
  TLS_RSA_WITH_RC4_128_SHA(0x0005, "RC4, prohibited by RFC 7465; no forward secrecy"),
  TLS_RSA_WITH_3DES_EDE_CBC_SHA(0x000a, "3DES, 64-bit blocks (Sweet32); no forward secrecy"),
  TLS_RSA_WITH_AES_128_CBC_SHA(0x002f, "RSA key exchange: no forward secrecy; CBC and SHA-1"),
  TLS_RSA_WITH_AES_256_CBC_SHA(0x0035, "RSA key exchange: no forward secrecy; CBC and SHA-1"),
  TLS_RSA_WITH_AES_128_GCM_SHA256(0x009c, "RSA key exchange: no forward secrecy"),
  TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA(0xc013, "CBC with MAC-then-encrypt (Lucky 13) and SHA-1"),
  TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA(0xc009, "CBC with MAC-then-encrypt (Lucky 13) and SHA-1"),
  TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256(0xc02b, null),
  TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256(0xc02f, null),
  TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384(0xc02c, null),
  TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384(0xc030, null),
  TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256(0xcca9, null),
  TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256(0xcca8, null);

  private final int code;
  private final String weakness;

  CipherSuite(int code, String weakness) {
    this.code = code;
    this.weakness = weakness;
  }

  /** The two-byte number on the wire. */
  int code() {
    return code;
  }

  /** What is wrong with this suite; empty for a modern one (ECDHE, then an AEAD). */
  Optional<String> weakness() {
    return Optional.ofNullable(weakness);
  }

  /** The suite numbered {@code code}, if it is one of ours. */
  static Optional<CipherSuite> find(int code) {
    for (CipherSuite suite : values()) {
      if (suite.code == code) {
        return Optional.of(suite);
      }
    }
    return Optional.empty();
  }

  /** The IANA name of {@code code}, or its number in hex if it is not one of ours. */
  static String nameOf(int code) {
    return find(code).map(CipherSuite::name).orElse(String.format("0x%04x", code));
  }
}
