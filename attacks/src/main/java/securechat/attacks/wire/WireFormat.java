package securechat.attacks.wire;

/**
 * How each stage's records look to an attacker on the wire, and how the attacker finds the record
 * that carries alice's first message once she has logged in: by reading it where the lines are
 * clear, by counting where they are not. Public knowledge ({@code docs/protocol.md}, RFC 8446), not
 * our code.
 */
public enum WireFormat {
  /** The plain stage: the chat lines themselves. */
  PLAIN_LINES,
  /** The tls stage: TLS 1.3 records, everything after the ServerHello encrypted. */
  TLS_RECORDS,
  /** The ecdhe stage: a readable handshake, then one Fernet token (base64url) per line. */
  FERNET_TOKENS,
  /** The e2e stage over {@code --transport plain}: chat lines, each message an envelope. */
  ENVELOPE_LINES;

  /** A Fernet token's first byte is its version, 0x80, and its time's top bytes are zero. */
  static final String FERNET_TOKEN_START = "gAAAAA";

  /** The prefix of alice's whisper to bob, as her client writes it. */
  public static final String WHISPER_TO_BOB = "/whisper bob ";

  /** How records are cut. */
  public RecordFraming framing() {
    return this == TLS_RECORDS ? RecordFraming.TLS_RECORDS : RecordFraming.LINES;
  }

  /**
   * A fresh picker for alice's first message after her {@code /register} line, which must be the
   * first chat line she sends.
   */
  public RecordPicker messagePicker() {
    return switch (this) {
      case PLAIN_LINES, ENVELOPE_LINES ->
          new RecordPicker(
              1,
              RecordPicker.lineStartingWith(WHISPER_TO_BOB),
              "alice's first line starting '" + WHISPER_TO_BOB.strip() + "'");
      case TLS_RECORDS ->
          new RecordPicker(3, TlsRecord::isApplicationData, "alice's 3rd application_data record");
      case FERNET_TOKENS ->
          new RecordPicker(
              2, RecordPicker.lineStartingWith(FERNET_TOKEN_START), "alice's 2nd Fernet token");
    };
  }

  /** One sentence for the narration: how the attacker knows which record is the message. */
  public String howFound() {
    return switch (this) {
      case PLAIN_LINES ->
          "the lines cross in clear, so the relay reads them and picks alice's /whisper line";
      case TLS_RECORDS ->
          "the relay cannot read TLS records but can count them: in TLS 1.3 alice's first"
              + " encrypted record is her Finished, the second carries her /register line, the"
              + " third her first message";
      case FERNET_TOKENS ->
          "after the readable handshake every line from alice is a Fernet token (gAAAAA...): the"
              + " first carries her /register line, the second her first message";
      case ENVELOPE_LINES ->
          "with --transport plain the lines cross in clear, so the relay picks alice's /whisper"
              + " line; the server will only see the envelope inside it, and so will the relay";
    };
  }
}
