package securechat.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.security.SignatureException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import securechat.testkit.Vectors;

class Ed25519Test {
  /**
   * RFC 8032 §5.1: the order of the base point, L = 2^252 + 27742317777372353535851937790883648493.
   */
  private static final BigInteger L =
      BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));

  static Stream<Named<JsonNode>> rfc8032() {
    return Vectors.cases("vectors/rfc8032-ed25519.json");
  }

  @Test
  void theFileHoldsTest1To3AndTestShaAbc() {
    assertThat(rfc8032().map(Named::getName))
        .containsExactly(
            "RFC 8032 §7.1 TEST 1",
            "RFC 8032 §7.1 TEST 2",
            "RFC 8032 §7.1 TEST 3",
            "RFC 8032 §7.1 TEST SHA(abc)");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rfc8032")
  void theSecretKeyGivesThePublishedPublicKey(JsonNode vector) {
    byte[] publicKey = Ed25519.publicKey(Ed25519.privateKey(Vectors.hex(vector, "secret_key")));

    assertThat(publicKey).isEqualTo(Vectors.hex(vector, "public_key"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rfc8032")
  void signMakesThePublishedSignature(JsonNode vector) {
    byte[] signature =
        Ed25519.sign(
            Ed25519.privateKey(Vectors.hex(vector, "secret_key")), Vectors.hex(vector, "message"));

    assertThat(signature).isEqualTo(Vectors.hex(vector, "signature"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rfc8032")
  void verifyAcceptsThePublishedSignature(JsonNode vector) {
    assertThatCode(
            () ->
                Ed25519.verify(
                    Vectors.hex(vector, "public_key"),
                    Vectors.hex(vector, "message"),
                    Vectors.hex(vector, "signature")))
        .doesNotThrowAnyException();
  }

  static Stream<Arguments> everySignatureBit() {
    return rfc8032().flatMap(v -> IntStream.range(0, 512).mapToObj(bit -> Arguments.of(v, bit)));
  }

  @ParameterizedTest(name = "{0}, bit {1}")
  @MethodSource("everySignatureBit")
  void verifyRefusesEveryBitFlipOfTheSignature(JsonNode vector, int bit) {
    byte[] signature = flipped(Vectors.hex(vector, "signature"), bit);

    assertThatThrownBy(() -> verify(vector, Vectors.hex(vector, "message"), signature))
        .isInstanceOf(SignatureException.class);
  }

  static Stream<Arguments> everyMessageBit() {
    return rfc8032()
        .flatMap(
            v -> {
              int bits = Vectors.hex(v.getPayload(), "message").length * 8;
              return IntStream.range(0, bits).mapToObj(bit -> Arguments.of(v, bit));
            });
  }

  @ParameterizedTest(name = "{0}, bit {1}")
  @MethodSource("everyMessageBit")
  void verifyRefusesEveryBitFlipOfTheMessage(JsonNode vector, int bit) {
    byte[] message = flipped(Vectors.hex(vector, "message"), bit);

    assertThatThrownBy(() -> verify(vector, message, Vectors.hex(vector, "signature")))
        .isInstanceOf(SignatureException.class)
        .hasMessage("the Ed25519 signature does not match the key and the message");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rfc8032")
  void verifyRefusesTheMessageWithOneByteMoreOrLess(JsonNode vector) {
    byte[] message = Vectors.hex(vector, "message");
    byte[] longer = Arrays.copyOf(message, message.length + 1);
    byte[] signature = Vectors.hex(vector, "signature");

    assertThatThrownBy(() -> verify(vector, longer, signature))
        .isInstanceOf(SignatureException.class);
    if (message.length > 0) {
      byte[] shorter = Arrays.copyOf(message, message.length - 1);
      assertThatThrownBy(() -> verify(vector, shorter, signature))
          .isInstanceOf(SignatureException.class);
    }
  }

  @ParameterizedTest(name = "{0} bytes")
  @ValueSource(ints = {0, 32, 63, 65, 128})
  void verifyRefusesASignatureThatIsNot64Bytes(int length) {
    JsonNode test1 = rfc8032().findFirst().orElseThrow().getPayload();
    byte[] signature = Arrays.copyOf(Vectors.hex(test1, "signature"), length);

    assertThatThrownBy(() -> verify(test1, new byte[0], signature))
        .isInstanceOf(SignatureException.class)
        .hasMessage("the signature is " + length + " bytes; Ed25519 signatures are 64");
  }

  /** RFC 8032 §5.1.7 step 1: S must be below L, else (R, S + L) would be a second signature. */
  @Test
  void verifyRefusesTheSameSignatureWithLAddedToS() {
    JsonNode test1 = rfc8032().findFirst().orElseThrow().getPayload();
    byte[] signature = Vectors.hex(test1, "signature");
    BigInteger s = littleEndian(Arrays.copyOfRange(signature, 32, 64));
    byte[] malleable = signature.clone();
    System.arraycopy(toLittleEndian(s.add(L)), 0, malleable, 32, 32);

    assertThatThrownBy(() -> verify(test1, new byte[0], malleable))
        .isInstanceOf(SignatureException.class);
  }

  @Test
  void verifyRefusesAnotherKeysSignature() {
    List<JsonNode> vectors = rfc8032().map(Named::getPayload).toList();
    byte[] test2Key = Vectors.hex(vectors.get(1), "public_key");
    byte[] test1Signature = Vectors.hex(vectors.get(0), "signature");

    assertThatThrownBy(() -> Ed25519.verify(test2Key, new byte[0], test1Signature))
        .isInstanceOf(SignatureException.class)
        .hasMessage("the Ed25519 signature does not match the key and the message");
  }

  @ParameterizedTest(name = "{0} bytes")
  @ValueSource(ints = {0, 31, 33, 64})
  void verifyRefusesAKeyThatIsNot32Bytes(int length) {
    assertThatThrownBy(() -> Ed25519.verify(new byte[length], new byte[0], new byte[64]))
        .isInstanceOf(SignatureException.class)
        .hasMessage("the public key is " + length + " bytes; Ed25519 keys are 32");
  }

  /** y = 2 has no x on edwards25519: the key decodes to no point at all. */
  @Test
  void verifyRefusesAKeyThatIsNotAPoint() {
    byte[] notAPoint = new byte[32];
    notAPoint[0] = 2;

    assertThatThrownBy(() -> Ed25519.verify(notAPoint, new byte[0], new byte[64]))
        .isInstanceOf(SignatureException.class)
        .hasMessage("the public key is not a point of Ed25519 (RFC 8032 §5.1.3)");
  }

  @ParameterizedTest(name = "{0} bytes")
  @ValueSource(ints = {0, 31, 33, 64})
  void aSeedMustBe32Bytes(int length) {
    assertThatThrownBy(() -> Ed25519.privateKey(new byte[length]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Ed25519 seed is " + length + " bytes; it must be 32");
  }

  private static void verify(JsonNode vector, byte[] message, byte[] signature)
      throws SignatureException {
    Ed25519.verify(Vectors.hex(vector, "public_key"), message, signature);
  }

  private static byte[] flipped(byte[] bytes, int bit) {
    byte[] copy = bytes.clone();
    copy[bit / 8] ^= (byte) (1 << (bit % 8));
    return copy;
  }

  private static BigInteger littleEndian(byte[] bytes) {
    byte[] bigEndian = bytes.clone();
    for (int i = 0; i < bigEndian.length / 2; i++) {
      byte swap = bigEndian[i];
      bigEndian[i] = bigEndian[bigEndian.length - 1 - i];
      bigEndian[bigEndian.length - 1 - i] = swap;
    }
    return new BigInteger(1, bigEndian);
  }

  private static byte[] toLittleEndian(BigInteger value) {
    byte[] out = new byte[32];
    for (int i = 0; i < 32; i++) {
      out[i] = value.shiftRight(8 * i).byteValue();
    }
    return out;
  }
}
