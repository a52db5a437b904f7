package securechat.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.InvalidKeyException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class HpkeTest {
  private static final byte[] INFO = "securechat e2e test".getBytes(UTF_8);
  private static final byte[] AAD = "to bob".getBytes(UTF_8);

  private final Hpke.DerivedKeyPair bob = Hpke.deriveKeyPair(randomBytes(32));

  @ParameterizedTest
  @EnumSource(Hpke.Aead.class)
  void openReturnsWhatSealWasGiven(Hpke.Aead aead) throws Exception {
    byte[] message = "hi bob".getBytes(UTF_8);

    Hpke.Sealed sealed = Hpke.seal(aead, bob.publicKey(), INFO, AAD, message);

    assertThat(open(aead, bob.privateKey(), sealed)).isEqualTo(message);
  }

  @ParameterizedTest
  @EnumSource(Hpke.Aead.class)
  void anEmptyMessageWithNoInfoAndNoAadStillCarriesAnEncAndATag(Hpke.Aead aead) throws Exception {
    byte[] none = new byte[0];

    Hpke.Sealed sealed = Hpke.seal(aead, bob.publicKey(), none, none, none);

    assertThat(sealed.enc()).hasSize(Hpke.KEY_BYTES);
    assertThat(sealed.ciphertext()).hasSize(Hpke.TAG_BYTES);
    assertThat(Hpke.open(aead, bob.privateKey(), sealed.enc(), none, none, sealed.ciphertext()))
        .isEmpty();
  }

  @Test
  void theCiphertextIsThePlaintextPlusA16ByteTag() {
    Hpke.Sealed sealed =
        Hpke.seal(Hpke.Aead.AES_128_GCM, bob.publicKey(), INFO, AAD, new byte[100]);

    assertThat(sealed.ciphertext()).hasSize(116);
  }

  @Test
  void sealUsesAFreshEphemeralKeyEachTime() {
    Hpke.Sealed first = Hpke.seal(Hpke.Aead.AES_128_GCM, bob.publicKey(), INFO, AAD, new byte[8]);
    Hpke.Sealed second = Hpke.seal(Hpke.Aead.AES_128_GCM, bob.publicKey(), INFO, AAD, new byte[8]);

    assertThat(first.enc()).isNotEqualTo(second.enc());
    assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
  }

  @Test
  void openRefusesAnotherRecipientsKeyWithASentence() {
    Hpke.Sealed sealed = Hpke.seal(Hpke.Aead.AES_128_GCM, bob.publicKey(), INFO, AAD, new byte[8]);
    Hpke.DerivedKeyPair mallory = Hpke.deriveKeyPair(randomBytes(32));

    assertThatThrownBy(() -> open(Hpke.Aead.AES_128_GCM, mallory.privateKey(), sealed))
        .isInstanceOf(AEADBadTagException.class)
        .hasMessage(
            "HPKE ciphertext does not open: wrong key, or changed enc, ciphertext, info or aad");
  }

  @Test
  void openRefusesTheOtherAead() {
    Hpke.Sealed sealed = Hpke.seal(Hpke.Aead.AES_128_GCM, bob.publicKey(), INFO, AAD, new byte[8]);

    assertThatThrownBy(() -> open(Hpke.Aead.CHACHA20_POLY1305, bob.privateKey(), sealed))
        .isInstanceOf(AEADBadTagException.class);
  }

  @ParameterizedTest(name = "{0} bytes")
  @ValueSource(ints = {0, 31, 33, 65})
  void sealRefusesAKeyThatIsNot32Bytes(int length) {
    assertThatThrownBy(
            () -> Hpke.seal(Hpke.Aead.AES_128_GCM, new byte[length], INFO, AAD, new byte[1]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("recipient public key is " + length + " bytes; X25519 keys are 32");
  }

  /** RFC 7748 §6.1 and RFC 9180 §7.1.4: zero is a low-order point; its shared secret is zero. */
  @Test
  void sealRefusesALowOrderKey() {
    assertThatThrownBy(() -> Hpke.seal(Hpke.Aead.AES_128_GCM, new byte[32], INFO, AAD, new byte[1]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("recipient public key is a low-order X25519 point");
  }

  @Test
  void openRefusesALowOrderEnc() {
    byte[] zeroEnc = new byte[32];

    assertThatThrownBy(
            () ->
                Hpke.open(
                    Hpke.Aead.AES_128_GCM, bob.privateKey(), zeroEnc, INFO, AAD, new byte[16]))
        .isInstanceOf(InvalidKeyException.class)
        .hasMessage("enc is a low-order X25519 point");
  }

  @Test
  void openRefusesWrongLengthsWithASentence() {
    Hpke.Aead aes = Hpke.Aead.AES_128_GCM;
    byte[] enc = new byte[32];

    assertThatThrownBy(() -> Hpke.open(aes, new byte[31], enc, INFO, AAD, new byte[16]))
        .isInstanceOf(InvalidKeyException.class)
        .hasMessage("recipient private key is 31 bytes; X25519 keys are 32");
    assertThatThrownBy(() -> Hpke.open(aes, bob.privateKey(), new byte[33], INFO, AAD, enc))
        .isInstanceOf(InvalidKeyException.class)
        .hasMessage("enc is 33 bytes; X25519 enc is 32");
    assertThatThrownBy(() -> Hpke.open(aes, bob.privateKey(), enc, INFO, AAD, new byte[15]))
        .isInstanceOf(AEADBadTagException.class)
        .hasMessage("ciphertext is 15 bytes; the tag alone is 16");
  }

  @Test
  void everyAeadIsFoundByItsWireName() {
    assertThat(Hpke.Aead.AES_128_GCM.wireName()).isEqualTo("aes128gcm");
    assertThat(Hpke.Aead.CHACHA20_POLY1305.wireName()).isEqualTo("chacha20poly1305");
    for (Hpke.Aead aead : Hpke.Aead.values()) {
      assertThat(Hpke.Aead.find(aead.wireName())).contains(aead);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "AES128GCM", "aes256gcm", "AES_128_GCM", "chacha20poly1305 "})
  void anUnknownWireNameIsNotFound(String untrustedName) {
    assertThat(Hpke.Aead.find(untrustedName)).isEmpty();
    assertThat(Hpke.Aead.find(null)).isEmpty();
  }

  @Test
  void sealedCopiesItsArraysAndComparesByContent() {
    byte[] enc = new byte[32];
    Hpke.Sealed sealed = new Hpke.Sealed(enc, new byte[16]);
    enc[0] = 1;
    sealed.ciphertext()[0] = 1;

    assertThat(sealed).isEqualTo(new Hpke.Sealed(new byte[32], new byte[16]));
    assertThat(sealed).hasSameHashCodeAs(new Hpke.Sealed(new byte[32], new byte[16]));
    assertThat(sealed).hasToString("Sealed[enc=32 bytes, ciphertext=16 bytes]");
  }

  private static byte[] open(Hpke.Aead aead, byte[] privateKey, Hpke.Sealed sealed)
      throws Exception {
    return Hpke.open(aead, privateKey, sealed.enc(), INFO, AAD, sealed.ciphertext());
  }

  private static byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }
}
