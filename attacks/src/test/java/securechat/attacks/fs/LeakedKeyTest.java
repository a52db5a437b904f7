package securechat.attacks.fs;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPublicKeySpec;
import java.util.Base64;
import javax.crypto.KeyAgreement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import securechat.core.cli.ConfigException;

class LeakedKeyTest {
  /** RFC 7748 §4.1: p = 2^255 - 19. */
  private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));

  @TempDir Path folder;

  @Test
  void anEd25519KeyAgreesAsTheX25519KeyOfItsBirationalImage() throws Exception {
    KeyPair identity = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    KeyPair peer = KeyPairGenerator.getInstance("X25519").generateKeyPair();
    LeakedKey leaked = LeakedKey.read("identity", pem(identity));

    // RFC 7748 §4.1: the Montgomery u of an Edwards point is (1 + y) / (1 - y) mod p.
    BigInteger y = ((EdECPublicKey) identity.getPublic()).getPoint().getY();
    BigInteger u = BigInteger.ONE.add(y).multiply(BigInteger.ONE.subtract(y).modInverse(P)).mod(P);
    PublicKey identityAsX25519 =
        KeyFactory.getInstance("XDH")
            .generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, u));
    KeyAgreement fromThePeer = KeyAgreement.getInstance("XDH");
    fromThePeer.init(peer.getPrivate());
    fromThePeer.doPhase(identityAsX25519, true);

    assertThat(leaked.kind()).isEqualTo("Ed25519");
    assertThat(leaked.agreeWith(peer.getPublic())).contains(fromThePeer.generateSecret());
  }

  @Test
  void anEcKeyAgreesOnlyWithKeysOfItsOwnCurve() throws Exception {
    LeakedKey leaked = LeakedKey.read("certificate key", pem(ecPair("secp256r1")));

    assertThat(leaked.kind()).isEqualTo("EC P-256");
    assertThat(leaked.agreeWith(ecPair("secp256r1").getPublic())).isPresent();
    assertThat(leaked.agreeWith(ecPair("secp384r1").getPublic())).isEmpty();
    assertThat(
            leaked.agreeWith(KeyPairGenerator.getInstance("X25519").generateKeyPair().getPublic()))
        .isEmpty();
  }

  @Test
  void aFileWithoutAPrivateKeyIsOneSentence() throws Exception {
    Path file = Files.writeString(folder.resolve("notes.pem"), "no key here\n", US_ASCII);

    assertThatThrownBy(() -> LeakedKey.read("identity", file))
        .isInstanceOf(ConfigException.class)
        .hasMessage(file + " holds no '-----BEGIN PRIVATE KEY-----' block");
  }

  @Test
  void itsTextNamesTheKeyButNeverItsBytes() throws Exception {
    KeyPair identity = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    String encoded = Base64.getEncoder().encodeToString(identity.getPrivate().getEncoded());

    assertThat(LeakedKey.read("identity", pem(identity)).toString())
        .contains("identity", "Ed25519")
        .doesNotContain(encoded.substring(20, 40));
  }

  private static KeyPair ecPair(String curve) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec(curve));
    return generator.generateKeyPair();
  }

  private Path pem(KeyPair pair) throws Exception {
    String text =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(pair.getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
    return Files.writeString(Files.createTempFile(folder, "key", ".pem"), text, US_ASCII);
  }
}
