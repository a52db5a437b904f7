package securechat.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import securechat.app.security.MainSources.Source;

/**
 * Two rules of docs/security.md that a reader of the code can check, checked on every main source
 * file: byte arrays are compared with {@code MessageDigest.isEqual} (time independent of where they
 * differ), and random numbers come from {@code SecureRandom}. The few places that break a rule on
 * purpose are listed here with the reason; a new one fails until it is listed.
 */
class SourceRulesTest {
  /** {@code Arrays.equals(...)}, which returns at the first difference: its time tells where. */
  private static final Pattern ARRAYS_EQUALS =
      Pattern.compile(
          "\\bArrays\\s*\\.\\s*equals\\s*\\(|import\\s+static\\s+java\\.util\\.Arrays\\.");

  /** Every generator that is not SecureRandom: predictable from a few outputs, or from its seed. */
  private static final Pattern INSECURE_RANDOM =
      Pattern.compile(
          "\\bjava\\.util\\.Random\\b|\\bnew\\s+Random\\s*\\(|\\bThreadLocalRandom\\b"
              + "|\\bMath\\s*\\.\\s*random\\b|\\bSplittableRandom\\b"
              + "|\\bRandomGenerator\\s*\\.\\s*(of|getDefault)\\b|\\bRandomGeneratorFactory\\b");

  private static final String ATTACKS = "attacks/src/main/java/securechat/attacks/";
  private static final String BENCH = "bench/src/main/java/securechat/";
  private static final String REPLICA =
      "the seed 004 replica (--insecure-legacy seed004) is weak"
          + " on purpose: java.util.Random, as the original program used";
  private static final String BENCH_INPUT =
      "benchmark input bytes from a fixed seed, so that"
          + " every run measures the same work; never a key anyone uses";

  /** Files allowed to compare arrays with Arrays.equals: how many times, and why it is safe. */
  private static final Map<String, Allowed> ARRAYS_EQUALS_ALLOWED =
      Map.of(
          ATTACKS + "downgrade/ClientHelloReplyReader.java",
          new Allowed(1, "the attacker's tool looks for RFC 8446's public downgrade sentinel"),
          ATTACKS + "fs/Tls13Hellos.java",
          new Allowed(1, "the attacker's tool looks for the public HelloRetryRequest value"),
          ATTACKS + "wire/RecordPicker.java",
          new Allowed(1, "the attacker's tool finds a record by its first bytes on the wire"),
          ATTACKS + "crack/DesKeySearch.java",
          new Allowed(1, "the brute-force search itself: every guess against known ciphertext"),
          "chat-core/src/main/java/securechat/core/cli/UserCommand.java",
          new Allowed(1, "the two passwords a user typed at their own console; no one can time it"),
          "lab-app/src/main/java/securechat/app/notebooks/KernelSpec.java",
          new Allowed(1, "a file's contents against what would be written, to skip a rewrite"));

  /** Files allowed a generator other than SecureRandom (a prefix ending in / is a package). */
  private static final Map<String, String> INSECURE_RANDOM_ALLOWED =
      Map.ofEntries(
          Map.entry("chat-e2e/src/main/java/securechat/e2e/legacy/", REPLICA),
          Map.entry(ATTACKS + "legacy/LegacyVictims.java", REPLICA),
          Map.entry(ATTACKS + "legacy/LegacyCommand.java", REPLICA),
          Map.entry(
              ATTACKS + "fs/LegacyRsaLeak.java",
              "the attack rebuilds bob's legacy RSA key from his java.util.Random seed"),
          Map.entry(
              ATTACKS + "crack/DesCommand.java",
              "--seed makes the victim's DES key repeatable for a demonstration;"
                  + " SecureRandom without it"),
          Map.entry(
              BENCH + "bench/load/Pacer.java",
              "the load generator's pacing (when a simulated client sends), seeded to repeat runs"),
          Map.entry(
              BENCH + "bench/load/SoakSessions.java",
              "the soak's choices (whom to whisper, when to hang up), seeded per worker to repeat"
                  + " runs"),
          Map.entry(BENCH + "bench/FernetBenchmark.java", BENCH_INPUT),
          Map.entry(BENCH + "bench/HkdfBenchmark.java", BENCH_INPUT),
          Map.entry(BENCH + "bench/RawJceBenchmark.java", BENCH_INPUT),
          Map.entry(BENCH + "e2e/Ed25519Benchmark.java", BENCH_INPUT),
          Map.entry(BENCH + "e2e/EnvelopeBenchmark.java", BENCH_INPUT),
          Map.entry(BENCH + "e2e/HpkeBenchmark.java", BENCH_INPUT));

  record Allowed(int times, String reason) {}

  @Test
  void byteArraysAreComparedInConstantTimeOutsideTheListedPlaces() throws Exception {
    List<String> broken = new ArrayList<>();
    List<String> used = new ArrayList<>();
    for (Source source : MainSources.all()) {
      int found = source.count(ARRAYS_EQUALS);
      Allowed allowed = ARRAYS_EQUALS_ALLOWED.get(source.path());
      if (found > 0 && (allowed == null || found > allowed.times())) {
        broken.add(
            source.path() + ": Arrays.equals " + found + " times; use MessageDigest.isEqual");
      }
      if (found > 0 && allowed != null) {
        used.add(source.path());
      }
    }
    assertThat(broken).isEmpty();
    assertThat(used)
        .as("every allowance is still needed")
        .containsExactlyInAnyOrderElementsOf(ARRAYS_EQUALS_ALLOWED.keySet());
  }

  @Test
  void randomnessComesFromSecureRandomOutsideTheListedPlaces() throws Exception {
    List<String> broken = new ArrayList<>();
    List<String> used = new ArrayList<>();
    for (Source source : MainSources.all()) {
      if (source.count(INSECURE_RANDOM) == 0) {
        continue;
      }
      INSECURE_RANDOM_ALLOWED.keySet().stream()
          .filter(allowed -> source.path().startsWith(allowed))
          .findFirst()
          .ifPresentOrElse(used::add, () -> broken.add(source.path()));
    }
    assertThat(broken).as("not SecureRandom; use it, or list the file here with why").isEmpty();
    assertThat(used)
        .as("every allowance is still needed")
        .containsAll(INSECURE_RANDOM_ALLOWED.keySet());
  }

  @Test
  void theScannerSeesCodeButNotCommentsOrStrings() {
    assertThat(new Source("x", "Arrays.equals(a, b)").count(ARRAYS_EQUALS)).isOne();
    assertThat(MainSources.codeOf("// Arrays.equals(a, b)\nString s = \"new Random(1)\";"))
        .doesNotContain("Arrays", "Random");
    assertThat(MainSources.codeOf("int x = new Random(1).nextInt(); // a \"quote\""))
        .contains("new Random(");
  }
}
