package securechat.ecdhe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import java.util.HexFormat;
import java.util.stream.Stream;
import javax.crypto.KeyAgreement;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import securechat.testkit.Vectors;

/**
 * RFC 7748's X25519 vectors through the JDK's XDH {@code KeyAgreement}, the primitive the ecdhe
 * handshake uses. Proves our conversion between the RFC's little-endian bytes and the JDK's key
 * specs, and shows what the JDK does with a low-order peer key.
 */
class X25519VectorsTest {
  private static final String FILE = "vectors/rfc7748-x25519.json";
  private static final byte[] BASE_POINT = hex("09" + "00".repeat(31));

  static Stream<Named<JsonNode>> single() {
    JsonNode cases = Vectors.load(FILE).get("single");
    return Stream.iterate(0, i -> i < cases.size(), i -> i + 1)
        .map(cases::get)
        .map(vector -> Named.of(vector.get("name").asText(), vector));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("single")
  void x25519MatchesThePublishedOutput(JsonNode vector) throws Exception {
    byte[] output = x25519(Vectors.hex(vector, "scalar"), Vectors.hex(vector, "u"));

    assertThat(output).isEqualTo(Vectors.hex(vector, "output"));
  }

  /** RFC 7748 §5.2, iterated: k = u = 9; then r = X25519(k, u), u = k, k = r. */
  @ParameterizedTest(name = "after {0} iterations")
  @Timeout(60)
  @MethodSource("iterations")
  void x25519IteratedMatchesThePublishedResult(int iterations) throws Exception {
    JsonNode iterated = Vectors.load(FILE).get("iterated");
    byte[] k = Vectors.hex(iterated, "start_k");
    byte[] u = Vectors.hex(iterated, "start_u");
    for (int i = 0; i < iterations; i++) {
      byte[] r = x25519(k, u);
      u = k;
      k = r;
    }

    assertThat(k).isEqualTo(Vectors.hex(iterated.get("after"), String.valueOf(iterations)));
  }

  /** The 1,000,000-iteration value takes minutes on the JDK; only 1 and 1,000 run here. */
  static Stream<Integer> iterations() {
    return Stream.of(1, 1000);
  }

  /** RFC 7748 §6.1: Alice and Bob each derive the other's public key and the same secret. */
  @Test
  void aliceAndBobAgreeOnThePublishedSharedSecret() throws Exception {
    JsonNode dh = Vectors.load(FILE).get("diffie_hellman_6_1");
    byte[] alicePrivate = Vectors.hex(dh, "alice_private");
    byte[] bobPrivate = Vectors.hex(dh, "bob_private");

    assertThat(x25519(alicePrivate, BASE_POINT)).isEqualTo(Vectors.hex(dh, "alice_public"));
    assertThat(x25519(bobPrivate, BASE_POINT)).isEqualTo(Vectors.hex(dh, "bob_public"));
    assertThat(x25519(alicePrivate, Vectors.hex(dh, "bob_public")))
        .isEqualTo(x25519(bobPrivate, Vectors.hex(dh, "alice_public")))
        .isEqualTo(Vectors.hex(dh, "shared_secret"));
  }

  /** The vector file's note: the JDK does not mask bit 255 itself, so we must (RFC 7748 §5). */
  @Test
  void theJdkDoesNotMaskTheTopBitOfU() throws Exception {
    JsonNode vector = single().toList().get(1).getPayload();
    BigInteger unmasked = new BigInteger(1, reversed(Vectors.hex(vector, "u")));
    KeyAgreement agreement = KeyAgreement.getInstance("XDH");
    agreement.init(privateKey(Vectors.hex(vector, "scalar")));
    agreement.doPhase(publicKey(unmasked), true);

    assertThat(agreement.generateSecret()).isNotEqualTo(Vectors.hex(vector, "output"));
  }

  /**
   * Public keys of small order, whose shared secret is all zeros whatever our private key: u = 0, u
   * = 1, the two points of order 8, and p - 1, p, p + 1 (non-canonical for -1, 0 and 1), as in
   * libsodium's blocklist. RFC 7748 §6.1 says to check for the all-zero value and abort.
   */
  static Stream<Named<String>> lowOrderPoints() {
    return Stream.of(
        Named.of("u = 0", "00".repeat(32)),
        Named.of("u = 1", "01" + "00".repeat(31)),
        Named.of(
            "order 8, first", "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800"),
        Named.of(
            "order 8, second", "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157"),
        Named.of("u = p - 1", "ec" + "ff".repeat(30) + "7f"),
        Named.of("u = p", "ed" + "ff".repeat(30) + "7f"),
        Named.of("u = p + 1", "ee" + "ff".repeat(30) + "7f"));
  }

  /** What the JDK does (17 and 25 alike): doPhase throws "Point has small order". */
  @ParameterizedTest(name = "{0}")
  @MethodSource("lowOrderPoints")
  void theJdkRefusesALowOrderPublicKey(String lowOrderU) throws Exception {
    PrivateKey mine = KeyPairGenerator.getInstance("X25519").generateKeyPair().getPrivate();
    PublicKey peerPublicKey = publicKey(decodeU(hex(lowOrderU)));
    KeyAgreement agreement = KeyAgreement.getInstance("XDH");
    agreement.init(mine);

    assertThatThrownBy(() -> agreement.doPhase(peerPublicKey, true))
        .isInstanceOf(InvalidKeyException.class);
  }

  /** X25519(k, u) on the RFC's encodings: 32 little-endian bytes in, 32 out. */
  private static byte[] x25519(byte[] scalar, byte[] u) throws GeneralSecurityException {
    KeyAgreement agreement = KeyAgreement.getInstance("XDH");
    agreement.init(privateKey(scalar));
    agreement.doPhase(publicKey(decodeU(u)), true);
    return agreement.generateSecret();
  }

  /** XECPrivateKeySpec takes the scalar's bytes as the RFC writes them; the JDK clamps them. */
  private static PrivateKey privateKey(byte[] scalar) throws GeneralSecurityException {
    return KeyFactory.getInstance("XDH")
        .generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, scalar));
  }

  private static PublicKey publicKey(BigInteger u) throws GeneralSecurityException {
    return KeyFactory.getInstance("XDH")
        .generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, u));
  }

  /** RFC 7748 §5, decodeUCoordinate: little-endian, and "mask the most significant bit". */
  private static BigInteger decodeU(byte[] u) {
    byte[] bigEndian = reversed(u);
    bigEndian[0] &= 0x7f;
    return new BigInteger(1, bigEndian);
  }

  private static byte[] reversed(byte[] bytes) {
    byte[] reversed = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      reversed[i] = bytes[bytes.length - 1 - i];
    }
    return reversed;
  }

  private static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex);
  }
}
