package securechat.e2e.legacy;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;
import securechat.core.channel.RecordException;

/** Textbook RSA and the seed's key text: what works, and what it gives away. */
class LegacyTextbookRsaTest {
  private static final LegacyRsaKeyPair BOB = TestKeys.BOB;
  private static final byte[] DES_KEY = "aB3dE9xZ".getBytes(US_ASCII);

  @Test
  void generatedKeyHas2048BitsAndExponent65537() {
    assertThat(BOB.publicKey().n().bitLength()).isEqualTo(2048);
    assertThat(BOB.publicKey().e()).isEqualTo(BigInteger.valueOf(65537));
    assertThat(BOB.publicKey().modulusBytes()).isEqualTo(256);
    assertThat(BOB.toString()).doesNotContain(BOB.d().toString());
  }

  @Test
  void sameSeedMakesTheSameKey() {
    // java.util.Random is a formula of its seed: whoever finds the seed finds the key.
    assertThat(LegacyRsaKeyPair.generate(new Random(2))).isEqualTo(BOB);
  }

  @Test
  void keyTextRoundTrips() throws Exception {
    String text = BOB.publicKey().toKeyText();

    assertThat(LegacyRsaPublicKey.parseKeyText(text)).isEqualTo(BOB.publicKey());
    assertThat(text)
        .startsWith("-----BEGIN PUBLIC KEY-----\n")
        .endsWith("-----END PUBLIC KEY-----\n");
    assertThat(text.lines().skip(1).limit(1).findFirst().orElseThrow()).hasSize(64);
  }

  @Test
  void keyTextHoldsTheDecimalFieldsNE0InBase64() {
    String text = BOB.publicKey().toKeyText();
    String body =
        text.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "");

    String fields = new String(Base64.getMimeDecoder().decode(body.strip()), US_ASCII);

