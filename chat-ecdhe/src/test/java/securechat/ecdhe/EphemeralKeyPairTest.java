package securechat.ecdhe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import javax.crypto.KeyAgreement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import securechat.core.channel.HandshakeException;

/**
 * The handshake's key agreement (Bouncy Castle) against the JDK's, an independent implementation:
 * the same shared secret on both curves, and public keys in the same X.509 form on the wire, so
 * that peers and captures from before the switch still read.
 */
class EphemeralKeyPairTest {
  private final SecureRandom random = new SecureRandom();

  @Test
  void ourP384AgreesWithTheJdksEcdhEitherWay() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp384r1"));
    KeyPair jdk = generator.generateKeyPair();
    EphemeralKeyPair ours = Curve.P384.generateKeyPair(random);
    KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
    agreement.init(jdk.getPrivate());
    agreement.doPhase(ours.publicKey(), true);

    byte[] secret = ours.agree(jdk.getPublic());

    assertThat(secret).hasSize(48).isEqualTo(agreement.generateSecret());
  }

  @ParameterizedTest
  @EnumSource(Curve.class)
  void ourPublicKeyRoundTripsThroughPemAsTheJdkReadsIt(Curve curve) throws Exception {
    PublicKey ours = curve.generateKeyPair(random).publicKey();

    PublicKey read = PemKeys.parse(PemKeys.toLines(ours), curve);

    assertThat(read.getEncoded()).isEqualTo(ours.getEncoded());
    assertThat(read.getAlgorithm()).isEqualTo(curve == Curve.X25519 ? "XDH" : "EC");
  }

  @Test
  void aKeyOfTheOtherCurveIsRefused() {
    EphemeralKeyPair mine = Curve.P384.generateKeyPair(random);
    PublicKey x25519 = Curve.X25519.generateKeyPair(random).publicKey();

    assertThatThrownBy(() -> mine.agree(x25519))
        .isInstanceOf(HandshakeException.class)
        .hasMessageStartingWith("the peer's public key is not one we accept");
  }
}
