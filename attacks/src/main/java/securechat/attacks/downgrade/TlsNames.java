package securechat.attacks.downgrade;

/**
 * The protocol version numbers a downgrade probe sends, and their names and the alerts' as the
 * sniffer prints them (one table of TLS names for the whole lab: {@link
 * securechat.sniffer.dissect.TlsNames}).
 */
final class TlsNames {
  // ProtocolVersion: RFC 2246 (1.0), RFC 4346 (1.1), RFC 5246 (1.2), RFC 8446 (1.3).
  static final int TLS_1_0 = 0x0301;
  static final int TLS_1_1 = 0x0302;
  static final int TLS_1_2 = 0x0303;
  static final int TLS_1_3 = 0x0304;

  private TlsNames() {}

  /** {@code TLS 1.2} for 0x0303; hex for a number that is no version. */
  static String version(int version) {
    return securechat.sniffer.dissect.TlsNames.version(version);
  }

  /** {@code protocol_version(70)}: the name and the number, as Wireshark shows both. */
  static String alert(int description) {
    String name = securechat.sniffer.dissect.TlsNames.alert(description);
    return (name.startsWith("alert ") ? "alert" : name) + "(" + description + ")";
  }
}
