package securechat.attacks.tamper;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.function.UnaryOperator;
import securechat.attacks.wire.TlsRecord;
import securechat.attacks.wire.WireFormat;

/**
 * Flips one bit of alice's message record, where the stage's wire format keeps the bytes that
 * matter: in the line itself (plain), in the TLS record (tls), inside the Fernet token, decoded and
 * encoded again (ecdhe), or inside one field of the envelope (e2e).
 *
 * <p>Bits count from 0: bit N is the bit of value {@code 1 << (N % 8)} in byte {@code N / 8}.
 */
final class BitFlip implements UnaryOperator<byte[]> {
  /** {@code '1'} (0x31) and {@code '9'} (0x39) differ in one bit: bit 3, of value 8. */
  private static final int ONE_TO_NINE_BIT = 3;

  /** Fernet spec, Token Format: version (1 byte) and timestamp (8) come before the IV. */
  private static final int FERNET_IV_OFFSET = 9;

  /** The ecdhe stage's plaintext starts with an 8-byte sequence number. */
  private static final int SEQUENCE_BYTES = 8;

  /** An e2e whisper's plaintext: {@code whisper\nTEXT} ({@code docs/protocol.md}). */
  private static final String WHISPER_PLAINTEXT = "whisper\n";

  private final WireFormat format;
  private final EnvelopePart part;
  private final int bit;

  BitFlip(WireFormat format, EnvelopePart part, int bit) {
    this.format = Objects.requireNonNull(format, "format");
    this.part = Objects.requireNonNull(part, "part");
    this.bit = bit;
  }

  /**
   * The flip that would turn the first {@code 1} of {@code text} into a {@code 9} in the plaintext:
   * at the same position in a plain line; in a TLS 1.3 record too, after its header, because its
   * AEAD (AES-GCM or ChaCha20-Poly1305) encrypts like a stream cipher; for Fernet's AES-CBC, at the
   * same position one block earlier (or in the IV), because CBC decryption XORs each block with the
   * ciphertext before it; in the envelope's HPKE ciphertext (a stream cipher again). For the
   * signature: its first bit.
   */
  static int defaultBit(WireFormat format, EnvelopePart part, String text) {
    int digit = Math.max(0, text.indexOf('1'));
    int inLine = WireFormat.WHISPER_TO_BOB.length() + digit;
    int offset =
        switch (format) {
          case PLAIN_LINES -> inLine;
          case TLS_RECORDS -> TlsRecord.HEADER_BYTES + inLine;
          case FERNET_TOKENS -> FERNET_IV_OFFSET + SEQUENCE_BYTES + inLine;
          case ENVELOPE_LINES ->
              part == EnvelopePart.SIGNATURE ? -1 : WHISPER_PLAINTEXT.length() + digit;
        };
    return offset < 0 ? 0 : offset * 8 + ONE_TO_NINE_BIT;
  }

  @Override
  public byte[] apply(byte[] record) {
    return switch (format) {
      case PLAIN_LINES, TLS_RECORDS -> flipped(record, bit);
      case FERNET_TOKENS -> inToken(record);
      case ENVELOPE_LINES -> inEnvelope(record);
    };
  }

  /** Where the flip lands, in words: {@code bit 411 (byte 51, value 8) of the decoded token}. */
  String describe() {
    String where =
        switch (format) {
          case PLAIN_LINES -> "of the line";
          case TLS_RECORDS -> "of the TLS record";
          case FERNET_TOKENS -> "of the token, decoded";
          case ENVELOPE_LINES -> "of the envelope's " + part.word() + ", decoded";
        };
    return "bit " + bit + " (byte " + bit / 8 + ", value " + (1 << bit % 8) + ") " + where;
  }

  private byte[] inToken(byte[] line) {
    String token = new String(line, StandardCharsets.US_ASCII).strip();
    byte[] changed = flipped(Base64.getUrlDecoder().decode(token), bit);
    return (Base64.getUrlEncoder().encodeToString(changed) + "\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  private byte[] inEnvelope(byte[] line) {
    String[] fields = new String(line, StandardCharsets.UTF_8).strip().split(" ", -1);
    if (fields.length != EnvelopePart.LINE_FIELDS) {
      throw new IllegalArgumentException("the line does not carry an envelope");
    }
    byte[] value = Base64.getDecoder().decode(fields[part.field()]);
    fields[part.field()] = Base64.getEncoder().encodeToString(flipped(value, bit));
    return (String.join(" ", fields) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /** {@code bytes} with bit {@code bit} flipped. */
  static byte[] flipped(byte[] bytes, int bit) {
    if (bit < 0 || bit >= bytes.length * 8) {
      throw new IllegalArgumentException(
          "bit " + bit + " is outside its " + bytes.length * 8 + " bits");
    }
    byte[] copy = bytes.clone();
    copy[bit / 8] ^= (byte) (1 << bit % 8);
    return copy;
  }
}
