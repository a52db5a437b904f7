package securechat.core.channel;

/**
 * Protects one line at a time: {@link #seal} turns a line's bytes into a record (one line of text,
 * so the framer can carry it), {@link #open} checks a record and gives the line back. A sealer does
 * no I/O; its only state is its own (keys, sequence numbers, replay window), and its clock is given
 * to it, so that vectors with fixed times replay exactly.
 *
 * <p>One sealer serves one direction of one connection: the sending side calls {@code seal} in the
 * order the records are written; the receiving side calls {@code open} in the order they are read.
 */
public interface RecordSealer {

  /** The record carrying {@code line} (the line's UTF-8 bytes, without {@code \n}). */
  String seal(byte[] line);

  /**
   * The line inside {@code record}, once it proved authentic, fresh and in order.
   *
   * @throws RecordException if it is malformed, tampered with, replayed, out of order or expired
   */
  byte[] open(String record) throws RecordException;

  /**
   * Says that the record with the next sequence number was thrown away unopened (it was too long to
   * read), so the one after it is not taken for a reordering.
   */
  void skipOne();
}
