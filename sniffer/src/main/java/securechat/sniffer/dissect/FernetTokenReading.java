package securechat.sniffer.dissect;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import securechat.core.channel.RecordException;
import securechat.ecdhe.Fernet;
import securechat.sniffer.dissect.WireMessage.Flag;
import securechat.sniffer.stream.Direction;

/**
 * Reads one Fernet token line of the ecdhe stage: the fields the Fernet specification leaves in
 * clear (version, timestamp, IV, lengths, HMAC) and, with the session's key, the chat line inside.
 *
 * <pre>
 * Fernet spec, Token Format: Version (1) ‖ Timestamp (8) ‖ IV (16) ‖ Ciphertext (16·n) ‖ HMAC (32)
 * ecdhe plaintext:           sequence number (8, big-endian) ‖ the line's UTF-8 bytes
 * </pre>
 */
final class FernetTokenReading {
  private static final int VERSION = 0x80;
  private static final int OVERHEAD_BYTES = 1 + 8 + 16 + 32;
  private static final int SEQUENCE_BYTES = 8;
  private static final long LAST_SECOND = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

  /** A token that decrypted: its sequence number and the line inside, untrusted. */
  record Opened(long sequence, byte[] untrustedLine) {}

  private FernetTokenReading() {}

  /** Reads {@code rawLine} as a token; decrypts it with {@code key} if one is given. */
  static Reading read(String rawLine, Direction direction, Optional<Fernet> key) {
    Optional<byte[]> token = decode(rawLine);
    if (token.isEmpty()) {
      return new Reading(
          "?",
          ChatLineReading.cut(securechat.core.terminal.TerminalText.sanitize(rawLine)),
          List.of("not a Fernet token"),
          EnumSet.of(Flag.MALFORMED));
    }
    List<String> details = fields(token.get());
    Optional<Opened> opened = key.flatMap(fernet -> open(fernet, rawLine, token.get()));
    if (opened.isEmpty()) {
      int ciphertextBytes = token.get().length - OVERHEAD_BYTES;
      if (key.isPresent()) {
        details.add("does not decrypt with the logged key");
      }
      return new Reading(
          "Fernet token",
          "Fernet token, " + ciphertextBytes + " bytes of ciphertext",
          details,
          EnumSet.of(Flag.OPAQUE));
    }
    String line = new String(opened.get().untrustedLine(), StandardCharsets.UTF_8);
    ChatLineReading inner = ChatLineReading.of(line, direction);
    Set<Flag> flags = EnumSet.of(Flag.DECRYPTED);
    flags.addAll(inner.flags());
    return new Reading(
        inner.kind(), "seq " + opened.get().sequence() + ": " + inner.summary(), details, flags);
  }

  /** Decrypts {@code rawLine} with {@code key}, if it is a token that key made. */
  static Optional<Opened> open(Fernet key, String rawLine) {
    return decode(rawLine).flatMap(token -> open(key, rawLine, token));
  }

  private static Optional<Opened> open(Fernet key, String rawLine, byte[] token) {
    // Fernet refuses tokens dated more than 60 s after "now"; the token's own time always passes.
    long seconds = ByteBuffer.wrap(token, 1, 8).getLong();
    Instant now = Instant.ofEpochSecond(Math.clamp(seconds, 0, LAST_SECOND));
    try {
      byte[] plaintext = key.decrypt(rawLine, now, Optional.empty());
      if (plaintext.length < SEQUENCE_BYTES) {
        return Optional.empty();
      }
      long sequence = ByteBuffer.wrap(plaintext).getLong();
      byte[] line = java.util.Arrays.copyOfRange(plaintext, SEQUENCE_BYTES, plaintext.length);
      return Optional.of(new Opened(sequence, line));
    } catch (RecordException | IllegalArgumentException e) {
      return Optional.empty(); // tampered, or made with another key: it stays opaque
    }
  }

  /** Returns the token's bytes if it has the Fernet layout; empty otherwise. */
  private static Optional<byte[]> decode(String rawLine) {
    byte[] token;
    try {
      token = Base64.getUrlDecoder().decode(rawLine.getBytes(StandardCharsets.US_ASCII));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int ciphertextBytes = token.length - OVERHEAD_BYTES;
    boolean layout = ciphertextBytes >= 16 && ciphertextBytes % 16 == 0;
    return layout && (token[0] & 0xff) == VERSION ? Optional.of(token) : Optional.empty();
  }

  private static List<String> fields(byte[] token) {
    HexFormat hex = HexFormat.of();
    long seconds = ByteBuffer.wrap(token, 1, 8).getLong();
    List<String> details = new ArrayList<>();
    details.add("version: 0x" + hex.toHexDigits((byte) token[0]));
    details.add("timestamp: " + timestamp(seconds));
    details.add("IV: " + hex.formatHex(token, 9, 25));
    details.add("ciphertext: " + (token.length - OVERHEAD_BYTES) + " bytes");
    details.add("HMAC: " + hex.formatHex(token, token.length - 32, token.length - 24) + "…");
    return details;
  }

  private static String timestamp(long seconds) {
    try {
      return Instant.ofEpochSecond(seconds).toString();
    } catch (java.time.DateTimeException e) {
      return seconds + " seconds (out of range)";
    }
  }
}
