package securechat.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class IdentityKeysTest {
  private static final byte[] INFO = "securechat e2e test".getBytes(UTF_8);
  private static final byte[] AAD = "to alice".getBytes(UTF_8);

  private final IdentityKeys alice = IdentityKeys.generate(new SecureRandom());

  @Test
  void aSignatureVerifiesWithThePublicSigningKey() {
    byte[] message = "hello bob".getBytes(UTF_8);

    byte[] signature = alice.sign(message);

    assertThat(signature).hasSize(Ed25519.SIGNATURE_BYTES);
    assertThatCode(() -> Ed25519.verify(alice.publicIdentity().signingKey(), message, signature))
        .doesNotThrowAnyException();
  }

  @Test
  void openOpensWhatWasSealedToThePublicEncryptionKey() throws Exception {
    byte[] message = "hello alice".getBytes(UTF_8);
    Hpke.Sealed sealed =
        Hpke.seal(
            Hpke.Aead.CHACHA20_POLY1305,
            alice.publicIdentity().encryptionKey(),
            INFO,
            AAD,
            message);

    byte[] opened =
        alice.open(Hpke.Aead.CHACHA20_POLY1305, sealed.enc(), INFO, AAD, sealed.ciphertext());

    assertThat(opened).isEqualTo(message);
  }

  @Test
  void openRefusesWhatWasSealedToSomeoneElse() {
    IdentityKeys bob = IdentityKeys.generate(new SecureRandom());
    Hpke.Sealed sealed =
        Hpke.seal(
            Hpke.Aead.AES_128_GCM, bob.publicIdentity().encryptionKey(), INFO, AAD, new byte[4]);

    assertThatThrownBy(
            () -> alice.open(Hpke.Aead.AES_128_GCM, sealed.enc(), INFO, AAD, sealed.ciphertext()))
        .isInstanceOf(GeneralSecurityException.class);
  }

  @Test
  void twoGeneratedIdentitiesDiffer() {
    IdentityKeys other = IdentityKeys.generate(new SecureRandom());

    assertThat(other.publicIdentity()).isNotEqualTo(alice.publicIdentity());
  }

  @Test
  void thePrivateBytesGiveBackTheSameIdentity() {
    IdentityKeys restored =
        IdentityKeys.fromPrivateBytes(alice.signingSeed(), alice.encryptionPrivateKey());

    assertThat(restored.publicIdentity()).isEqualTo(alice.publicIdentity());
    assertThat(restored.sign(new byte[3])).isEqualTo(alice.sign(new byte[3]));
  }

  @Test
  void toStringShowsTheFingerprintAndNoPrivateKey() {
    String shown = alice.toString();

    assertThat(shown).isEqualTo("IdentityKeys(" + alice.publicIdentity().fingerprint() + ")");
    for (byte[] secret : new byte[][] {alice.signingSeed(), alice.encryptionPrivateKey()}) {
      assertThat(shown)
          .doesNotContainIgnoringCase(HexFormat.of().formatHex(secret, 0, 4))
          .doesNotContain(Base64.getEncoder().encodeToString(secret).substring(0, 6));
    }
  }

  @Test
  void fromPrivateBytesRefusesAWrongLength() {
    assertThatThrownBy(() -> IdentityKeys.fromPrivateBytes(new byte[32], new byte[31]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("X25519 private key is 31 bytes; it must be 32");
  }
}
