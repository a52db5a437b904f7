package securechat.attacks.wire;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * What an attacker on the wire can read of TLS without any key: the record layer. Every TLS record
 * starts with a 5-byte header in clear (RFC 8446 §5.1): content type, legacy version, length; then
 * {@code length} bytes of body. In TLS 1.3 everything after the ServerHello travels as {@code
 * application_data} (type 23) whatever it really is (§5.2): the client's Finished, then every chat
 * line, each in a record of its own.
 *
 * <pre>
 *   17 03 03 00 3a  | 58 bytes: encrypted inner plaintext (line, real type) + 16-byte tag
 *   type ver  len
 * </pre>
 */
public final class TlsRecord {
  /** Bytes of the clear header: type (1), legacy version (2), length (2). */
  public static final int HEADER_BYTES = 5;

  public static final int CHANGE_CIPHER_SPEC = 20;
  public static final int ALERT = 21;
  public static final int HANDSHAKE = 22;
  public static final int APPLICATION_DATA = 23;

  private TlsRecord() {}

  /**
   * The next whole record from {@code in}, header included; what there was if the stream ends in
   * the middle of one; null at the end of the stream. The length field is 16 bits, so a record is
   * at most 65,540 bytes, whatever a peer claims.
   */
  static byte[] read(InputStream in) throws IOException {
    byte[] header = in.readNBytes(HEADER_BYTES);
    if (header.length < HEADER_BYTES) {
      return header.length == 0 ? null : header;
    }
    int length = (header[3] & 0xFF) << 8 | header[4] & 0xFF;
    byte[] body = in.readNBytes(length);
    byte[] record = Arrays.copyOf(header, HEADER_BYTES + body.length);
    System.arraycopy(body, 0, record, HEADER_BYTES, body.length);
    return record;
  }

  /** True for a whole header whose type is {@code application_data}. */
  public static boolean isApplicationData(byte[] record) {
    return record.length >= HEADER_BYTES && (record[0] & 0xFF) == APPLICATION_DATA;
  }

  /** The record's content type as RFC 8446 names it, or its number if it has no name here. */
  public static String typeName(byte[] record) {
    if (record.length == 0) {
      return "empty";
    }
    int type = record[0] & 0xFF;
    return switch (type) {
      case CHANGE_CIPHER_SPEC -> "change_cipher_spec";
      case ALERT -> "alert";
      case HANDSHAKE -> "handshake";
      case APPLICATION_DATA -> "application_data";
      default -> "type " + type;
    };
  }
}
