package securechat.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import securechat.core.protocol.Username;

class SafetyNumberTest {
  private static final Username ALICE = new Username("alice");
  private static final Username BOB = new Username("bob");
  private static final PublicIdentity ALICE_KEYS = keys(1, 2);
  private static final PublicIdentity BOB_KEYS = keys(3, 4);

  private final SafetyNumber number = SafetyNumber.of(ALICE, ALICE_KEYS, BOB, BOB_KEYS);

  /** Computed by the independent Python of SafetyNumberPythonIT, with hashlib. */
  @Test
  void aliceAndBobWithFixedKeysGetTheKnownNumber() {
    assertThat(number.digits())
        .isEqualTo("310883226000869348950006895866536198428524439731117573917077");
  }

  @Test
  void bothUsersComputeTheSameNumber() {
    assertThat(SafetyNumber.of(BOB, BOB_KEYS, ALICE, ALICE_KEYS)).isEqualTo(number);
  }

  @Test
  void theNumberIs60DigitsShownIn12GroupsOf5() {
    assertThat(number.digits()).hasSize(60).containsOnlyDigits();
    assertThat(number.grouped())
        .isEqualTo("31088 32260 00869 34895 00068 95866 53619 84285 24439 73111 75739 17077")
        .isEqualTo(number.toString());
  }

  static IntStream everyKeyByte() {
    return IntStream.range(0, 64);
  }

  @ParameterizedTest(name = "byte {0}")
  @MethodSource("everyKeyByte")
  void changingAnyByteOfEitherUsersKeysChangesTheNumber(int index) {
    PublicIdentity changedAlice = changed(ALICE_KEYS, index);
    PublicIdentity changedBob = changed(BOB_KEYS, index);

    assertThat(SafetyNumber.of(ALICE, changedAlice, BOB, BOB_KEYS)).isNotEqualTo(number);
    assertThat(SafetyNumber.of(ALICE, ALICE_KEYS, BOB, changedBob)).isNotEqualTo(number);
  }

  @Test
  void changingEitherNameChangesTheNumber() {
    assertThat(SafetyNumber.of(new Username("alicf"), ALICE_KEYS, BOB, BOB_KEYS))
        .isNotEqualTo(number);
    assertThat(SafetyNumber.of(ALICE, ALICE_KEYS, new Username("bob2"), BOB_KEYS))
        .isNotEqualTo(number);
  }

  /** Each half belongs to its user: swapping the keys between the names changes the number. */
  @Test
  void swappingTheKeysBetweenTheUsersChangesTheNumber() {
    assertThat(SafetyNumber.of(ALICE, BOB_KEYS, BOB, ALICE_KEYS)).isNotEqualTo(number);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "12345",
        "31088 32260 00869 34895 00068 95866 53619 84285 24439 73111 75739 17077",
        "31088322600086934895000689586653619842852443973111757391707",
        "310883226000869348950006895866536198428524439731117573917077 ",
        "3108832260008693489500068958665361984285244397311175739170771",
        "31088322600086934895000689586653619842852443973111757391707a"
      })
  void theDigitsMustBe60DecimalDigits(String digits) {
    assertThatThrownBy(() -> new SafetyNumber(digits))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a safety number is 60 decimal digits");
  }

  private static PublicIdentity keys(int signingFill, int encryptionFill) {
    byte[] signing = new byte[32];
    byte[] encryption = new byte[32];
    Arrays.fill(signing, (byte) signingFill);
    Arrays.fill(encryption, (byte) encryptionFill);
    return new PublicIdentity(signing, encryption);
  }

  /** The identity with byte {@code index} of signing key || encryption key incremented. */
  private static PublicIdentity changed(PublicIdentity keys, int index) {
    byte[] signing = keys.signingKey();
    byte[] encryption = keys.encryptionKey();
    byte[] target = index < 32 ? signing : encryption;
    target[index % 32]++;
    return new PublicIdentity(signing, encryption);
  }
}
