package securechat.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PublicIdentityTest {
  private static final byte[] SIGNING = filled(32, 1);
  private static final byte[] ENCRYPTION = filled(32, 2);

  private final PublicIdentity identity = new PublicIdentity(SIGNING, ENCRYPTION);

  @Test
  void theKeysAreCopiedInAndOut() {
    byte[] signing = SIGNING.clone();
    PublicIdentity copied = new PublicIdentity(signing, ENCRYPTION);
    signing[0] = 9;
    copied.signingKey()[1] = 9;
    copied.encryptionKey()[1] = 9;

    assertThat(copied.signingKey()).isEqualTo(SIGNING);
    assertThat(copied.encryptionKey()).isEqualTo(ENCRYPTION);
  }

  @Test
  void equalKeysMakeEqualIdentities() {
    PublicIdentity same = new PublicIdentity(SIGNING.clone(), ENCRYPTION.clone());

    assertThat(same).isEqualTo(identity).hasSameHashCodeAs(identity);
    assertThat(new PublicIdentity(ENCRYPTION, SIGNING)).isNotEqualTo(identity);
  }

  @Test
  void theFingerprintIsTheFirst16BytesOfSha256OfBothKeys() throws Exception {
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    sha256.update(SIGNING);
    String expected = HexFormat.of().formatHex(sha256.digest(ENCRYPTION), 0, 16);

    assertThat(identity.fingerprint()).isEqualTo("SHA256:" + expected).hasSize(7 + 32);
  }

  @Test
  void theFingerprintChangesWithEitherKey() {
    assertThat(new PublicIdentity(filled(32, 3), ENCRYPTION).fingerprint())
        .isNotEqualTo(identity.fingerprint());
    assertThat(new PublicIdentity(SIGNING, filled(32, 3)).fingerprint())
        .isNotEqualTo(identity.fingerprint());
  }

  @Test
  void toStringShowsTheKeyNamesAndTheFingerprintOnly() {
    assertThat(identity.toString())
        .isEqualTo(
            "PublicIdentity[signingKey=Ed25519, encryptionKey=X25519, "
                + identity.fingerprint()
                + "]")
        .doesNotContain(identity.signingKeyBase64())
        .doesNotContain(identity.encryptionKeyBase64());
  }

  @Test
  void parseReadsWhatTheBase64AccessorsWrite() {
    assertThat(identity.signingKeyBase64()).isEqualTo(Base64.getEncoder().encodeToString(SIGNING));

    PublicIdentity parsed =
        PublicIdentity.parse(identity.signingKeyBase64(), identity.encryptionKeyBase64());

    assertThat(parsed).isEqualTo(identity);
  }

  @ParameterizedTest(name = "{0} bytes")
  @ValueSource(ints = {0, 31, 33, 64})
  void aKeyOfAnotherLengthIsRefusedNamingTheLength(int length) {
    assertThatThrownBy(() -> new PublicIdentity(new byte[length], ENCRYPTION))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("signing key is " + length + " bytes; Ed25519 keys are 32");
    assertThatThrownBy(() -> new PublicIdentity(SIGNING, new byte[length]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("encryption key is " + length + " bytes; X25519 keys are 32");
  }

  @Test
  void parseRefusesAShortKeyWithASentence() {
    String short31 = Base64.getEncoder().encodeToString(new byte[31]);

    assertThatThrownBy(() -> PublicIdentity.parse(short31, identity.encryptionKeyBase64()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("signing key is 31 bytes; Ed25519 keys are 32");
  }

  /**
   * Not base64 at all; URL-safe characters; no padding; and "AR=" style text whose unused bits are
   * set, which Java's decoder alone would take as another text of the same key.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "not base64!",
        "AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE",
        "AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQF=",
        "-_-_AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=",
        " AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE="
      })
  void parseRefusesTextThatIsNotCanonicalBase64(String untrusted) {
    assertThat(identity.signingKeyBase64())
        .isEqualTo("AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=");

    assertThatThrownBy(() -> PublicIdentity.parse(untrusted, identity.encryptionKeyBase64()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("signing key is not base64");
    assertThatThrownBy(() -> PublicIdentity.parse(identity.signingKeyBase64(), untrusted))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("encryption key is not base64");
  }

  @Test
  void parseRefusesAMissingKey() {
    assertThatThrownBy(() -> PublicIdentity.parse(null, identity.encryptionKeyBase64()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("signing key is missing");
  }

  private static byte[] filled(int length, int value) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) value);
    return bytes;
  }
}
