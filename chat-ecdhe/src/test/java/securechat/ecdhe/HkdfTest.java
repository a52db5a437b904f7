package securechat.ecdhe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import securechat.testkit.Vectors;

class HkdfTest {
  /** RFC 5869 Appendix A: cases A.1-A.3 are SHA-256; A.4-A.7 are SHA-1, which we do not offer. */
  static Stream<Named<JsonNode>> rfc5869Sha256() {
    return Vectors.cases("vectors/rfc5869-hkdf.json")
        .filter(named -> named.getPayload().path("hash").asText().equals("SHA-256"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rfc5869Sha256")
  void sha256MatchesThePublishedOkm(JsonNode vector) {
    byte[] salt = vector.get("salt").isNull() ? null : Vectors.hex(vector, "salt");

    byte[] okm =
        Hkdf.sha256(
            salt,
            Vectors.hex(vector, "ikm"),
            Vectors.hex(vector, "info"),
            vector.get("length").asInt());

    assertThat(okm).isEqualTo(Vectors.hex(vector, "okm"));
  }

  @Test
  void theFileHoldsThreeSha256Cases() {
    assertThat(rfc5869Sha256()).hasSize(3);
  }

  /** RFC 5869 §2.2: a salt "not provided" and a zero-length salt both mean HashLen zeros. */
  @Test
  void aNullSaltAnEmptySaltAndHashLenZerosAgree() {
    byte[] ikm = new byte[22];

    byte[] zeros = Hkdf.sha256(new byte[32], ikm, new byte[0], 42);

    assertThat(Hkdf.sha256(null, ikm, new byte[0], 42)).isEqualTo(zeros);
    assertThat(Hkdf.sha256(new byte[0], ikm, null, 42)).isEqualTo(zeros);
  }

  @Test
  void theLongestOutputIs255Blocks() {
    assertThat(Hkdf.sha256(null, new byte[32], null, Hkdf.MAX_LENGTH_BYTES)).hasSize(8160);
  }

  @ParameterizedTest(name = "{0} bytes")
  @ValueSource(ints = {-1, 0, 8161})
  void anOutputLengthOutsideTheRfcsRangeIsRefused(int lengthBytes) {
    assertThatThrownBy(() -> Hkdf.sha256(null, new byte[32], null, lengthBytes))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lengthBytes must be 1 to 8160, not " + lengthBytes);
  }
}
