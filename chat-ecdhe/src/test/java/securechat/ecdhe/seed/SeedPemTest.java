package securechat.ecdhe.seed;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import org.junit.jupiter.api.Test;
import securechat.core.channel.HandshakeException;

/** The public-key message is byte for byte seed 000's, and bad ones are refused in a sentence. */
class SeedPemTest {

  @Test
  void p384KeyIs215BytesOfPemIn64ColumnLines() {
    String pem = new String(SeedPem.encode(P384.newKeyPair().getPublic()), US_ASCII);

    assertThat(pem).hasSize(SeedPem.P384_PEM_BYTES);
    assertThat(pem.split("\n", -1))
        .extracting(String::length)
        .containsExactly(26, 64, 64, 32, 24, 0);
    assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----\nMHYwEAYHKoZIzj0CAQYFK4EEACIDYgAE");
    assertThat(pem).endsWith("\n-----END PUBLIC KEY-----\n");
  }

  @Test
  void keyReadBackIsTheKeyWrittenAndTheBytesAfterItStayInTheStream() throws Exception {
    PublicKey key = P384.newKeyPair().getPublic();
    byte[] pem = SeedPem.encode(key);
    byte[] pemThenAck = new byte[pem.length + 3];
    System.arraycopy(pem, 0, pemThenAck, 0, pem.length);
    System.arraycopy("ACK".getBytes(US_ASCII), 0, pemThenAck, pem.length, 3);
    InputStream in = new ByteArrayInputStream(pemThenAck);

    assertThat(SeedPem.readP384(in).getEncoded()).isEqualTo(key.getEncoded());
    assertThat(in.readAllBytes()).isEqualTo("ACK".getBytes(US_ASCII));
  }

  @Test
  void somethingElseThanAPemKeyIsRefusedAndQuoted() {
    InputStream in = new ByteArrayInputStream("HELLO seed\n".getBytes(US_ASCII));

    assertThatThrownBy(() -> SeedPem.readP384(in))
        .isInstanceOf(HandshakeException.class)
        .hasMessage("the peer sent 'HELLO seed' where seed 000 expects -----BEGIN PUBLIC KEY-----");
  }

  @Test
  void endlessLineIsRefusedWithoutReadingItAll() {
    InputStream in = new ByteArrayInputStream("A".repeat(100_000).getBytes(US_ASCII));

    assertThatThrownBy(() -> SeedPem.readP384(in))
        .isInstanceOf(HandshakeException.class)
        .hasMessageEndingWith(
            "a line longer than 80 bytes, where seed 000 expects a PEM public key");
  }

  @Test
  void keyOnAnotherCurveIsRefused() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    byte[] p256 = SeedPem.encode(generator.generateKeyPair().getPublic());

    assertThatThrownBy(() -> SeedPem.readP384(new ByteArrayInputStream(p256)))
        .isInstanceOf(HandshakeException.class)
        .hasMessage("the peer's public key is on another curve, not P-384");
  }

  @Test
  void connectionClosedHalfWayIsNamed() {
    byte[] pem = SeedPem.encode(P384.newKeyPair().getPublic());

    assertThatThrownBy(() -> SeedPem.readP384(new ByteArrayInputStream(pem, 0, 100)))
        .isInstanceOf(HandshakeException.class)
        .hasMessage("the peer closed the connection in the middle of its public key");
    assertThatThrownBy(() -> SeedPem.readP384(new ByteArrayInputStream(new byte[0])))
        .isInstanceOf(HandshakeException.class)
        .hasMessage("the peer closed the connection before sending its public key");
  }
}
