package securechat.e2e;

import static securechat.e2e.EnvelopeException.Reason.BAD_SIGNATURE;
import static securechat.e2e.EnvelopeException.Reason.MALFORMED;
import static securechat.e2e.EnvelopeException.Reason.TAMPERED;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SignatureException;
import java.time.Instant;
import java.util.Objects;
import securechat.core.protocol.ProtocolException;
import securechat.core.protocol.Username;

/**
 * One end-to-end message: a payload sealed to its recipient with HPKE (RFC 9180, base mode) and
 * signed by its sender with Ed25519. It travels as the text of a whisper, so the server routes it
 * like any other and cannot open it:
 *
 * <pre>
 *   E2E1 AEAD SENDER RECIPIENT COUNTER TIME-MS ENC CIPHERTEXT SIGNATURE
 *   E2E1 aes128gcm alice bob 7 1764000000000 nQ2f...= 8kq1...= T0p4...=
 * </pre>
 *
 * <p>The header (AEAD, sender, recipient, counter, time) is HPKE's associated data, so it cannot be
 * changed without the ciphertext failing to open; the signature covers the header, ENC and the
 * ciphertext, so only the holder of the sender's identity key can have made the envelope. The
 * recipient checks the signature against the sender's key <b>from the directory</b>: the envelope
 * carries no key of its own (seed 004 trusted the key in the package, and so trusted anyone).
 *
 * <p><b>Protects:</b> the content from the server and the network (each envelope has its own HPKE
 * key), the sender's authorship, the header's integrity. With {@link ContactBook}'s counters:
 * replays. <b>Does not protect:</b> the metadata in the header and its size; forward secrecy
 * against theft of the recipient's long-term key (HPKE base mode to a static key: whoever later
 * steals that key opens every recorded envelope); a server that lies about keys (safety numbers).
 */
