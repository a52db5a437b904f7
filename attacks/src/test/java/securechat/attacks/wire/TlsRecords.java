package securechat.attacks.wire;

import java.io.ByteArrayOutputStream;

/** Made-up TLS records for tests: a real header, a body of recognisable bytes. */
final class TlsRecords {
  private TlsRecords() {}

  /** A record of {@code type} with a {@code bodyBytes}-byte body whose bytes count up. */
  static byte[] record(int type, int bodyBytes) {
    byte[] record = new byte[TlsRecord.HEADER_BYTES + bodyBytes];
    record[0] = (byte) type;
    record[1] = 3;
    record[2] = 3;
    record[3] = (byte) (bodyBytes >> 8);
    record[4] = (byte) bodyBytes;
    for (int i = 0; i < bodyBytes; i++) {
      record[TlsRecord.HEADER_BYTES + i] = (byte) (type + i);
    }
    return record;
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      all.writeBytes(part);
    }
    return all.toByteArray();
  }
}
