package securechat.attacks.downgrade;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A ClientHello of TLS 1.2 or older, built byte by byte: the first message of a client that knows
 * no TLS 1.3, which is what a man in the middle who forces a downgrade shows the server. It carries
 * no {@code supported_versions} extension, so its {@code client_version} is the newest version it
 * speaks (RFC 8446 §4.2.1: without that extension, a TLS 1.3 server must negotiate 1.2 or older).
 *
 * <p>No keys are involved: the server's decision (a ServerHello naming a version and a suite, or an
 * alert) is the first thing it sends back, in clear.
 *
 * <pre>{@code
 * ClientHello hello = ClientHello.offering(TlsNames.TLS_1_2,
 *     List.of(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA), "localhost");
 * socket.getOutputStream().write(hello.toRecord());
 * }</pre>
 */
final class ClientHello {
  // RFC 5246 §6.2.1 and §7.4: the record and handshake types.
  static final int HANDSHAKE = 22;
  static final int CLIENT_HELLO = 1;

  // RFC 8446 §5.1: an initial ClientHello's record says 0x0301 whatever the hello offers, so that
  // old servers and middleboxes do not drop it.
  static final int RECORD_VERSION = TlsNames.TLS_1_0;

  // Extension numbers: RFC 6066 §3, RFC 8422 §5.1.1 and §5.1.2, RFC 5246 §7.4.1.4.1.
  static final int SERVER_NAME = 0;
  static final int SUPPORTED_GROUPS = 10;
  static final int EC_POINT_FORMATS = 11;
  static final int SIGNATURE_ALGORITHMS = 13;

  // RFC 8422 §5.1.1 / RFC 8446 §4.2.7: x25519, secp256r1, secp384r1.
  private static final int[] GROUPS = {29, 23, 24};

  // RFC 8446 §4.2.3 SignatureScheme, newest first; the last two are TLS 1.2's SHA-1 pairs.
  private static final int[] SIGNATURE_SCHEMES = {
    0x0403, 0x0804, 0x0401, 0x0503, 0x0805, 0x0501, 0x0807, 0x0201, 0x0203
  };

  private static final SecureRandom RANDOM = new SecureRandom();

  private final int clientVersion;
  private final List<CipherSuite> suites;
  private final String serverName;
  private final byte[] random;

  /**
   * @param clientVersion the newest version offered: {@link TlsNames#TLS_1_2} or older
   * @param random the 32 bytes of {@code Random}: fixed in tests, fresh otherwise
   */
  ClientHello(int clientVersion, List<CipherSuite> suites, String serverName, byte[] random) {
    if (clientVersion > TlsNames.TLS_1_2 || clientVersion < TlsNames.TLS_1_0) {
      throw new IllegalArgumentException(
          "a downgrade probe offers TLS 1.0 to 1.2, not " + TlsNames.version(clientVersion));
    }
    if (suites.isEmpty() || random.length != 32) {
      throw new IllegalArgumentException("a ClientHello needs suites and a 32-byte random");
    }
    this.clientVersion = clientVersion;
    this.suites = List.copyOf(suites);
    this.serverName = Objects.requireNonNull(serverName, "serverName");
    this.random = random.clone();
  }

  /** A hello with a fresh random. */
  static ClientHello offering(int clientVersion, List<CipherSuite> suites, String serverName) {
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    return new ClientHello(clientVersion, suites, serverName, random);
  }

  int clientVersion() {
    return clientVersion;
  }

  List<CipherSuite> suites() {
    return suites;
  }

  /** {@code a TLS 1.2 ClientHello offering TLS_RSA_WITH_AES_128_CBC_SHA, ...}, for the narrator. */
  String describe() {
    return "a "
        + TlsNames.version(clientVersion)
        + " ClientHello offering "
        + suites.stream().map(CipherSuite::name).collect(Collectors.joining(", "));
  }

  /** The whole record, ready for the socket: record header, handshake header, hello. */
  byte[] toRecord() {
    byte[] hello = body();
    // RFC 5246 §7.4: Handshake = msg_type, uint24 length, body.
    byte[] handshake = concat(u8(CLIENT_HELLO), u24(hello.length), hello);
    // RFC 5246 §6.2.1: TLSPlaintext = type, version, uint16 length, fragment.
    return concat(u8(HANDSHAKE), u16(RECORD_VERSION), u16(handshake.length), handshake);
  }

  /** RFC 5246 §7.4.1.2: the ClientHello structure, field by field. */
  private byte[] body() {
    List<byte[]> suiteCodes = new ArrayList<>();
    suites.forEach(suite -> suiteCodes.add(u16(suite.code())));
    return concat(
        u16(clientVersion),
        random,
        vector8(), // session_id: empty, this is a new session
        vector16(concat(suiteCodes.toArray(byte[][]::new))),
        vector8(u8(0)), // compression_methods: null only (RFC 7457 §2.6, CRIME)
        vector16(extensions()));
  }

  private byte[] extensions() {
    List<byte[]> extensions = new ArrayList<>();
    // RFC 6066 §3: ServerNameList of one host_name(0) entry.
    byte[] hostName = serverName.getBytes(StandardCharsets.US_ASCII);
    extensions.add(extension(SERVER_NAME, vector16(u8(0), vector16(hostName))));
    extensions.add(extension(SUPPORTED_GROUPS, vector16(u16s(GROUPS))));
    // RFC 8422 §5.1.2: uncompressed(0) points only.
    extensions.add(extension(EC_POINT_FORMATS, vector8(u8(0))));
    if (clientVersion == TlsNames.TLS_1_2) {
      // RFC 5246 §7.4.1.4.1: clients offering older versions must not send this extension.
      extensions.add(extension(SIGNATURE_ALGORITHMS, vector16(u16s(SIGNATURE_SCHEMES))));
    }
    return concat(extensions.toArray(byte[][]::new));
  }

  private static byte[] extension(int type, byte[] data) {
    return concat(u16(type), vector16(data));
  }

  private static byte[] u16s(int[] values) {
    byte[][] encoded = new byte[values.length][];
    for (int i = 0; i < values.length; i++) {
      encoded[i] = u16(values[i]);
    }
    return concat(encoded);
  }

  // RFC 5246 §4: numbers are big-endian; a vector is its length (in 1, 2 or 3 bytes), then data.
  static byte[] u8(int value) {
    return new byte[] {(byte) value};
  }

  static byte[] u16(int value) {
    return new byte[] {(byte) (value >> 8), (byte) value};
  }

  static byte[] u24(int value) {
    return new byte[] {(byte) (value >> 16), (byte) (value >> 8), (byte) value};
  }

  static byte[] vector8(byte[]... parts) {
    byte[] data = concat(parts);
    return concat(u8(data.length), data);
  }

  static byte[] vector16(byte[]... parts) {
    byte[] data = concat(parts);
    return concat(u16(data.length), data);
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