    assertThat(fields).isEqualTo(BOB.publicKey().n() + ",65537,0");
  }

  @Test
  void keyTextOfAnotherShapeIsRefusedWithASentence() {
    assertThatThrownBy(() -> LegacyRsaPublicKey.parseKeyText("hello"))
        .isInstanceOf(Seed004FormatException.class)
        .hasMessageStartingWith("a public key text must lie between");
    assertThatThrownBy(() -> LegacyRsaPublicKey.parseKeyText(keyText("12,5")))
        .hasMessage("a public key must read 'n,e,0', not '12,5'");
    assertThatThrownBy(() -> LegacyRsaPublicKey.parseKeyText(keyText("12,5,1")))
        .hasMessage("a public key must read 'n,e,0', not '12,5,1'");
    assertThatThrownBy(() -> LegacyRsaPublicKey.parseKeyText(keyText("-12,5,0")))
        .hasMessage("a public key's n must be a decimal number, not '-12'");
    assertThatThrownBy(() -> LegacyRsaPublicKey.parseKeyText(keyText("12,5,0")))
        .hasMessage("a public key's modulus has 4 bits; it must have 512 to 4096");
    String huge = BigInteger.ONE.shiftLeft(4096).add(BigInteger.ONE) + ",65537,0";
    assertThatThrownBy(() -> LegacyRsaPublicKey.parseKeyText(keyText(huge)))
        .hasMessage("a public key's modulus has 4097 bits; it must have 512 to 4096");
    String tooManyDigits = "1".repeat(1235) + ",65537,0";
    assertThatThrownBy(() -> LegacyRsaPublicKey.parseKeyText(keyText(tooManyDigits)))
        .hasMessageStartingWith("a public key's n must be a decimal number, not '1111");
    String evenE = BOB.publicKey().n() + ",65536,0";
    assertThatThrownBy(() -> LegacyRsaPublicKey.parseKeyText(keyText(evenE)))
        .hasMessage("a public exponent must be odd, at least 3 and below n");
  }

  @Test
  void textbookEncryptionRoundTrips() throws Exception {
    byte[] ciphertext = LegacyTextbookRsa.encrypt(DES_KEY, BOB.publicKey());

    assertThat(ciphertext).hasSize(256);
    assertThat(LegacyTextbookRsa.decrypt(ciphertext, BOB, 8)).isEqualTo(DES_KEY);
  }

  @Test
  void leadingZeroBytesSurviveTheRoundTrip() throws Exception {
    byte[] nonce = {0, 0, 7, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13};

    byte[] ciphertext = LegacyTextbookRsa.encrypt(nonce, BOB.publicKey());

    assertThat(LegacyTextbookRsa.decrypt(ciphertext, BOB, 16)).isEqualTo(nonce);
  }

  @Test
  void textbookEncryptionIsDeterministicSoAnyoneCanTestAGuess() {
    byte[] seen = LegacyTextbookRsa.encrypt(DES_KEY, BOB.publicKey());

    byte[] guess = LegacyTextbookRsa.encrypt("aB3dE9xZ".getBytes(US_ASCII), BOB.publicKey());

    assertThat(guess).isEqualTo(seen);
  }

  @Test
  void textbookCiphertextIsMalleable() throws Exception {
    byte[] ciphertext = LegacyTextbookRsa.encrypt(new byte[] {21}, BOB.publicKey());
    LegacyRsaPublicKey key = BOB.publicKey();

    // (m^e)(2^e) = (2m)^e: anyone can turn the ciphertext of m into that of 2m, without d.
    BigInteger doubled =
        new BigInteger(1, ciphertext)
            .multiply(BigInteger.TWO.modPow(key.e(), key.n()))
            .mod(key.n());

    assertThat(LegacyTextbookRsa.decrypt(LegacyTextbookRsa.i2osp(doubled, 256), BOB, 1))
        .containsExactly(42);
  }

  @Test
  void signedValueIsRecoveredWithThePublicKeyAlone() throws Exception {
    byte[] signed = LegacyTextbookRsa.sign(DES_KEY, BOB);

    assertThat(LegacyTextbookRsa.recover(signed, BOB.publicKey(), 8)).isEqualTo(DES_KEY);
  }

  @Test
  void decryptingWithAnotherKeyIsRefusedNotReturnedAsGarbage() {
    byte[] ciphertext = LegacyTextbookRsa.encrypt(DES_KEY, BOB.publicKey());

    assertThatThrownBy(() -> LegacyTextbookRsa.decrypt(ciphertext, TestKeys.ALICE, 8))
        .isInstanceOf(RecordException.class)
        .hasMessageEndingWith("not the expected 8: another key was used, or it was changed");
  }

  @Test
  void ciphertextNotBelowTheModulusIsMalformed() {
    byte[] tooLarge = new byte[256];
    java.util.Arrays.fill(tooLarge, (byte) 0xFF);

    assertThatThrownBy(() -> LegacyTextbookRsa.decrypt(tooLarge, BOB, 8))
        .isInstanceOf(RecordException.class)
        .hasMessage("the ciphertext is out of range: it is not below the modulus");
  }

  @Test
  void serverSignatureOverSha256VerifiesAndRefusesAnotherText() throws Exception {
    byte[] keyText = BOB.publicKey().toKeyText().getBytes(UTF_8);
    byte[] signature = LegacyTextbookRsa.signSha256(keyText, TestKeys.SERVER);

    LegacyTextbookRsa.verifySha256(keyText, signature, TestKeys.SERVER.publicKey());
    byte[] otherText = TestKeys.MALLORY.publicKey().toKeyText().getBytes(UTF_8);
    assertThatThrownBy(
            () -> LegacyTextbookRsa.verifySha256(otherText, signature, TestKeys.SERVER.publicKey()))
        .isInstanceOf(RecordException.class)
        .hasMessage("the signature does not match the SHA-256 digest");
  }

  private static String keyText(String fields) {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getEncoder().encodeToString(fields.getBytes(US_ASCII))
        + "\n-----END PUBLIC KEY-----\n";
  }
}
