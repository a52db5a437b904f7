package securechat.sniffer.stream;

import java.util.Objects;

/**
 * Bytes of one direction that the capture never saw (a segment lost before libpcap got it, or held
 * back too long), so reassembly skipped them.
 *
 * @param direction which way the missing bytes travelled
 * @param offset where they belong in {@link TcpStream#bytes(Direction)}, which does not contain
 *     them: the delivered bytes before the gap end here and those after it start here
 * @param lengthBytes how many bytes are missing, known from the next sequence number seen
 */
public record Gap(Direction direction, long offset, long lengthBytes) {
  public Gap {
    Objects.requireNonNull(direction, "direction");
    if (lengthBytes <= 0) {
      throw new IllegalArgumentException("a gap must be at least 1 byte, not " + lengthBytes);
    }
  }
}
