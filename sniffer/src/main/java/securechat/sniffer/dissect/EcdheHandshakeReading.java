package securechat.sniffer.dissect;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.XECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import securechat.core.terminal.TerminalText;
import securechat.sniffer.dissect.WireMessage.Flag;

/**
 * Reads the handshake lines of the ecdhe stage (docs/protocol.md, "The ecdhe handshake"): what each
 * shows an eavesdropper. Nothing in them is secret; the lesson is that the keys agreed from them
 * are anyway.
 */
final class EcdheHandshakeReading {
  /** How many bytes of a SHA-256 fingerprint are shown. */
  private static final int FINGERPRINT_BYTES = 8;

  private EcdheHandshakeReading() {}

  /** Returns the nonce of an {@code ECDHE-HELLO} line, if {@code rawLine} is one. */
  static Optional<byte[]> clientNonce(String rawLine) {
    String[] fields = rawLine.split(" ");
    if (fields.length != 4 || !fields[0].equals("ECDHE-HELLO")) {
      return Optional.empty();
    }
    return decode(fields[3]);
  }

  /** Reads one handshake line that is not part of a PEM block. */
  static Reading line(String rawLine) {
    // -1: keep empty fields, so that a line of spaces still has a first field.
    String[] fields = rawLine.split(" ", -1);
    String kind = fields[0];
    return switch (kind) {
      case "ECDHE-HELLO" -> fields(rawLine, fields, 4, "client nonce");
      case "ECDHE-SERVER" -> fields(rawLine, fields, 4, "salt");
      case "IDENTITY" -> identity(rawLine, fields);
      case "SIGNATURE" -> value(rawLine, fields, "signature present (Ed25519 over the transcript)");
      case "ECDHE-FINISHED" -> value(rawLine, fields, "key confirmation MAC");
      default -> malformed(rawLine, "not an ecdhe handshake line");
    };
  }

  /** Reads a PEM public key block, given the base64 lines between its BEGIN and END lines. */
  static Reading publicKey(String base64Body) {
    Optional<byte[]> der = decode(base64Body);
    if (der.isEmpty()) {
      return malformed("PEM public key", "the PEM body is not base64");
    }
    return describe(der.get())
        .map(
            name ->
                reading(
                    "PUBLIC KEY",
                    "ephemeral public key " + name + ", SHA-256 " + fingerprint(der.get())))
        .orElseGet(() -> malformed("PEM public key", "not an X25519, EC or Ed25519 public key"));
  }

  private static Reading fields(String rawLine, String[] fields, int count, String what) {
    if (fields.length != count) {
      return malformed(rawLine, "expected " + count + " fields");
    }
    Optional<byte[]> value = decode(fields[3]);
    if (value.isEmpty()) {
      return malformed(rawLine, "the " + what + " is not base64");
    }
    String summary =
        fields[0]
            + " version "
            + clean(fields[1])
            + ", curve "
            + clean(fields[2])
            + ", "
            + what
            + " "
            + value.get().length
            + " bytes "
            + shortHex(value.get());
    return reading(fields[0], summary);
  }

  private static Reading identity(String rawLine, String[] fields) {
    if (fields.length == 2 && fields[1].equals("none")) {
      return reading("IDENTITY", "IDENTITY none: the server is not authenticated, no SIGNATURE");
    }
    Optional<byte[]> key = fields.length == 3 ? decode(fields[2]) : Optional.empty();
    if (key.isEmpty()) {
      return malformed(rawLine, "expected IDENTITY ed25519 <key> or IDENTITY none");
    }
    return reading(
        "IDENTITY", "IDENTITY " + clean(fields[1]) + " key, SHA-256 " + fingerprint(key.get()));
  }

  private static Reading value(String rawLine, String[] fields, String what) {
    Optional<byte[]> value = fields.length == 2 ? decode(fields[1]) : Optional.empty();
    if (value.isEmpty()) {
      return malformed(rawLine, "expected " + fields[0] + " <base64>");
    }
    return reading(fields[0], fields[0] + ": " + what + ", " + value.get().length + " bytes");
  }

  /** Names the key in an SPKI DER encoding: X25519, EC P-384, Ed25519. */
  private static Optional<String> describe(byte[] der) {
    for (String algorithm : List.of("XDH", "EC", "Ed25519")) {
      try {
        PublicKey key =
            KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
        if (key instanceof XECPublicKey xec
            && xec.getParams() instanceof NamedParameterSpec named) {
          return Optional.of(named.getName());
        }
        if (key instanceof ECPublicKey ec) {
          return Optional.of("EC P-" + ec.getParams().getCurve().getField().getFieldSize());
        }
        return Optional.of(key.getAlgorithm());
      } catch (GeneralSecurityException | RuntimeException e) {
        continue; // not a key of this algorithm: try the next
      }
    }
    return Optional.empty();
  }

  static String fingerprint(byte[] bytes) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      return HexFormat.ofDelimiter(":").formatHex(digest, 0, FINGERPRINT_BYTES);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static String shortHex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes, 0, Math.min(bytes.length, 8))
        + (bytes.length > 8 ? "…" : "");
  }

  static Optional<byte[]> decode(String untrustedBase64) {
    try {
      return Optional.of(
          Base64.getDecoder().decode(untrustedBase64.getBytes(StandardCharsets.US_ASCII)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String clean(String untrusted) {
    return ChatLineReading.cut(TerminalText.sanitize(untrusted));
  }

  private static Reading reading(String kind, String summary) {
    return new Reading(kind, summary, List.of(), EnumSet.of(Flag.HANDSHAKE));
  }

  private static Reading malformed(String rawLine, String sentence) {
    return new Reading(
        "?", clean(rawLine), List.of(sentence), EnumSet.of(Flag.HANDSHAKE, Flag.MALFORMED));
  }
}
