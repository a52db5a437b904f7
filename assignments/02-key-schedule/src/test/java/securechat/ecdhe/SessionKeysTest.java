package securechat.ecdhe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import securechat.grader.Hint;
import securechat.grader.Points;

/**
 * The public tests of the key schedule: what {@link SessionKeys#derive} returns, and the key a
 * client seals with checked against HKDF computed again here from RFC 5869 ({@link
 * IndependentHkdf}, itself checked against the RFC's published vectors first).
 */
class SessionKeysTest {
  /** The label the spec puts before H in HKDF's info (docs/protocol.md, The ecdhe handshake). */
  static final byte[] LABEL = "securechat-lab ecdhe v1".getBytes(StandardCharsets.US_ASCII);

  static List<IndependentHkdf.Case> rfc5869Sha256() {
    return IndependentHkdf.rfc5869Sha256Cases();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rfc5869Sha256")
  @DisplayName("self-check of the tests: their own HKDF reproduces RFC 5869 A.1-A.3")
  @Points(0)
  @Hint("This test checks the tests' own HKDF: if it fails, tell your teacher.")
  void theIndependentHkdfMatchesRfc5869(IndependentHkdf.Case vector) {
    assertThat(IndependentHkdf.sha256(vector.salt(), vector.ikm(), vector.info(), vector.length()))
        .isEqualTo(vector.okm());
  }

  @Test
  @DisplayName("derive gives three 32-byte keys and keeps the transcript hash")
  @Points(1)
  @Hint(
      "docs/protocol.md, The ecdhe handshake, Keys: how long is each key, and where does each"
          + " one start in the output keying material?")
  void deriveGivesThreeKeysOf32Bytes() {
    byte[] transcriptHash = sha256("a transcript");

    SessionKeys keys = SessionKeys.derive(sequence(1, 32), sequence(0xa0, 32), transcriptHash);

    assertThat(keys.clientToServer).as("clientToServer").hasSize(32);
    assertThat(keys.serverToClient).as("serverToClient").hasSize(32);
    assertThat(keys.confirm).as("confirm").hasSize(32);
    assertThat(keys.transcriptHash).as("transcriptHash").isEqualTo(transcriptHash);
  }

  @Test
  @DisplayName("the two directions and the key confirmation each get their own key")
  @Points(2)
  @Hint(
      "SessionKeys' Javadoc and lab guide 03, Question 5: why a key per direction? Each key is"
          + " its own slice of the output keying material.")
  void eachPurposeHasItsOwnKey() {
    SessionKeys keys =
        SessionKeys.derive(sequence(1, 32), sequence(0xa0, 32), sha256("a transcript"));

    assertThat(keys.clientToServer)
        .as("clientToServer vs serverToClient")
        .isNotEqualTo(keys.serverToClient);
    assertThat(keys.clientToServer).as("clientToServer vs confirm").isNotEqualTo(keys.confirm);
    assertThat(keys.serverToClient).as("serverToClient vs confirm").isNotEqualTo(keys.confirm);
  }

  @Test
  @DisplayName("the client-to-server key is the start of HKDF-SHA256 computed as the spec says")
  @Points(3)
  @Hint(
      "docs/protocol.md, The ecdhe handshake, Keys, and Hkdf.sha256's parameters: which input"
          + " is the salt, which the IKM, and what exactly goes in info?")
  void theClientToServerKeyIsTheStartOfTheSpecsHkdf() {
    byte[] sharedSecret = sequence(1, 32);
    byte[] salt = sequence(0xa0, 32);
    byte[] transcriptHash = sha256("a transcript");
    byte[] okm = IndependentHkdf.sha256(salt, sharedSecret, concat(LABEL, transcriptHash), 96);

    SessionKeys keys = SessionKeys.derive(sharedSecret, salt, transcriptHash);

    assertThat(keys.clientToServer).isEqualTo(Arrays.copyOfRange(okm, 0, 32));
  }

  /** {@code count} bytes counting up from {@code first}. */
  static byte[] sequence(int first, int count) {
    byte[] bytes = new byte[count];
    for (int i = 0; i < count; i++) {
      bytes[i] = (byte) (first + i);
    }
    return bytes;
  }

  static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  static byte[] concat(byte[] first, byte[] second) {
    byte[] both = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }
}
