package securechat.attacks.downgrade;

import java.util.Map;

/**
 * Names for the version and alert numbers a downgrade probe sends and reads back, from the IANA TLS
 * registries. Numbers without a name here print as hex or as a plain number.
 */
final class TlsNames {
  // ProtocolVersion: RFC 2246 (1.0), RFC 4346 (1.1), RFC 5246 (1.2), RFC 8446 (1.3).
  static final int TLS_1_0 = 0x0301;
  static final int TLS_1_1 = 0x0302;
  static final int TLS_1_2 = 0x0303;
  static final int TLS_1_3 = 0x0304;

  private static final Map<Integer, String> VERSIONS =
      Map.of(
          0x0300, "SSL 3.0", TLS_1_0, "TLS 1.0", TLS_1_1, "TLS 1.1", TLS_1_2, "TLS 1.2", TLS_1_3,
          "TLS 1.3");

  // RFC 5246 §7.2 and RFC 8446 §6: AlertDescription; 86 is RFC 7507's inappropriate_fallback.
  private static final Map<Integer, String> ALERTS =
      Map.ofEntries(
          Map.entry(0, "close_notify"),
          Map.entry(10, "unexpected_message"),
          Map.entry(20, "bad_record_mac"),
          Map.entry(40, "handshake_failure"),
          Map.entry(47, "illegal_parameter"),
          Map.entry(50, "decode_error"),
          Map.entry(70, "protocol_version"),
          Map.entry(71, "insufficient_security"),
          Map.entry(80, "internal_error"),
          Map.entry(86, "inappropriate_fallback"),
          Map.entry(109, "missing_extension"),
          Map.entry(112, "unrecognized_name"));

  private TlsNames() {}

  /** {@code TLS 1.2} for 0x0303; hex for a number that is no version. */
  static String version(int version) {
    return VERSIONS.getOrDefault(version, String.format("0x%04x", version));
  }

  /** {@code protocol_version(70)}: the name and the number, as Wireshark shows both. */
  static String alert(int description) {
    return ALERTS.getOrDefault(description, "alert") + "(" + description + ")";
  }
}
