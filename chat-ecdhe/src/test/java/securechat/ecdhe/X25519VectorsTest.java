package securechat.ecdhe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;
import java.util.stream.Stream;
import javax.crypto.KeyAgreement;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import securechat.core.channel.HandshakeException;
import securechat.testkit.Vectors;

/**
 * RFC 7748's X25519 vectors through {@link EphemeralKeyPair}, the handshake's key agreement (Bouncy
 * Castle's X25519), with each peer key built as it arrives on the wire: the RFC's 32 little-endian
 * bytes in an X.509 SubjectPublicKeyInfo. Also: the JDK's XDH as an independent peer, and the
 * low-order keys that must be refused.
 */
class X25519VectorsTest {
  private static final String FILE = "vectors/rfc7748-x25519.json";
  private static final byte[] BASE_POINT = hex("09" + "00".repeat(31));
  private static final byte[] X25519_SPKI_PREFIX = hex("302a300506032b656e032100");

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
    assertThat(EphemeralKeyPair.x25519(alicePrivate).publicKey().getEncoded())
        .as("our public key on the wire ends in the RFC's")
        .endsWith(Vectors.hex(dh, "alice_public"));
    assertThat(x25519(alicePrivate, Vectors.hex(dh, "bob_public")))
        .isEqualTo(x25519(bobPrivate, Vectors.hex(dh, "alice_public")))
        .isEqualTo(Vectors.hex(dh, "shared_secret"));
  }

  /**
   * The vector file's note: bit 255 of u must be masked (RFC 7748 §5); the RFC's output shows it.
   */
  @Test
  void theTopBitOfUIsMasked() throws Exception {
    JsonNode vector = single().toList().get(1).getPayload();
    byte[] u = Vectors.hex(vector, "u");
    assertThat(u[31] & 0x80).as("this vector's u has bit 255 set").isNotZero();

    assertThat(x25519(Vectors.hex(vector, "scalar"), u)).isEqualTo(Vectors.hex(vector, "output"));
  }

  /** The JDK's XDH, an independent implementation, agrees with ours on fresh keys either way. */
  @Test
  void theJdkAgreesWithOurX25519() throws Exception {
    KeyPair jdk = KeyPairGenerator.getInstance("X25519").generateKeyPair();
    EphemeralKeyPair ours = Curve.X25519.generateKeyPair(new SecureRandom());
    KeyAgreement agreement = KeyAgreement.getInstance("XDH");
    agreement.init(jdk.getPrivate());
    agreement.doPhase(ours.publicKey(), true);

    assertThat(ours.agree(jdk.getPublic())).isEqualTo(agreement.generateSecret());
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

  /** RFC 7748 §6.1: the all-zero result is refused, and the handshake with it. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("lowOrderPoints")
  void aLowOrderPublicKeyIsRefused(String lowOrderU) throws Exception {
    EphemeralKeyPair mine = Curve.X25519.generateKeyPair(new SecureRandom());

    assertThatThrownBy(() -> mine.agree(wirePublicKey(hex(lowOrderU))))
        .isInstanceOf(HandshakeException.class)
        .hasMessageStartingWith("the peer's public key is not one we accept");
  }

  /** X25519(k, u) on the RFC's encodings, through the handshake's own key agreement. */
  private static byte[] x25519(byte[] scalar, byte[] u) throws Exception {
    return EphemeralKeyPair.x25519(scalar).agree(wirePublicKey(u));
  }

  /**
   * A peer's key as it arrives in PEM: X.509 SubjectPublicKeyInfo, whose fixed 12-byte prefix (RFC
   * 8410 §4: SEQUENCE, AlgorithmIdentifier id-X25519, BIT STRING) is followed by u as is.
   */
  private static PublicKey wirePublicKey(byte[] u) throws GeneralSecurityException {
    byte[] der = new byte[X25519_SPKI_PREFIX.length + u.length];
    System.arraycopy(X25519_SPKI_PREFIX, 0, der, 0, X25519_SPKI_PREFIX.length);
    System.arraycopy(u, 0, der, X25519_SPKI_PREFIX.length, u.length);
    return KeyFactory.getInstance("X25519").generatePublic(new X509EncodedKeySpec(der));
  }

  private static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex);
  }
}
