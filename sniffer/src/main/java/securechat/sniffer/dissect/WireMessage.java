package securechat.sniffer.dissect;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import securechat.sniffer.stream.Direction;

/**
 * One thing seen on the wire, as a dissector understood it: a chat line, a TLS record, a Fernet
 * token. Its summary and details are sanitised and safe to print.
 *
 * @param stream the {@code TcpStream} index
 * @param direction which way it travelled
 * @param offset where it starts in the direction's delivered bytes
 * @param length how many bytes it takes on the wire
 * @param frame the capture frame that carried its first byte
 * @param time when that frame was captured
 * @param kind what it is, in the protocol's words: {@code /login}, {@code MSG}, {@code
 *     ClientHello}, {@code Fernet token}
 * @param summary one printable line
 * @param details further printable lines, possibly none
 * @param flags what it reveals or hides
 */
public record WireMessage(
    int stream,
    Direction direction,
    long offset,
    int length,
    long frame,
    Instant time,
    String kind,
    String summary,
    List<String> details,
    Set<Flag> flags) {

  /** What a message reveals to an eavesdropper, or why it does not. */
  public enum Flag {
    /** A password is readable. */
    PASSWORD,
    /** Chat text someone wrote is readable. */
    MESSAGE,
    /** A file's content is readable. */
    FILE,
    /** User names are readable (who is online, who talks to whom). */
    NAME,
    /** Part of a handshake. */
    HANDSHAKE,
    /** Encrypted: only its length and timing show. */
    OPAQUE,
    /** Readable only because a key log decrypted it. */
    DECRYPTED,
    /** Not what the protocol allows: truncated, cut by a gap, or garbage. */
    MALFORMED
  }

  public WireMessage {
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(summary, "summary");
    details = List.copyOf(details);
    flags = flags.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(flags));
  }

  /** Returns whether this message carries {@code flag}. */
  public boolean has(Flag flag) {
    return flags.contains(flag);
  }
}
