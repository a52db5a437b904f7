package securechat.e2e.legacy;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import securechat.core.channel.RecordException;

/** DES-ECB with PKCS #7 padding: a published vector, the round trip, and the ECB lesson. */
class LegacyDesEcbTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] KEY = "aB3dE9xZ".getBytes(US_ASCII);

  @Test
  void fips81AppendixBEcbExampleMatches() {
    // FIPS 81 (DES modes of operation), Appendix B, Table B1: ECB, key 0123456789abcdef,
    // plaintext "Now is the time for all ". Our padding adds one whole block after it.
    byte[] key = HEX.parseHex("0123456789abcdef");

    byte[] ciphertext = LegacyDesEcb.encrypt(key, "Now is the time for all ".getBytes(US_ASCII));

    assertThat(HEX.formatHex(ciphertext, 0, 24))
        .isEqualTo("3fa40e8a984d48156a271787ab8883f9893d51ec4b563b53");
    assertThat(ciphertext).hasSize(32);
  }

  @Test
  void roundTripsTextOfEveryLengthAroundABlock() throws Exception {
    for (int length = 0; length <= 17; length++) {
      byte[] plaintext = "x".repeat(length).getBytes(UTF_8);

      byte[] ciphertext = LegacyDesEcb.encrypt(KEY, plaintext);

      assertThat(ciphertext).as("%d bytes", length).hasSize((length / 8 + 1) * 8);
      assertThat(LegacyDesEcb.decrypt(KEY, ciphertext)).isEqualTo(plaintext);
    }
  }

  @Test
  void equalPlaintextBlocksGiveEqualCiphertextBlocks() {
    byte[] plaintext = "ATTACK!!ATTACK!!retreat.ATTACK!!".getBytes(US_ASCII);

    byte[] ciphertext = LegacyDesEcb.encrypt(KEY, plaintext);

    byte[] first = Arrays.copyOfRange(ciphertext, 0, 8);
    assertThat(Arrays.copyOfRange(ciphertext, 8, 16)).isEqualTo(first);
    assertThat(Arrays.copyOfRange(ciphertext, 16, 24)).isNotEqualTo(first);
    assertThat(Arrays.copyOfRange(ciphertext, 24, 32)).isEqualTo(first);
  }

  @Test
  void swappedCiphertextBlocksDecryptToSwappedTextUnnoticed() throws Exception {
    byte[] ciphertext = LegacyDesEcb.encrypt(KEY, "pay bob:pay eve:".getBytes(US_ASCII));
    byte[] swapped = ciphertext.clone();
    System.arraycopy(ciphertext, 8, swapped, 0, 8);
    System.arraycopy(ciphertext, 0, swapped, 8, 8);

    assertThat(new String(LegacyDesEcb.decrypt(KEY, swapped), US_ASCII))
        .isEqualTo("pay eve:pay bob:");
  }

  @Test
  void randomKeyIsEightLettersOrDigits() {
    byte[] key = LegacyDesEcb.randomKey(new Random(7));

    assertThat(new String(key, US_ASCII)).matches("[A-Za-z0-9]{8}");
    assertThat(LegacyDesEcb.randomKey(new Random(7))).isEqualTo(key);
  }

  @Test
  void ciphertextOfPartBlocksIsMalformed() {
    assertThatThrownBy(() -> LegacyDesEcb.decrypt(KEY, new byte[12]))
        .isInstanceOf(RecordException.class)
        .hasMessage("DES-ECB ciphertext is 12 bytes; it must be whole 8-byte blocks");
    assertThatThrownBy(() -> LegacyDesEcb.decrypt(KEY, new byte[0]))
        .isInstanceOf(RecordException.class);
  }

  @Test
  void wrongKeyUsuallyFailsOnThePadding() {
    byte[] ciphertext = LegacyDesEcb.encrypt(KEY, "hello bob".getBytes(US_ASCII));
    byte[] otherKey = "zzzzzzzz".getBytes(US_ASCII);

    assertThatThrownBy(() -> LegacyDesEcb.decrypt(otherKey, ciphertext))
        .isInstanceOf(RecordException.class)
        .hasMessageStartingWith("the DES-ECB padding is wrong");
  }

  @Test
  void keyOfAnotherLengthIsAProgrammingError() {
    assertThatThrownBy(() -> LegacyDesEcb.encrypt(new byte[7], new byte[1]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a DES key must be 8 bytes, not 7");
  }
}
