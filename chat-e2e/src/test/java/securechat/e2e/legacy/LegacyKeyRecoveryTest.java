package securechat.e2e.legacy;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The eavesdropper needs the package and nothing else. */
class LegacyKeyRecoveryTest {
  private final LegacyRsaDesCipher cipher = new LegacyRsaDesCipher(new Random(11));

  @Test
  void recoversTheDesKeyAndTheTextFromThePackageAlone() throws Exception {
    String json = cipher.seal("the vault code is 4711", TestKeys.ALICE, TestKeys.BOB.publicKey());

    LegacyKeyRecovery.Recovered recovered = LegacyKeyRecovery.recover(json);

    assertThat(recovered.plaintext()).isEqualTo("the vault code is 4711");
    assertThat(recovered.desKeyText()).matches("[A-Za-z0-9]{8}");
    assertThat(LegacyDesEcb.randomKey(new Random(11))).isEqualTo(recovered.desKey());
  }

  @Test
  void recoveredKeyIsTheOneTheRecipientDecrypts() throws Exception {
    String json = cipher.seal("hi", TestKeys.ALICE, TestKeys.BOB.publicKey());
    LegacyEncryptedPackage seen = LegacyEncryptedPackage.parse(json);

    byte[] bobsKey = LegacyTextbookRsa.decrypt(seen.encryptedKey(), TestKeys.BOB, 8);

    assertThat(LegacyKeyRecovery.recover(json).desKey()).isEqualTo(bobsKey);
  }

  @Test
  void desKeyTextShowsHexWhenTheKeyIsNotPrintable() {
    byte[] key = {0, 1, 2, 3, 'a', 'b', 'c', 'd'};

    assertThat(new LegacyKeyRecovery.Recovered(key, "x").desKeyText())
        .isEqualTo("0001020361626364");
    assertThat(new LegacyKeyRecovery.Recovered("aB3dE9xZ".getBytes(US_ASCII), "x").desKeyText())
        .isEqualTo("aB3dE9xZ");
  }

  @Test
  void malformedPackagesAreRefusedWithASentence() throws Exception {
    assertThatThrownBy(() -> LegacyKeyRecovery.recover("[1,2]"))
        .isInstanceOf(Seed004FormatException.class)
        .hasMessage("an encrypted_package must be a JSON object, not '[1,2]'");
    assertThatThrownBy(() -> LegacyKeyRecovery.recover("{\"encrypted_content\":\"AAAA\"}"))
        .hasMessage("the field 'encrypted_key' is missing");
    assertThatThrownBy(
            () ->
                LegacyKeyRecovery.recover(
                    "{\"encrypted_content\":\"**\",\"encrypted_key\":\"\",\"signed_key\":\"\","
                        + "\"sender_public_key\":\"\"}"))
        .hasMessage("the field 'encrypted_content' must be base64, not '**'");
    String json = cipher.seal("hi", TestKeys.ALICE, TestKeys.BOB.publicKey()).replace("}", ",}");
    assertThatThrownBy(() -> LegacyKeyRecovery.recover(json))
        .hasMessageStartingWith("an encrypted_package is not JSON: ");
  }

  @Test
  void packageWhoseSignedKeyDoesNotMatchItsSenderKeyIsRefused() throws Exception {
    LegacyEncryptedPackage seen =
        LegacyEncryptedPackage.parse(cipher.seal("hi", TestKeys.ALICE, TestKeys.BOB.publicKey()));
    String otherSender =
        new LegacyEncryptedPackage(
                seen.encryptedContent(),
                seen.encryptedKey(),
                seen.signedKey(),
                TestKeys.MALLORY.publicKey().toKeyText())
            .toJson();

    assertThatThrownBy(() -> LegacyKeyRecovery.recover(otherSender))
        .isInstanceOf(Seed004FormatException.class)
        .hasMessageStartingWith("the package does not give its key away as the seed's do: ");
  }
}
