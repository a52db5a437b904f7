package securechat.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import securechat.testkit.Vectors;

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

  static Stream<Named<JsonNode>> rfc9106() {
    return Vectors.cases("vectors/rfc9106-argon2id.json");
  }

  /** RFC 9106 §5.3: proves the Bouncy Castle wiring (type Argon2id, version 0x13). */
  @ParameterizedTest(name = "{0}")
  @MethodSource("rfc9106")
  void argon2idMatchesThePublishedVector(JsonNode vector) {
    Argon2Parameters parameters =
        PasswordHasher.argon2id(
                vector.get("memoryKib").asInt(),
                vector.get("iterations").asInt(),
                vector.get("parallelism").asInt(),
                Vectors.hex(vector, "salt"))
            .withSecret(Vectors.hex(vector, "secret"))
            .withAdditional(Vectors.hex(vector, "ad"))
            .build();

    byte[] tag = PasswordHasher.deriveTag(parameters, Vectors.hex(vector, "password"), 32);

    assertThat(HexFormat.of().formatHex(tag)).isEqualTo(Vectors.text(vector, "tag"));
  }

  static Stream<Named<JsonNode>> referenceHashes() {
    return Vectors.cases("vectors/argon2id-phc.json");
  }

  /**
   * PHC strings made by the reference implementation verify here, and fail for another password.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("referenceHashes")
  void verifyAcceptsHashesFromTheReferenceImplementation(JsonNode vector) throws Exception {
    String password = Vectors.text(vector, "password");
    PasswordHash reference = PasswordHash.parse(Vectors.text(vector, "phc"));

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
