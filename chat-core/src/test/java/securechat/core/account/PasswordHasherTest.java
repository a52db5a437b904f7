package securechat.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PasswordHasherTest {
  private final PasswordHasher hasher = PasswordHasher.forTests();

  @Test
  void hashThenVerifyWithTheSamePasswordSucceeds() throws Exception {
    PasswordHash stored = hasher.hash("correct horse battery");

    hasher.verify("correct horse battery", stored);
  }

  @Test
  void verifyRejectsAWrongPassword() {
    PasswordHash stored = hasher.hash("correct horse battery");

    assertThatThrownBy(() -> hasher.verify("Correct horse battery", stored))
        .isInstanceOf(PasswordMismatchException.class)
        .hasMessage("password does not match the stored hash");
  }

  @Test
  void theSamePasswordHashedTwiceGetsDifferentSaltsAndHashes() {
    PasswordHash first = hasher.hash("correct horse battery");
    PasswordHash second = hasher.hash("correct horse battery");

    assertThat(first.salt()).hasSize(16).isNotEqualTo(second.salt());
    assertThat(first.hash()).hasSize(32).isNotEqualTo(second.hash());
  }

  @Test
  void defaultParametersAreOwaspsArgon2idRecommendation() {
    PasswordHash stored = PasswordHasher.withOwaspParameters().hash("correct horse battery");

    assertThat(stored.toPhcString()).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
  }

  @Test
  void verifyUsesTheParametersStoredInTheHashNotItsOwn() throws Exception {
    PasswordHash cheap = hasher.hash("correct horse battery");

    PasswordHasher.withOwaspParameters().verify("correct horse battery", cheap);
  }

  @Test
  void nonAsciiPasswordsAreHashedAsUtf8() throws Exception {
    PasswordHash stored = hasher.hash("pässwörd ключ");

    hasher.verify("pässwörd ключ", stored);
    assertThatThrownBy(() -> hasher.verify("passwort ключ", stored))
        .isInstanceOf(PasswordMismatchException.class);
  }

  // RFC 9106 §5.3, the Argon2id test vector: proves the Bouncy Castle wiring (type, version).
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "RFC 9106 §5.3, 0101010101010101010101010101010101010101010101010101010101010101,"
        + " 02020202020202020202020202020202, 0303030303030303, 040404040404040404040404,"
        + " 32, 3, 4, 0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659"
  })
  void argon2idMatchesThePublishedVector(
      String id,
      String passwordHex,
      String saltHex,
      String secretHex,
      String associatedDataHex,
      int memoryKib,
      int iterations,
      int parallelism,
      String tagHex) {
    HexFormat hex = HexFormat.of();
    Argon2Parameters parameters =
        PasswordHasher.argon2id(memoryKib, iterations, parallelism, hex.parseHex(saltHex))
            .withSecret(hex.parseHex(secretHex))
            .withAdditional(hex.parseHex(associatedDataHex))
            .build();

    byte[] tag = PasswordHasher.deriveTag(parameters, hex.parseHex(passwordHex), 32);

    assertThat(hex.formatHex(tag)).isEqualTo(tagHex);
  }

  // Argon2id PHC strings from the reference implementation's test suite (P-H-C/phc-winner-argon2,
  // src/test.c, argon2id cases, salt "somesalt"), each also checked with Python's cryptography.
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "password | $argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ"
            + "$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "password | $argon2id$v=19$m=256,t=2,p=2$c29tZXNhbHQ"
            + "$bQk8UB/VmZZF4Oo79iDXuL5/0ttZwg2f/5U52iv1cDc",
        "password"
            + " | $argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ"
            + "$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
        "differentpassword"
            + " | $argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ"
            + "$C4TWUs9rDEvq7w3+J4umqA32aWKB1+DSiRuBfYxFj94"
      })
  void verifyAcceptsHashesFromTheReferenceImplementation(String password, String phc)
      throws Exception {
    PasswordHash reference = PasswordHash.parse(phc);

    hasher.verify(password, reference);
    assertThatThrownBy(() -> hasher.verify(password + "!", reference))
        .isInstanceOf(PasswordMismatchException.class);
  }

  @Test
  @Timeout(10)
  void hashingWaitsForAPermitWhenAllAreTaken() throws Exception {
    Semaphore permits = new Semaphore(1, true);
    PasswordHasher limited = new PasswordHasher(1024, 1, 1, permits);
    permits.acquire(); // every permit is in use

    CompletableFuture<PasswordHash> waiting =
        CompletableFuture.supplyAsync(() -> limited.hash("correct horse battery"));
    while (!permits.hasQueuedThreads()) {
      Thread.onSpinWait();
    }
    assertThat(waiting).isNotDone();

    permits.release();
    assertThat(waiting.get(5, TimeUnit.SECONDS).toPhcString()).startsWith("$argon2id$");
    assertThat(permits.availablePermits()).isEqualTo(1);
  }

  @Test
  void theConcurrencyLimitIsTwoHashesPerProcessor() {
    assertThat(PasswordHasher.maxConcurrentHashes())
        .isEqualTo(2 * Runtime.getRuntime().availableProcessors());
  }

  @Test
  void toStringNamesTheParametersButNotSaltOrHash() {
    PasswordHash stored = hasher.hash("correct horse battery");

    assertThat(stored.toString()).isEqualTo("argon2id(m=1024,t=1,p=1)");
  }
}
