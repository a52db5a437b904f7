package securechat.attacks.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * How an attacker cuts a stream of bytes into records, knowing only the wire format: into lines
 * (the plain stage, the ecdhe stage's handshake and tokens, e2e over {@code --transport plain}) or
 * into TLS records (the tls stage, e2e over its default transport).
 *
 * <p>Reading never changes a byte: the records of a stream, concatenated, are the stream.
 */
public enum RecordFraming {
  /** One record per line, its {@code \n} included. */
  LINES,
  /** One record per TLS record, its 5-byte header included ({@link TlsRecord}). */
  TLS_RECORDS;

  /**
   * The longest line read as one record. The chat's longest line, a Fernet token carrying 64 KiB,
   * is far shorter; a longer run of bytes without {@code \n} is passed on in pieces of this size.
   */
  static final int MAX_LINE_BYTES = 1 << 20;

  /**
   * The next record from {@code in} (which should be buffered); what there was if the stream ends
   * in the middle of one; null at the end of the stream.
   */
  public byte[] read(InputStream in) throws IOException {
    return switch (this) {
      case LINES -> readLine(in);
      case TLS_RECORDS -> TlsRecord.read(in);
    };
  }

  /** What one record is called in the narration. */
  public String recordName() {
    return switch (this) {
      case LINES -> "line";
      case TLS_RECORDS -> "TLS record";
    };
  }

  private static byte[] readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    while (line.size() < MAX_LINE_BYTES) {
      int next = in.read();
      if (next == -1) {
        break;
      }
      line.write(next);
      if (next == '\n') {
        return line.toByteArray();
      }
    }
    return line.size() == 0 ? null : line.toByteArray();
  }
}
