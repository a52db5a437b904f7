package securechat.sniffer.dissect;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import securechat.core.terminal.TerminalText;

/**
 * Reads the two handshake messages TLS 1.3 sends in clear, ClientHello and ServerHello (RFC 8446
 * §4.1.2, §4.1.3), and lists what they show an eavesdropper: the server's name (SNI), the versions,
 * the key-exchange groups and the cipher suites.
 */
final class TlsHelloReader {
  // RFC 8446 §4.1.3: a ServerHello with this random is a HelloRetryRequest.
  private static final String HELLO_RETRY_RANDOM =
      "cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c";

  private static final int SERVER_NAME = 0;
  private static final int SUPPORTED_GROUPS = 10;
  private static final int ALPN = 16;
  private static final int SUPPORTED_VERSIONS = 43;
  private static final int KEY_SHARE = 51;

  /** What one hello message showed: a summary and one detail line per field. */
  record Hello(String summary, List<String> details) {}

  private TlsHelloReader() {}

  static Hello clientHello(ByteReader body) throws MalformedBytesException {
    List<String> details = new ArrayList<>();
    details.add("legacy_version: " + TlsNames.version(body.u16()));
    body.skip(32, "the random");
    body.vector8("the session id");
    ByteReader suites = body.vector16("the cipher suites");
    List<String> suiteNames = new ArrayList<>();
    while (suites.remaining() >= 2) {
      suiteNames.add(TlsNames.cipherSuite(suites.u16()));
    }
    details.add("cipher_suites: " + String.join(", ", suiteNames));
    body.vector8("the compression methods");
    List<String> extensions = extensions(body, true, details);
    return new Hello("ClientHello " + String.join(", ", extensions), details);
  }

  static Hello serverHello(ByteReader body) throws MalformedBytesException {
    List<String> details = new ArrayList<>();
    details.add("legacy_version: " + TlsNames.version(body.u16()));
    boolean retry =
        HexFormat.of().formatHex(body.bytes(32, "the random")).equals(HELLO_RETRY_RANDOM);
    body.vector8("the session id");
    String suite = TlsNames.cipherSuite(body.u16());
    details.add("cipher_suite: " + suite);
    body.u8();
    List<String> extensions = extensions(body, false, details);
    extensions.add(0, suite);
    String name = retry ? "HelloRetryRequest " : "ServerHello ";
    return new Hello(name + String.join(", ", extensions), details);
  }

  /** Reads the extensions block; returns the summary's parts and adds a detail per extension. */
  private static List<String> extensions(ByteReader body, boolean client, List<String> details)
      throws MalformedBytesException {
    List<String> parts = new ArrayList<>();
    if (body.remaining() == 0) {
      return parts;
    }
    ByteReader all = body.vector16("the extensions");
    while (all.remaining() > 0) {
      int type = all.u16();
      ByteReader data = all.vector16("extension " + type);
      String shown = extension(type, data, client);
      if (shown != null) {
        parts.add(shown);
        details.add(shown);
      } else {
        details.add("extension " + type);
      }
    }
    return parts;
  }

  /** Returns the printable reading of one extension, or null for one not shown here. */
  private static String extension(int type, ByteReader data, boolean client)
      throws MalformedBytesException {
    return switch (type) {
      case SERVER_NAME -> "SNI " + serverName(data);
      case SUPPORTED_VERSIONS -> "versions " + versions(data, client);
      case KEY_SHARE -> "key share " + keyShares(data, client);
      case SUPPORTED_GROUPS -> "groups " + groups(data.vector16("the groups"));
      case ALPN -> "ALPN " + protocols(data.vector16("the protocols"));
      default -> null;
    };
  }

  private static String serverName(ByteReader data) throws MalformedBytesException {
    ByteReader list = data.vector16("the server name list");
    List<String> names = new ArrayList<>();
    while (list.remaining() > 0) {
      int nameType = list.u8();
      ByteReader name = list.vector16("a server name");
      byte[] untrustedName = name.bytes(name.remaining(), "a server name");
      names.add(nameType == 0 ? text(untrustedName) : "name type " + nameType);
    }
    return String.join(", ", names);
  }

  private static String text(byte[] untrusted) {
    return TerminalText.sanitize(new String(untrusted, StandardCharsets.UTF_8));
  }

  private static String versions(ByteReader data, boolean client) throws MalformedBytesException {
    if (!client) {
      return TlsNames.version(data.u16());
    }
    ByteReader list = data.vector8("the versions");
    List<String> names = new ArrayList<>();
    while (list.remaining() >= 2) {
      names.add(TlsNames.version(list.u16()));
    }
    return String.join(" ", names);
  }

  private static String keyShares(ByteReader data, boolean client) throws MalformedBytesException {
    if (!client) {
      int group = data.u16();
      if (data.remaining() == 0) {
        return TlsNames.group(group) + " requested"; // HelloRetryRequest: the group only
      }
      return TlsNames.group(group) + " (" + data.vector16("the key").remaining() + " bytes)";
    }
    ByteReader list = data.vector16("the key shares");
    List<String> shares = new ArrayList<>();
    while (list.remaining() > 0) {
      int group = list.u16();
      shares.add(TlsNames.group(group) + " (" + list.vector16("a key").remaining() + " bytes)");
    }
    return String.join(" ", shares);
  }

  private static String groups(ByteReader list) throws MalformedBytesException {
    List<String> names = new ArrayList<>();
    while (list.remaining() >= 2) {
      names.add(TlsNames.group(list.u16()));
    }
    return String.join(" ", names);
  }

  private static String protocols(ByteReader list) throws MalformedBytesException {
    List<String> names = new ArrayList<>();
    while (list.remaining() > 0) {
      ByteReader name = list.vector8("a protocol name");
      names.add(text(name.bytes(name.remaining(), "a protocol name")));
    }
    return String.join(" ", names);
  }
}
