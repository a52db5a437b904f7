package securechat.sniffer.dissect;

import java.util.Map;

/**
 * Names for the numbers in TLS messages, from the IANA TLS registries (RFC 8446 §4.2.7, §B.4, RFC
 * 8447). Only the values students meet are named; the rest print as hex. Public for the attack
 * lab's downgrade probes, which read the same numbers back.
 */
public final class TlsNames {
  private TlsNames() {}

  // RFC 8446 §5.1: ContentType.
  private static final Map<Integer, String> CONTENT_TYPES =
      Map.of(20, "change_cipher_spec", 21, "alert", 22, "handshake", 23, "application_data");

  // RFC 8446 §4: HandshakeType.
  private static final Map<Integer, String> HANDSHAKE_TYPES =
      Map.ofEntries(
          Map.entry(1, "ClientHello"),
          Map.entry(2, "ServerHello"),
          Map.entry(4, "NewSessionTicket"),
          Map.entry(8, "EncryptedExtensions"),
          Map.entry(11, "Certificate"),
          Map.entry(12, "ServerKeyExchange"),
          Map.entry(13, "CertificateRequest"),
          Map.entry(14, "ServerHelloDone"),
          Map.entry(15, "CertificateVerify"),
          Map.entry(16, "ClientKeyExchange"),
          Map.entry(20, "Finished"));

  private static final Map<Integer, String> VERSIONS =
      Map.of(
          0x0300, "SSL 3.0", 0x0301, "TLS 1.0", 0x0302, "TLS 1.1", 0x0303, "TLS 1.2", 0x0304,
          "TLS 1.3");

  // RFC 8446 §4.2.7: NamedGroup; 0x11ec from draft-kwiatkowski-tls-ecdhe-mlkem.
  private static final Map<Integer, String> GROUPS =
      Map.ofEntries(
          Map.entry(23, "secp256r1"),
          Map.entry(24, "secp384r1"),
          Map.entry(25, "secp521r1"),
          Map.entry(29, "x25519"),
          Map.entry(30, "x448"),
          Map.entry(256, "ffdhe2048"),
          Map.entry(257, "ffdhe3072"),
          Map.entry(258, "ffdhe4096"),
          Map.entry(259, "ffdhe6144"),
          Map.entry(260, "ffdhe8192"),
          Map.entry(0x11ec, "X25519MLKEM768"));

  // RFC 8446 §B.4: the TLS 1.3 cipher suites.
  private static final Map<Integer, String> CIPHER_SUITES =
      Map.of(
          0x1301, "TLS_AES_128_GCM_SHA256",
          0x1302, "TLS_AES_256_GCM_SHA384",
          0x1303, "TLS_CHACHA20_POLY1305_SHA256",
          0x1304, "TLS_AES_128_CCM_SHA256",
          0x1305, "TLS_AES_128_CCM_8_SHA256",
          0x00ff, "TLS_EMPTY_RENEGOTIATION_INFO_SCSV");

  // RFC 8446 §6: AlertDescription, the common ones.
  private static final Map<Integer, String> ALERTS =
      Map.ofEntries(
          Map.entry(0, "close_notify"),
          Map.entry(10, "unexpected_message"),
          Map.entry(20, "bad_record_mac"),
          Map.entry(40, "handshake_failure"),
          Map.entry(42, "bad_certificate"),
          Map.entry(46, "certificate_unknown"),
          Map.entry(47, "illegal_parameter"),
          Map.entry(48, "unknown_ca"),
          Map.entry(50, "decode_error"),
          Map.entry(51, "decrypt_error"),
          Map.entry(70, "protocol_version"),
          Map.entry(71, "insufficient_security"),
          Map.entry(80, "internal_error"),
          Map.entry(86, "inappropriate_fallback"), // RFC 7507
          Map.entry(109, "missing_extension"),
          Map.entry(112, "unrecognized_name"),
          Map.entry(116, "certificate_required"),
          Map.entry(120, "no_application_protocol"));

  static String contentType(int type) {
    return CONTENT_TYPES.getOrDefault(type, "unknown content type " + type);
  }

  static String handshakeType(int type) {
    return HANDSHAKE_TYPES.getOrDefault(type, "handshake type " + type);
  }

  /** {@code TLS 1.2} for 0x0303; hex for a number that is no version. */
  public static String version(int version) {
    return VERSIONS.getOrDefault(version, hex(version));
  }

  static String group(int group) {
    return GROUPS.getOrDefault(group, hex(group));
  }

  static String cipherSuite(int suite) {
    return CIPHER_SUITES.getOrDefault(suite, hex(suite));
  }

  /** {@code protocol_version} for 70; {@code alert N} for a number without a name. */
  public static String alert(int description) {
    return ALERTS.getOrDefault(description, "alert " + description);
  }

  static String hex(int value) {
    return String.format("0x%04x", value);
  }
}
