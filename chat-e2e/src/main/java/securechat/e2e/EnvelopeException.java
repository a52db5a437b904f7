package securechat.e2e;

/**
 * An envelope the recipient refuses, with the reason. The sentence is for the recipient's own
 * screen: the sender and the server learn nothing of it.
 */
public final class EnvelopeException extends Exception {
  /** Why an envelope was refused. */
  public enum Reason {
    /** Not an envelope at all, or a field out of range. */
    MALFORMED,
    /** Addressed to someone else. */
    WRONG_RECIPIENT,
    /** Its sender field names someone other than the user the server delivered it from. */
    WRONG_SENDER,
    /** No verified directory entry for its sender. */
    UNKNOWN_SENDER,
    /** The signature does not verify against the sender's directory key. */
    BAD_SIGNATURE,
    /** The ciphertext does not open (changed, or not sealed to us). */
    TAMPERED,
    /** Its counter is not above the last one accepted from that sender. */
    REPLAYED
  }

  private final Reason reason;

  public EnvelopeException(Reason reason, String sentence) {
    super(sentence);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
