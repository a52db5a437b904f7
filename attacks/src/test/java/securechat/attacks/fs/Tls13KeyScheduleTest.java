package securechat.attacks.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.util.Arrays;
import javax.crypto.KeyAgreement;
import org.junit.jupiter.api.Test;
import securechat.attacks.fs.Tls13KeySchedule.Suite;

/**
 * The attacker's TLS 1.3 code against RFC 8448 §3: with the right shared secret it derives the
 * published secrets and opens the server's first record; with any other it opens nothing.
 */
class Tls13KeyScheduleTest {
  private final byte[] clientHello = Rfc8448.value("client_hello");
  private final byte[] serverHello = Rfc8448.value("server_hello");
  private final byte[] record = Rfc8448.value("server_flight_record");

  @Test
  void theServerHandshakeTrafficSecretKeyAndIvAreTheRfcs() throws Exception {
    byte[] secret =
        Tls13KeySchedule.serverHandshakeTrafficSecret(
            Suite.AES_128_GCM_SHA256, Rfc8448.value("shared_secret"), clientHello, serverHello);

    assertThat(secret).isEqualTo(Rfc8448.value("server_handshake_traffic_secret"));
    assertThat(Tls13KeySchedule.key(Suite.AES_128_GCM_SHA256, secret))
        .isEqualTo(Rfc8448.value("server_handshake_key"));
    assertThat(Tls13KeySchedule.iv(Suite.AES_128_GCM_SHA256, secret))
        .isEqualTo(Rfc8448.value("server_handshake_iv"));
  }

  @Test
  void theRightSecretOpensTheServersFirstRecordToItsEncryptedExtensions() throws Exception {
    byte[] plaintext =
        Tls13KeySchedule.openFirstRecord(
                Suite.AES_128_GCM_SHA256, Rfc8448.value("server_handshake_traffic_secret"), record)
            .orElseThrow();

    assertThat(plaintext[0]).as("EncryptedExtensions").isEqualTo((byte) 8);
    assertThat(plaintext[plaintext.length - 1]).as("inner content type").isEqualTo((byte) 22);
  }

  @Test
  void anyOtherSecretOpensNothing() throws Exception {
    byte[] wrong = Rfc8448.value("shared_secret");
    wrong[0] ^= 1;
    byte[] secret =
        Tls13KeySchedule.serverHandshakeTrafficSecret(
            Suite.AES_128_GCM_SHA256, wrong, clientHello, serverHello);

    assertThat(Tls13KeySchedule.openFirstRecord(Suite.AES_128_GCM_SHA256, secret, record))
        .isEmpty();
  }

  @Test
  void theHellosKeySharesAndFirstRecordAreReadFromTheRecordedBytes() throws Exception {
    byte[] down = concat(Rfc8448.asRecord(serverHello), record);

    Tls13Hellos hellos = Tls13Hellos.read(Rfc8448.asRecord(clientHello), down);

    assertThat(hellos.clientHello()).isEqualTo(clientHello);
    assertThat(hellos.serverHello()).isEqualTo(serverHello);
    assertThat(hellos.cipherSuite()).isEqualTo(0x1301);
    assertThat(hellos.clientShares()).containsOnlyKeys(0x001d);
    assertThat(hellos.clientShares().get(0x001d)).isEqualTo(Rfc8448.value("client_x25519_public"));
    assertThat(hellos.serverGroup()).isEqualTo(0x001d);
    assertThat(hellos.serverShare()).isEqualTo(Rfc8448.value("server_x25519_public"));
    assertThat(hellos.firstServerRecord()).isEqualTo(record);
  }

  @Test
  void anX25519KeyShareBecomesTheKeyThatGivesTheRfcsSharedSecret() throws Exception {
    PublicKey client =
        KeyShares.publicKey(0x001d, Rfc8448.value("client_x25519_public")).orElseThrow();
    PrivateKey server =
        KeyFactory.getInstance("XDH")
            .generatePrivate(
                new XECPrivateKeySpec(
                    NamedParameterSpec.X25519, Rfc8448.value("server_x25519_private")));
    KeyAgreement agreement = KeyAgreement.getInstance("XDH");
    agreement.init(server);
    agreement.doPhase(client, true);

    assertThat(agreement.generateSecret()).isEqualTo(Rfc8448.value("shared_secret"));
  }

  @Test
  void bytesThatAreNotATlsHandshakeAreSaidToBeSo() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Tls13Hellos.read("WELCOME plain\n".getBytes(), new byte[0]))
        .isInstanceOf(Tls13Hellos.NotTls13Exception.class)
        .hasMessage("the connection does not start with a TLS ClientHello");
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] both = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }
}
