package securechat.attacks.tamper;

/**
 * Which field of an e2e envelope the tamper attack flips a bit in. The envelope travels inside
 * alice's line {@code /whisper bob E2E1 AEAD SENDER RECIPIENT COUNTER TIME-MS ENC CIPHERTEXT SIG}
 * ({@code docs/protocol.md}, "e2e envelopes"), its binary fields in standard Base64.
 */
public enum EnvelopePart {
  /** The HPKE ciphertext: the AEAD tag and the signature both cover it. */
  CIPHERTEXT(9),
  /** The sender's Ed25519 signature. */
  SIGNATURE(10);

  /** The number of fields in alice's whisper line when it carries an envelope. */
  static final int LINE_FIELDS = 11;

  private final int field;

  EnvelopePart(int field) {
    this.field = field;
  }

  /** The part's position among the line's space-separated fields, counted from 0. */
  int field() {
    return field;
  }

  /** The word used on the command line and in the narration. */
  String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
