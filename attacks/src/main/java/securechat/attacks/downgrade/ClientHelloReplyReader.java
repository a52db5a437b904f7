package securechat.attacks.downgrade;

import java.io.IOException;
import java.io.InputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import securechat.attacks.downgrade.ClientHelloReply.Alert;
import securechat.attacks.downgrade.ClientHelloReply.NoAnswer;
import securechat.attacks.downgrade.ClientHelloReply.NotTls;
import securechat.attacks.downgrade.ClientHelloReply.ServerHello;

/**
 * Reads a server's first answer to a {@link ClientHello} from untrusted bytes: the first TLS
 * record, and if it is a handshake, the ServerHello it starts (gathered across records if the
 * server split it). Reads nothing past the ServerHello: the certificate and the rest of the
 * server's flight do not change the decision.
 */
final class ClientHelloReplyReader {
  // RFC 5246 §6.2.1 ContentType; §7.4 HandshakeType server_hello.
  private static final int ALERT = 21;
  private static final int SERVER_HELLO = 2;

  // RFC 5246 §6.2.3: a record's fragment is at most 2^14 + 2048 bytes (compressed or protected).
  private static final int MAX_FRAGMENT_BYTES = (1 << 14) + 2048;

  // A ServerHello is under 200 bytes; a longer first message is not worth gathering.
  private static final int MAX_HANDSHAKE_BYTES = 1 << 16;

  // RFC 8446 §4.2.1: the extension in which a TLS 1.3 server states the version it chose.
  private static final int SUPPORTED_VERSIONS = 43;

  // RFC 8446 §4.1.3: "DOWNGRD", then 01 (the server negotiated TLS 1.2) or 00 (older).
  private static final byte[] DOWNGRADE_PREFIX = {0x44, 0x4f, 0x57, 0x4e, 0x47, 0x52, 0x44};

  private ClientHelloReplyReader() {}

  /** Reads the reply; a stream that ends before any byte is a {@link NoAnswer}. */
  static ClientHelloReply read(InputStream untrustedIn) throws IOException {
    byte[] header = untrustedIn.readNBytes(5);
    if (header.length == 0) {
      return new NoAnswer("the server closed the connection without a word");
    }
    if (header.length < 5 || !looksLikeRecord(header)) {
      return new NotTls("its first bytes are not a TLS record: " + shown(header));
    }
    if (length(header) > MAX_FRAGMENT_BYTES) {
      return new NotTls(
          "the first record claims " + length(header) + " bytes; TLS allows " + MAX_FRAGMENT_BYTES);
    }
    int type = header[0] & 0xff;
    byte[] fragment = fragment(untrustedIn, header);
    if (fragment == null) {
      return new NotTls("the first record ends before its " + length(header) + " bytes");
    }
    if (type == ALERT) {
      return fragment.length < 2
          ? new NotTls("an alert record of " + fragment.length + " bytes")
          : new Alert(fragment[0] & 0xff, fragment[1] & 0xff);
    }
    if (type != ClientHello.HANDSHAKE) {
      return new NotTls("the first record has content type " + type + ", not handshake or alert");
    }
    return handshake(untrustedIn, fragment);
  }

  /** Gathers the first handshake message (RFC 5246 §6.2.1 allows splitting it across records). */
  private static ClientHelloReply handshake(InputStream untrustedIn, byte[] first)
      throws IOException {
    byte[] message = first;
    while (message.length < 4 || message.length < 4 + length24(message)) {
      if (message.length >= 4 && length24(message) > MAX_HANDSHAKE_BYTES) {
        return new NotTls("the first handshake message claims " + length24(message) + " bytes");
      }
      byte[] header = untrustedIn.readNBytes(5);
      byte[] fragment = header.length == 5 ? fragment(untrustedIn, header) : null;
      if (fragment == null || header[0] != ClientHello.HANDSHAKE) {
        return new NotTls("the server's first handshake message is cut short");
      }
      message = ClientHello.concat(message, fragment);
    }
    if ((message[0] & 0xff) != SERVER_HELLO) {
      return new NotTls("the first handshake message has type " + (message[0] & 0xff));
    }
    try {
      return serverHello(ByteBuffer.wrap(message, 4, length24(message)));
    } catch (BufferUnderflowException e) {
      return new NotTls("the ServerHello is shorter than its fields");
    }
  }

  /** RFC 5246 §7.4.1.3 ServerHello, and RFC 8446 §4.1.3 for the TLS 1.3 additions. */
  private static ServerHello serverHello(ByteBuffer body) {
    int version = u16(body);
    byte[] random = take(body, 32);
    take(body, u8(body)); // session_id
    int cipherSuite = u16(body);
    u8(body); // compression_method
    if (body.hasRemaining()) {
      ByteBuffer extensions = ByteBuffer.wrap(take(body, u16(body)));
      while (extensions.hasRemaining()) {
        int type = u16(extensions);
        ByteBuffer data = ByteBuffer.wrap(take(extensions, u16(extensions)));
        if (type == SUPPORTED_VERSIONS) {
          version = u16(data);
        }
      }
    }
    byte[] tail = Arrays.copyOfRange(random, 24, 31);
    return new ServerHello(version, cipherSuite, Arrays.equals(tail, DOWNGRADE_PREFIX));
  }

  private static boolean looksLikeRecord(byte[] header) {
    int type = header[0] & 0xff;
    return type >= 20 && type <= 23 && header[1] == 3; // RFC 5246 §6.2.1: major version 3
  }

  /** The record's fragment, or null if the stream ends first or the length is impossible. */
  private static byte[] fragment(InputStream in, byte[] header) throws IOException {
    int length = length(header);
    if (length > MAX_FRAGMENT_BYTES) {
      return null;
    }
    byte[] fragment = in.readNBytes(length);
    return fragment.length == length ? fragment : null;
  }

  private static int length(byte[] header) {
    return ((header[3] & 0xff) << 8) | (header[4] & 0xff);
  }

  private static int length24(byte[] handshake) {
    return ((handshake[1] & 0xff) << 16) | ((handshake[2] & 0xff) << 8) | (handshake[3] & 0xff);
  }

  private static int u8(ByteBuffer buffer) {
    return buffer.get() & 0xff;
  }

  private static int u16(ByteBuffer buffer) {
    return buffer.getShort() & 0xffff;
  }

  private static byte[] take(ByteBuffer buffer, int count) {
    if (count > buffer.remaining()) {
      throw new BufferUnderflowException();
    }
    byte[] bytes = new byte[count];
    buffer.get(bytes);
    return bytes;
  }

  /** Up to 8 bytes in hex with their printable ASCII, e.g. {@code 57 45 4c 43 ('WELC')}. */
  private static String shown(byte[] untrusted) {
    byte[] head = Arrays.copyOf(untrusted, Math.min(8, untrusted.length));
    StringBuilder ascii = new StringBuilder();
    for (byte b : head) {
      ascii.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
    }
    return HexFormat.ofDelimiter(" ").formatHex(head) + " ('" + ascii + "')";
  }
}
