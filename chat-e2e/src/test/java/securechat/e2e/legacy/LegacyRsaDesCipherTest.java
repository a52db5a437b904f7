package securechat.e2e.legacy;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import securechat.core.channel.RecordException;

/**
 * The seed's package: it round-trips, and its sender check proves nothing, because it trusts the
 * key the package brings.
 */
class LegacyRsaDesCipherTest {
  private static final LegacyRsaKeyPair ALICE = TestKeys.ALICE;
  private static final LegacyRsaKeyPair BOB = TestKeys.BOB;
  private static final LegacyRsaKeyPair MALLORY = TestKeys.MALLORY;

  private final LegacyRsaDesCipher cipher = new LegacyRsaDesCipher(new Random(9));

  @Test
  void packageRoundTrips() throws Exception {
    String json = cipher.seal("hello bob ✓", ALICE, BOB.publicKey());

    LegacyRsaDesCipher.Opened opened = LegacyRsaDesCipher.open(json, BOB);

    assertThat(opened.text()).isEqualTo("hello bob ✓");
    assertThat(opened.claimedSenderKey()).isEqualTo(ALICE.publicKey());
  }

  @Test
  void packageHasTheSeedsFourFieldsInOrder() throws Exception {
    String json = cipher.seal("hi", ALICE, BOB.publicKey());

    assertThat(json)
        .startsWith("{\"encrypted_content\":\"")
        .contains("\",\"encrypted_key\":\"", "\",\"signed_key\":\"")
        .contains("\",\"sender_public_key\":\"-----BEGIN PUBLIC KEY-----\\n")
        .endsWith("-----END PUBLIC KEY-----\\n\"}");
    LegacyEncryptedPackage parsed = LegacyEncryptedPackage.parse(json);
    assertThat(parsed.toJson()).isEqualTo(json);
    assertThat(parsed.encryptedContent()).hasSize(8);
    assertThat(parsed.encryptedKey()).hasSize(256);
    assertThat(parsed.signedKey()).hasSize(256);
  }

  @Test
  void onlyTheRecipientsPrivateKeyOpensEncryptedKey() {
    String json = cipher.seal("for bob only", ALICE, BOB.publicKey());

    assertThatThrownBy(() -> LegacyRsaDesCipher.open(json, MALLORY))
        .isInstanceOf(RecordException.class);
  }

  @Test
  void senderCheckAcceptsAPackageWhoseSenderKeyAnAttackerSwappedAndResigned() throws Exception {
    LegacyEncryptedPackage fromAlice =
        LegacyEncryptedPackage.parse(cipher.seal("meet at noon", ALICE, BOB.publicKey()));
    // Mallory reads K off the wire, then signs K with her own key and puts in her own public key.
    byte[] desKey = LegacyKeyRecovery.recover(fromAlice.toJson()).desKey();
    LegacyEncryptedPackage swapped =
        new LegacyEncryptedPackage(
            LegacyDesEcb.encrypt(desKey, "meet at midnight".getBytes(UTF_8)),
            fromAlice.encryptedKey(),
            LegacyTextbookRsa.sign(desKey, MALLORY),
            MALLORY.publicKey().toKeyText());

    LegacyRsaDesCipher.Opened opened = LegacyRsaDesCipher.open(swapped.toJson(), BOB);

    // Bob's check passes: the server still says the message came from alice, and the package's
    // own key, Mallory's, is the one the check used. The directory's entry for alice never was.
    assertThat(opened.text()).isEqualTo("meet at midnight");
    assertThat(opened.claimedSenderKey()).isEqualTo(MALLORY.publicKey());
    assertThat(opened.claimedSenderKey()).isNotEqualTo(ALICE.publicKey());
  }

  @Test
  void senderCheckRefusesASwappedKeyThatWasNotResigned() throws Exception {
    LegacyEncryptedPackage fromAlice =
        LegacyEncryptedPackage.parse(cipher.seal("hello", ALICE, BOB.publicKey()));
    LegacyEncryptedPackage swappedOnly =
        new LegacyEncryptedPackage(
            fromAlice.encryptedContent(),
            fromAlice.encryptedKey(),
            fromAlice.signedKey(),
            MALLORY.publicKey().toKeyText());

    // The check does compute something: it only stops someone who does not bother to re-sign.
    assertThatThrownBy(() -> LegacyRsaDesCipher.open(swappedOnly.toJson(), BOB))
        .isInstanceOf(RecordException.class);
  }

  @Test
  void packageThatIsNotJsonIsRefusedWithASentence() {
    assertThatThrownBy(() -> LegacyRsaDesCipher.open("not json", BOB))
        .isInstanceOf(Seed004FormatException.class)
        .hasMessageStartingWith("an encrypted_package is not JSON: ");
  }
}
