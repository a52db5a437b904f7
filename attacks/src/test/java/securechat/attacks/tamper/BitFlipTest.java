package securechat.attacks.tamper;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import securechat.attacks.wire.TlsRecord;
import securechat.attacks.wire.WireFormat;

class BitFlipTest {
  private static final String LINE = WireFormat.WHISPER_TO_BOB + TamperCommand.MESSAGE;
  private static final SecretKeySpec KEY = new SecretKeySpec(new byte[16], "AES");
  private static final byte[] IV = new byte[16];

  @Test
  void flippedChangesExactlyOneBitAndRefusesBitsOutsideTheRecord() {
    byte[] bytes = new byte[4];

    assertThat(BitFlip.flipped(bytes, 0)).containsExactly(1, 0, 0, 0);
    assertThat(BitFlip.flipped(bytes, 31)).containsExactly(0, 0, 0, (byte) 0x80);
    assertThat(bytes).containsOnly(0);
    assertThatThrownBy(() -> BitFlip.flipped(bytes, 32))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bit 32 is outside its 32 bits");
  }

  @Test
  void thePlainDefaultTurnsOneHundredIntoNineHundred() {
    BitFlip flip = defaultFlip(WireFormat.PLAIN_LINES, EnvelopePart.CIPHERTEXT);

    assertThat(new String(flip.apply((LINE + "\n").getBytes(US_ASCII)), US_ASCII))
        .isEqualTo("/whisper bob transfer 900 euros to alice\n");
  }

  @Test
  void theTlsDefaultLandsOnTheSamePlaintextBitUnderAStreamCipher() throws Exception {
    byte[] ciphertext = crypt("AES/CTR/NoPadding", Cipher.ENCRYPT_MODE, LINE.getBytes(US_ASCII));
    byte[] record = new byte[TlsRecord.HEADER_BYTES + ciphertext.length];
    record[0] = TlsRecord.APPLICATION_DATA;
    System.arraycopy(ciphertext, 0, record, TlsRecord.HEADER_BYTES, ciphertext.length);

    byte[] changed = defaultFlip(WireFormat.TLS_RECORDS, EnvelopePart.CIPHERTEXT).apply(record);
    byte[] body = Arrays.copyOfRange(changed, TlsRecord.HEADER_BYTES, changed.length);

    assertThat(new String(crypt("AES/CTR/NoPadding", Cipher.DECRYPT_MODE, body), US_ASCII))
        .isEqualTo("/whisper bob transfer 900 euros to alice");
  }

  @Test
  void theFernetDefaultWouldTurnOneIntoNineIfNoHmacWereChecked() throws Exception {
    byte[] plaintext =
        ByteBuffer.allocate(8 + LINE.length()).putLong(1).put(LINE.getBytes(US_ASCII)).array();
    byte[] ciphertext = crypt("AES/CBC/PKCS5Padding", Cipher.ENCRYPT_MODE, plaintext);
    ByteBuffer token = ByteBuffer.allocate(1 + 8 + 16 + ciphertext.length + 32);
    token.put((byte) 0x80).putLong(1_764_000_000L).put(IV).put(ciphertext);
    String line = Base64.getUrlEncoder().encodeToString(token.array()) + "\n";

    byte[] changed =
        defaultFlip(WireFormat.FERNET_TOKENS, EnvelopePart.CIPHERTEXT)
            .apply(line.getBytes(US_ASCII));
    byte[] decoded = Base64.getUrlDecoder().decode(new String(changed, US_ASCII).strip());
    byte[] opened = cbcOpen(decoded);

    assertThat(new String(changed, US_ASCII)).endsWith("\n");
    assertThat(new String(opened, 8, opened.length - 8, US_ASCII)).endsWith("900 euros to alice");
  }

  @Test
  void anEnvelopeFlipChangesOnlyTheChosenField() {
    String envelope =
        "/whisper bob E2E1 aes128gcm alice bob 1 1764000000000 "
            + b64(new byte[32])
            + " "
            + b64(new byte[45])
            + " "
            + b64(new byte[64]);

    for (EnvelopePart part : EnvelopePart.values()) {
      String[] before = envelope.split(" ");
      String[] after =
          new String(
                  new BitFlip(WireFormat.ENVELOPE_LINES, part, 0)
                      .apply((envelope + "\n").getBytes(UTF_8)),
                  UTF_8)
              .strip()
              .split(" ");
      for (int field = 0; field < before.length; field++) {
        if (field == part.field()) {
          assertThat(Base64.getDecoder().decode(after[field])[0]).isEqualTo((byte) 1);
        } else {
          assertThat(after[field]).isEqualTo(before[field]);
        }
      }
    }
  }

  @Test
  void theEnvelopeDefaultHitsTheDigitInsideTheWhisperPlaintext() {
    int bit =
        BitFlip.defaultBit(
            WireFormat.ENVELOPE_LINES, EnvelopePart.CIPHERTEXT, TamperCommand.MESSAGE);
    byte[] payload = ("whisper\n" + TamperCommand.MESSAGE).getBytes(UTF_8);

    assertThat(new String(BitFlip.flipped(payload, bit), UTF_8))
        .isEqualTo("whisper\ntransfer 900 euros to alice");
    assertThat(BitFlip.defaultBit(WireFormat.ENVELOPE_LINES, EnvelopePart.SIGNATURE, "x")).isZero();
  }

  @Test
  void aLineWithoutAnEnvelopeIsRefusedWithASentence() {
    BitFlip flip = new BitFlip(WireFormat.ENVELOPE_LINES, EnvelopePart.CIPHERTEXT, 0);

    assertThatThrownBy(() -> flip.apply("/whisper bob hello\n".getBytes(UTF_8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the line does not carry an envelope");
  }

  @Test
  void theDescriptionSaysWhichByteAndWhere() {
    assertThat(new BitFlip(WireFormat.FERNET_TOKENS, EnvelopePart.CIPHERTEXT, 315).describe())
        .isEqualTo("bit 315 (byte 39, value 8) of the token, decoded");
  }

  private static BitFlip defaultFlip(WireFormat format, EnvelopePart part) {
    return new BitFlip(format, part, BitFlip.defaultBit(format, part, TamperCommand.MESSAGE));
  }

  private static byte[] crypt(String transformation, int mode, byte[] input)
      throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance(transformation);
    cipher.init(mode, KEY, new IvParameterSpec(IV));
    return cipher.doFinal(input);
  }

  /** Fernet's decryption without its HMAC check: version, time, IV, then AES-CBC. */
  private static byte[] cbcOpen(byte[] token) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
    cipher.init(Cipher.DECRYPT_MODE, KEY, new IvParameterSpec(token, 9, 16));
    return cipher.doFinal(token, 25, token.length - 25 - 32);
  }

  private static String b64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
