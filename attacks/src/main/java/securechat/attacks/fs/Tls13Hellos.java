package securechat.attacks.fs;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a passive attacker reads in clear from a recorded TLS 1.3 connection: the ClientHello and
 * ServerHello (RFC 8446 §4.1.2, §4.1.3) with their key shares (§4.2.8), the cipher suite, and the
 * server's first encrypted record, which is its EncryptedExtensions. Nothing after the ServerHello
 * is in clear.
 *
 * @param clientHello the ClientHello handshake message, 4-byte header included
 * @param serverHello the ServerHello handshake message, 4-byte header included
 * @param cipherSuite the suite the server chose, e.g. {@code 0x1302} (TLS_AES_256_GCM_SHA384)
 * @param clientShares the client's key shares by named group ({@code 0x001d} x25519, {@code 0x0017}
 *     secp256r1)
 * @param serverGroup the named group the server chose
 * @param serverShare the server's key share in that group
 * @param firstServerRecord the server's first application_data record, header included
 */
record Tls13Hellos(
    byte[] clientHello,
    byte[] serverHello,
    int cipherSuite,
    Map<Integer, byte[]> clientShares,
    int serverGroup,
    byte[] serverShare,
    byte[] firstServerRecord) {
  static final int HANDSHAKE = 22;
  static final int APPLICATION_DATA = 23;
  private static final int RECORD_HEADER_BYTES = 5;
  private static final int KEY_SHARE = 51;
  private static final int SUPPORTED_VERSIONS = 43;

  /** RFC 8446 §4.1.3: a ServerHello with this random is a HelloRetryRequest. */
  private static final byte[] HELLO_RETRY_REQUEST =
      HexFormat.of().parseHex("cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c");

  /** The names of the groups the lab's peers use, for people. */
  static String groupName(int group) {
    return switch (group) {
      case 0x001d -> "x25519";
      case 0x0017 -> "secp256r1";
      case 0x0018 -> "secp384r1";
      default -> String.format("group 0x%04x", group);
    };
  }

  /** A connection that is not a TLS 1.3 handshake this attack can follow, with the reason. */
  static final class NotTls13Exception extends Exception {
    private static final long serialVersionUID = 1L;

    NotTls13Exception(String sentence) {
      super(sentence);
    }
  }

  /**
   * Reads the hellos and the first encrypted server record from the two directions of a recorded
   * connection.
   *
   * @throws NotTls13Exception if the bytes are not a full TLS 1.3 handshake (another protocol, a
   *     HelloRetryRequest, a recording cut short)
   */
  static Tls13Hellos read(byte[] untrustedUp, byte[] untrustedDown) throws NotTls13Exception {
    try {
      byte[] clientHello = firstHandshakeMessage(untrustedUp, 1, "ClientHello");
      byte[] serverHello = firstHandshakeMessage(untrustedDown, 2, "ServerHello");
      Map<Integer, byte[]> clientShares = clientShares(clientHello);
      ByteBuffer server = ByteBuffer.wrap(serverHello, 4, serverHello.length - 4);
      server.getShort(); // legacy_version
      byte[] random = bytes(server, 32);
      if (Arrays.equals(random, HELLO_RETRY_REQUEST)) {
        throw new NotTls13Exception(
            "the server asked for a second ClientHello (HelloRetryRequest)");
      }
      bytes(server, server.get() & 0xff); // legacy_session_id_echo
      int cipherSuite = server.getShort() & 0xffff;
      server.get(); // legacy_compression_method
      Map<Integer, byte[]> extensions = extensions(server);
      if (!extensions.containsKey(SUPPORTED_VERSIONS) || !extensions.containsKey(KEY_SHARE)) {
        throw new NotTls13Exception("the ServerHello is not TLS 1.3's: no key_share");
      }
      ByteBuffer share = ByteBuffer.wrap(extensions.get(KEY_SHARE));
      int group = share.getShort() & 0xffff;
      byte[] serverShare = bytes(share, share.getShort() & 0xffff);
      return new Tls13Hellos(
          clientHello,
          serverHello,
          cipherSuite,
          clientShares,
          group,
          serverShare,
          firstRecord(untrustedDown, APPLICATION_DATA));
    } catch (BufferUnderflowException | IllegalArgumentException e) {
      throw new NotTls13Exception("the handshake is cut short or malformed");
    }
  }

  /** The first handshake message of one direction, which may span several records. */
  private static byte[] firstHandshakeMessage(byte[] direction, int type, String name)
      throws NotTls13Exception {
    ByteArrayOutputStream handshake = new ByteArrayOutputStream();
    ByteBuffer records = ByteBuffer.wrap(direction);
    while (records.remaining() >= RECORD_HEADER_BYTES
        && (records.get(records.position()) & 0xff) == HANDSHAKE) {
      records.position(records.position() + 3);
      handshake.writeBytes(bytes(records, records.getShort() & 0xffff));
    }
    byte[] stream = handshake.toByteArray();
    if (stream.length < 4 || stream[0] != type) {
      throw new NotTls13Exception("the connection does not start with a TLS " + name);
    }
    int length = ByteBuffer.wrap(stream).getInt() & 0xffffff;
    return Arrays.copyOf(stream, 4 + length);
  }

  private static Map<Integer, byte[]> clientShares(byte[] clientHello) throws NotTls13Exception {
    ByteBuffer hello = ByteBuffer.wrap(clientHello, 4, clientHello.length - 4);
    hello.getShort(); // legacy_version
    bytes(hello, 32); // random
    bytes(hello, hello.get() & 0xff); // legacy_session_id
    bytes(hello, hello.getShort() & 0xffff); // cipher_suites
    bytes(hello, hello.get() & 0xff); // legacy_compression_methods
    byte[] keyShare = extensions(hello).get(KEY_SHARE);
    if (keyShare == null) {
      throw new NotTls13Exception("the ClientHello offers no key_share: not TLS 1.3");
    }
    ByteBuffer shares = ByteBuffer.wrap(keyShare);
    ByteBuffer list = ByteBuffer.wrap(bytes(shares, shares.getShort() & 0xffff));
    Map<Integer, byte[]> byGroup = new LinkedHashMap<>();
    while (list.hasRemaining()) {
      int group = list.getShort() & 0xffff;
      byGroup.put(group, bytes(list, list.getShort() & 0xffff));
    }
    return byGroup;
  }

  private static Map<Integer, byte[]> extensions(ByteBuffer message) {
    ByteBuffer all = ByteBuffer.wrap(bytes(message, message.getShort() & 0xffff));
    Map<Integer, byte[]> byType = new LinkedHashMap<>();
    while (all.hasRemaining()) {
      int type = all.getShort() & 0xffff;
      byType.put(type, bytes(all, all.getShort() & 0xffff));
    }
    return byType;
  }

  /** The first record of {@code type} in one direction, header included. */
  private static byte[] firstRecord(byte[] direction, int type) throws NotTls13Exception {
    ByteBuffer records = ByteBuffer.wrap(direction);
    while (records.remaining() >= RECORD_HEADER_BYTES) {
      int start = records.position();
      int recordType = records.get() & 0xff;
      records.getShort();
      int length = records.getShort() & 0xffff;
      bytes(records, length);
      if (recordType == type) {
        return Arrays.copyOfRange(direction, start, start + RECORD_HEADER_BYTES + length);
      }
    }
    throw new NotTls13Exception("the server sent no encrypted record");
  }

  private static byte[] bytes(ByteBuffer buffer, int length) {
    byte[] bytes = new byte[length];
    buffer.get(bytes);
    return bytes;
  }

  @Override
  public String toString() {
    return "Tls13Hellos[suite "
        + String.format("0x%04x", cipherSuite)
        + ", server chose "
        + groupName(serverGroup)
        + "]";
  }
}