public record Envelope(
    Hpke.Aead aead,
    Username sender,
    Username recipient,
    long counter,
    Instant time,
    byte[] enc,
    byte[] ciphertext,
    byte[] signature) {
  static final String PREFIX = "E2E1 ";
  static final byte[] INFO = "securechat-lab e2e v1".getBytes(StandardCharsets.UTF_8);
  static final String HEADER_LABEL = "securechat-lab e2e envelope v1";
  static final String SIGNATURE_LABEL = "securechat-lab e2e envelope signature v1";

  public Envelope {
    Objects.requireNonNull(aead, "aead");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(time, "time");
    enc = enc.clone();
    ciphertext = ciphertext.clone();
    signature = signature.clone();
  }

  /** Seals {@code payload} to {@code recipientKeys} and signs the result as {@code sender}. */
  public static Envelope seal(
      IdentityKeys senderKeys,
      Username sender,
      Username recipient,
      PublicIdentity recipientKeys,
      long counter,
      Instant time,
      Hpke.Aead aead,
      Payload payload) {
    return sealPlaintext(
        senderKeys, sender, recipient, recipientKeys, counter, time, aead, payload.encode());
  }

  /**
   * {@link #seal} of any plaintext, even one that is no {@link Payload}: what a hostile sender with
   * a valid identity can send (the fuzz tests send such envelopes).
   */
  static Envelope sealPlaintext(
      IdentityKeys senderKeys,
      Username sender,
      Username recipient,
      PublicIdentity recipientKeys,
      long counter,
      Instant time,
      Hpke.Aead aead,
      byte[] plaintext) {
    byte[] header = header(aead, sender, recipient, counter, time);
    Hpke.Sealed sealed = Hpke.seal(aead, recipientKeys.encryptionKey(), INFO, header, plaintext);
    byte[] signature = senderKeys.sign(signatureInput(header, sealed.enc(), sealed.ciphertext()));
    return new Envelope(
        aead, sender, recipient, counter, time, sealed.enc(), sealed.ciphertext(), signature);
  }

  /**
   * Checks the signature against the sender's directory keys, then opens the payload (protocol,
   * "e2e envelopes"). The signature covers the signing input of the header (the same bytes that are
   * HPKE's associated data), ENC and the ciphertext, built as {@link #seal} builds them. It is
   * checked first, and only against {@code senderDirectoryKeys}: HPKE base mode proves nothing
   * about who sealed, since anyone can seal to a public key.
   *
   * @param recipientKeys our own identity, whose X25519 key the payload was sealed to
   * @param senderDirectoryKeys the sender's keys from the server-signed directory
   * @throws EnvelopeException BAD_SIGNATURE if the signature does not verify ({@link
   *     Ed25519#verify}); TAMPERED if the ciphertext does not open ({@link IdentityKeys#open}, with
   *     {@link #INFO}); MALFORMED if what opens is no {@link Payload}; each with a sentence
   */
  public Payload open(IdentityKeys recipientKeys, PublicIdentity senderDirectoryKeys)
      throws EnvelopeException {
    // BEGIN SOLUTION
    byte[] header = header(aead, sender, recipient, counter, time);
    try {
      Ed25519.verify(
          senderDirectoryKeys.signingKey(), signatureInput(header, enc, ciphertext), signature);
    } catch (SignatureException e) {
      throw new EnvelopeException(
          BAD_SIGNATURE,
          "its signature does not verify against " + sender + "'s key in the directory");
    }
    try {
      return Payload.decode(recipientKeys.open(aead, enc, INFO, header, ciphertext));
    } catch (GeneralSecurityException e) {
      throw new EnvelopeException(TAMPERED, "its ciphertext does not open: changed in transit");
    } catch (IllegalArgumentException e) {
      throw new EnvelopeException(MALFORMED, e.getMessage());
    }
    // END SOLUTION
  }

  /** The HPKE associated data: the label and every header field, length-prefixed. */
  private static byte[] header(
      Hpke.Aead aead, Username sender, Username recipient, long counter, Instant time) {
    return SigningInput.labelled(HEADER_LABEL)
        .field(aead.wireName())
        .field(sender.value())
        .field(recipient.value())
        .field(Long.toString(counter))
        .field(Long.toString(time.toEpochMilli()))
        .toBytes();
  }

  private static byte[] signatureInput(byte[] header, byte[] enc, byte[] ciphertext) {
    return SigningInput.labelled(SIGNATURE_LABEL)
        .field(header)
        .field(enc)
        .field(ciphertext)
        .toBytes();
  }

  /** True if a whisper's text is an envelope (it may still be a malformed one). */
  public static boolean isEnvelope(String text) {
    return text.startsWith(PREFIX);
  }

  /** The envelope as the text of a whisper. */
  public String encode() {
    return PREFIX
        + String.join(
            " ",
            aead.wireName(),
            sender.value(),
            recipient.value(),
            Long.toString(counter),
            Long.toString(time.toEpochMilli()),
            Base64Text.encode(enc),
            Base64Text.encode(ciphertext),
            Base64Text.encode(signature));
  }

  /**
   * Reads an envelope from a whisper's text; checks its form only.
   *
   * @throws EnvelopeException MALFORMED, with a sentence
   */
  public static Envelope parse(String untrustedText) throws EnvelopeException {
    String[] fields = untrustedText.split(" ", -1);
    if (fields.length != 9 || !fields[0].equals(PREFIX.strip())) {
      throw new EnvelopeException(MALFORMED, "it is not 'E2E1' and 8 fields");
    }
    try {
      Hpke.Aead aead =
          Hpke.Aead.find(fields[1]).orElseThrow(() -> new IllegalArgumentException("unknown AEAD"));
      long counter = canonicalNumber(fields[4], "the counter");
      Instant time = Instant.ofEpochMilli(canonicalNumber(fields[5], "the time"));
      return new Envelope(
          aead,
          Username.parse(fields[2]),
          Username.parse(fields[3]),
          counter,
          time,
          Base64Text.decode(fields[6], "ENC"),
          Base64Text.decode(fields[7], "the ciphertext"),
          Base64Text.decode(fields[8], "the signature"));
    } catch (ProtocolException e) {
      throw new EnvelopeException(MALFORMED, "a name in it is invalid: " + e.sentence());
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      throw new EnvelopeException(MALFORMED, "a field is invalid: " + e.getMessage());
    }
  }

  /**
   * A number written the one way {@link #encode} writes it: "7", never "07" or "+7", so that a
   * relay cannot change an envelope's text without changing what it says.
   */
  static long canonicalNumber(String untrusted, String what) {
    try {
      long value = Long.parseLong(untrusted);
      if (value >= 0 && Long.toString(value).equals(untrusted)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(what + " is not a plain decimal number");
  }

  @Override
  public byte[] enc() {
    return enc.clone();
  }

  @Override
  public byte[] ciphertext() {
    return ciphertext.clone();
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Envelope e && e.encode().equals(encode());
  }

  @Override
  public int hashCode() {
    return encode().hashCode();
  }

  @Override
  public String toString() {
    return "Envelope["
        + sender
        + " -> "
        + recipient
        + " #"
        + counter
        + ", "
        + ciphertext.length
        + " bytes]";
  }
}
