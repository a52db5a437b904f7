package securechat.ecdhe;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import securechat.core.channel.RecordException;
import securechat.core.channel.RecordSealer;

/**
 * Seals each chat line of one direction as one Fernet token whose plaintext starts with a 64-bit
 * sequence number: {@code seq (8 bytes, big-endian) || line}.
 *
 * <p><b>Protects:</b> on top of Fernet's confidentiality and integrity, the order of the stream: a
 * token sent again (replayed), one removed (dropped: the next one arrives early) or two swapped
 * (reordered) are refused, because each side counts. Each direction has its own key (see {@link
 * SessionKeys}), so a token cannot be reflected back to its sender either.
 *
 * <p><b>Does not protect:</b> the length of each line, or the timing; a connection cut short (the
 * attacker can always stop the stream, and {@code BYE} tells a clean end from a cut).
 */
final class FernetSealer implements RecordSealer {
  private static final int SEQUENCE_BYTES = Long.BYTES;

  private final Fernet fernet;
  private final Clock clock;
  private final Optional<Duration> ttl;
  private long nextSequence;

  FernetSealer(Fernet fernet, Clock clock, Optional<Duration> ttl) {
    this.fernet = fernet;
    this.clock = clock;
    this.ttl = ttl;
  }

  @Override
  public String seal(byte[] line) {
    ByteBuffer plaintext = ByteBuffer.allocate(SEQUENCE_BYTES + line.length);
    plaintext.putLong(nextSequence++).put(line);
    return fernet.encrypt(plaintext.array(), clock.instant());
  }

  @Override
  public byte[] open(String record) throws RecordException {
    byte[] plaintext = fernet.decrypt(record, clock.instant(), ttl);
    if (plaintext.length < SEQUENCE_BYTES) {
      throw new RecordException(RecordException.Reason.MALFORMED, "token has no sequence number");
    }
    ByteBuffer buffer = ByteBuffer.wrap(plaintext);
    long sequence = buffer.getLong();
    if (sequence < nextSequence) {
      throw new RecordException(
          RecordException.Reason.REPLAYED,
          "token number " + sequence + " came again; expected number " + nextSequence);
    }
    if (sequence > nextSequence) {
      throw new RecordException(
          RecordException.Reason.OUT_OF_ORDER,
          "token number " + sequence + " came before number " + nextSequence);
    }
    nextSequence++;
    byte[] line = new byte[buffer.remaining()];
    buffer.get(line);
    return line;
  }

  @Override
  public void skipOne() {
    nextSequence++;
  }

  /** The longest token line that can carry a line of {@code maxLineBytes}. */
  static int maxRecordBytes(int maxLineBytes) {
    int plaintext = SEQUENCE_BYTES + maxLineBytes;
    int ciphertext = (plaintext / 16 + 1) * 16; // PKCS#7 always adds 1-16 bytes
    int token = 1 + 8 + 16 + ciphertext + 32; // Fernet spec, Token Format
    return (token + 2) / 3 * 4; // base64url with padding
  }
}
