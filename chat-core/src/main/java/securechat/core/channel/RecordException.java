package securechat.core.channel;

import java.util.Objects;

/**
 * A protected record (a Fernet token, an envelope) that was refused: it could not be parsed, its
 * authentication failed, it came twice or out of order, or it is too old. The reason is for the
 * local log and the lab; the peer is never told which check failed (no padding or MAC oracle).
 */
public class RecordException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why a record was refused. */
  public enum Reason {
    /** Not a record at all: bad encoding, wrong version, too short. */
    MALFORMED,
    /** The authentication tag did not match: changed in transit, or another key. */
    TAMPERED,
    /** A record already accepted, sent again. */
    REPLAYED,
    /** A record from the future of the stream: one before it was dropped or held back. */
    OUT_OF_ORDER,
    /** Older than the time-to-live, or dated too far in the future. */
    EXPIRED
  }

  private final Reason reason;

  public RecordException(Reason reason, String sentence) {
    super(sentence);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public Reason reason() {
    return reason;
  }
}
