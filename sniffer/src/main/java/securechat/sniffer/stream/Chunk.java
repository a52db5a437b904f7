package securechat.sniffer.stream;

import java.time.Instant;
import java.util.Objects;

/**
 * A contiguous piece of one direction's byte stream as reassembly delivered it.
 *
 * @param direction which way the bytes travelled
 * @param offset where the piece starts in {@link TcpStream#bytes(Direction)}: delivered bytes are
 *     counted, the bytes of a {@link Gap} are not
 * @param bytes the payload bytes, untrusted
 * @param firstFrame the capture frame that carried the first of these bytes
 * @param time when that frame was captured
 */
public record Chunk(Direction direction, long offset, byte[] bytes, long firstFrame, Instant time) {
  public Chunk {
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(time, "time");
  }

  /** Returns the offset just after this chunk's last byte. */
  public long end() {
    return offset + bytes.length;
  }
}
