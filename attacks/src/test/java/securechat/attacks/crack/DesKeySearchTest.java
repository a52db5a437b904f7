package securechat.attacks.crack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class DesKeySearchTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final Duration PLENTY = Duration.ofSeconds(30);

  // J. Orlin Grabbe, "The DES Algorithm Illustrated": K = 133457799BBCDFF1, M = 0123456789ABCDEF,
  // C = 85E813540F0AB405, the worked example most DES descriptions follow.
  @Test
  void bouncyCastleDesGivesThePublishedWorkedExample() {
    byte[] key = HEX.parseHex("133457799bbcdff1");
    byte[] plaintext = HEX.parseHex("0123456789abcdef");

    assertThat(HEX.formatHex(DesKeySearch.encryptBlock(key, plaintext)))
        .isEqualTo("85e813540f0ab405");
  }

  @Test
  void knownPlaintextIsWhatTheLegacyCipherEncrypts() {
    DesChallenge challenge = DesChallenge.random(new Random(1));
    byte[] plaintext = DesChallenge.knownPlaintext();
    byte[] ciphertext = challenge.ciphertext();

    assertThat(ciphertext).hasSize(16);
    for (int offset = 0; offset < 16; offset += 8) {
      byte[] block = Arrays.copyOfRange(plaintext, offset, offset + 8);
      assertThat(DesKeySearch.encryptBlock(challenge.key(), block))
          .isEqualTo(Arrays.copyOfRange(ciphertext, offset, offset + 8));
    }
  }

  @Test
  void searchFindsTheKeyFromItsKnownBitsAndCountsTheKeysTried() throws Exception {
    DesChallenge challenge = DesChallenge.random(new Random(42));
    byte[] known = DesKeyBits.withUnknownCleared(challenge.key(), 12);
    DesKeySearch search =
        new DesKeySearch(known, 12, DesChallenge.knownPlaintext(), challenge.ciphertext());
    AtomicLong progress = new AtomicLong();

    DesKeySearch.Result result = search.run(2, PLENTY, progress::addAndGet);

    assertThat(result.key()).hasValueSatisfying(key -> assertThat(key).isEqualTo(challenge.key()));
    assertThat(result.keysTried()).isBetween(1L, 1L << 12);
    assertThat(progress.get()).isEqualTo(result.keysTried());
  }

  @Test
  void searchWithTheWrongCiphertextTriesEveryKeyAndFindsNone() throws Exception {
    DesChallenge challenge = DesChallenge.random(new Random(7));
    byte[] known = DesKeyBits.withUnknownCleared(challenge.key(), 10);
    byte[] otherCiphertext = DesChallenge.random(new Random(8)).ciphertext();
    DesKeySearch search =
        new DesKeySearch(known, 10, DesChallenge.knownPlaintext(), otherCiphertext);

    DesKeySearch.Result result = search.run(2, PLENTY, done -> {});

    assertThat(result.key()).isEmpty();
    assertThat(result.keysTried()).isEqualTo(1L << 10);
  }

  @Test
  void searchStopsAtTheBudgetAndMeasuresItsRate() throws Exception {
    DesChallenge challenge = DesChallenge.random(new Random(3));
    byte[] known = DesKeyBits.withUnknownCleared(challenge.key(), 56);
    DesKeySearch search =
        new DesKeySearch(known, 56, DesChallenge.knownPlaintext(), challenge.ciphertext());

    DesKeySearch.Result result = search.run(2, Duration.ofMillis(200), done -> {});

    assertThat(result.key()).isEmpty();
    assertThat(result.keysTried()).isPositive().isLessThan(1L << 56);
    assertThat(result.keysPerSecond()).isPositive();
    assertThat(DesVerdicts.projectedSeconds56Bits(result)).isGreaterThan(1e6);
  }
}
