package securechat.core.identity;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.InvalidKeySpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server identity signs with Bouncy Castle and stores its keys as the JDK writes them: the
 * JDK's Ed25519, an independent implementation, must accept every signature, and a key file written
 * once must sign the same way when read again.
 */
class ServerIdentityTest {
  private static final byte[] MESSAGE = "securechat-lab handshake transcript".getBytes(US_ASCII);

  @TempDir Path dataDir;

  @Test
  void theJdksEd25519VerifiesOurSignature() throws Exception {
    ServerIdentity identity = ServerIdentity.generate();
    Signature jdk = Signature.getInstance("Ed25519");
    jdk.initVerify(identity.publicKey());
    jdk.update(MESSAGE);

    assertThat(jdk.verify(identity.sign(MESSAGE))).isTrue();
  }

  @Test
  void weVerifyTheJdksSignatureAndRefuseAnyChangedBit() throws Exception {
    var pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    Signature jdk = Signature.getInstance("Ed25519");
    jdk.initSign(pair.getPrivate());
    jdk.update(MESSAGE);
    byte[] signature = jdk.sign();

    assertThat(ServerIdentity.verify(pair.getPublic(), MESSAGE, signature)).isTrue();
    for (int bit = 0; bit < signature.length * 8; bit++) {
      byte[] flipped = signature.clone();
      flipped[bit / 8] ^= (byte) (1 << (bit % 8));
      assertThat(ServerIdentity.verify(pair.getPublic(), MESSAGE, flipped))
          .as("bit %d", bit)
          .isFalse();
    }
  }

  @Test
  void aMalformedSignatureOrAnotherKindOfKeyIsFalseNeverAnException() throws Exception {
    ServerIdentity identity = ServerIdentity.generate();
    byte[] signature = identity.sign(MESSAGE);
    var x25519 = KeyPairGenerator.getInstance("X25519").generateKeyPair().getPublic();
    var ed448 = KeyPairGenerator.getInstance("Ed448").generateKeyPair().getPublic();

    assertThat(ServerIdentity.verify(identity.publicKey(), MESSAGE, new byte[63])).isFalse();
    assertThat(ServerIdentity.verify(identity.publicKey(), MESSAGE, new byte[0])).isFalse();
    assertThat(ServerIdentity.verify(x25519, MESSAGE, signature)).isFalse();
    assertThat(ServerIdentity.verify(ed448, MESSAGE, signature)).isFalse();
  }

  @Test
  void anIdentityReadFromItsFileSignsAsTheOneThatWroteIt() throws Exception {
    ServerIdentity created = ServerIdentity.loadOrCreate(dataDir, "ecdhe", line -> {});
    ServerIdentity read = ServerIdentity.loadOrCreate(dataDir, "ecdhe", line -> {});

    assertThat(read.publicKey()).isEqualTo(created.publicKey());
    // RFC 8032 §5.1.6: signing is deterministic, so the same key gives the same bytes.
    assertThat(read.sign(MESSAGE)).isEqualTo(created.sign(MESSAGE));
    assertThat(ServerIdentity.verify(created.publicKey(), MESSAGE, read.sign(MESSAGE))).isTrue();
  }

  @Test
  void aKeyFileWhoseBlockIsNotBase64IsAnInvalidKeySpecSayingSo() throws Exception {
    // Found by IdentityFilesFuzzTest: Base64's IllegalArgumentException escaped loadOrCreate. The
    // stages report an InvalidKeySpecException with the file's name (DamagedStateIT).
    Path file = ServerIdentity.file(dataDir, "ecdhe");
    Files.createDirectories(file.getParent());
    Files.writeString(
        file, "-----BEGIN PRIVATE KEY-----\nnot base64!\n-----END PRIVATE KEY-----\n");

    assertThatThrownBy(() -> ServerIdentity.loadOrCreate(dataDir, "ecdhe", line -> {}))
        .isInstanceOf(InvalidKeySpecException.class)
        .hasMessage("its PRIVATE KEY block is not Base64");
  }
}
