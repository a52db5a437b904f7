package securechat.attacks.crack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import securechat.core.account.PasswordHasher;
import securechat.core.protocol.Username;

@Timeout(60)
class DictionaryAttackTest {
  private static final WordList TINY =
      new WordList("tiny", List.of("123456", "password1", "letmein", "sunshine", "football"));
  private static final Duration PLENTY = Duration.ofSeconds(30);

  @Test
  void unsaltedSha256CracksEveryListedPasswordWithOneHashPerWord() throws Exception {
    List<HashFiles.Unsalted> stolen =
        List.of(
            unsalted("alice", "password1"),
            unsalted("bob", "football"),
            unsalted("grace", "password1"),
            unsalted("heidi", "k7qm-2xwp-9f3h-tr8c"));
    AtomicLong progress = new AtomicLong();

    CrackResult result =
        new DictionaryAttack(TINY, 2, PLENTY).unsaltedSha256(stolen, progress::addAndGet);

    assertThat(result.cracked())
        .containsExactly(
            entry("alice", "password1"), entry("bob", "football"), entry("grace", "password1"));
    assertThat(result.guesses()).isEqualTo(TINY.size());
    assertThat(result.guessesForList()).isEqualTo(TINY.size());
    assertThat(result.listFinished()).isTrue();
    assertThat(result.succeeded()).isTrue();
    assertThat(result.guessesPerSecond()).isPositive();
    assertThat(progress.get()).isEqualTo(TINY.size());
  }

  @Test
  void argon2idCracksTheListedPasswordsWhenTheBudgetAllowsTheWholeList() throws Exception {
    PasswordHasher cheap = PasswordHasher.forTests();
    List<HashFiles.Argon2id> stolen =
        List.of(
            new HashFiles.Argon2id(new Username("alice"), cheap.hash("password1")),
            new HashFiles.Argon2id(new Username("bob"), cheap.hash("football")),
            new HashFiles.Argon2id(new Username("heidi"), cheap.hash("k7qm-2xwp-9f3h-tr8c")));
    AtomicLong progress = new AtomicLong();

    // One thread, so that no guess for alice is already under way when her password is found.
    CrackResult result =
        new DictionaryAttack(TINY, 1, PLENTY).argon2id(stolen, progress::addAndGet);

    assertThat(result.cracked())
        .containsExactly(entry("alice", "password1"), entry("bob", "football"));
    assertThat(result.listFinished()).isTrue();
    assertThat(result.succeeded()).isTrue();
    // Salted: one guess per word and user; alice is not tried again once her word is found.
    assertThat(result.guessesForList()).isEqualTo(5 * 3);
    assertThat(result.guesses()).isEqualTo(2 + 5 + 5);
    assertThat(progress.get()).isEqualTo(5 * 3);
  }

  @Test
  void argon2idStopsAtTheBudgetAndSaysTheListWasNotFinished() throws Exception {
    List<String> words = new ArrayList<>();
    IntStream.range(0, 10_000).forEach(i -> words.add("guess-" + i));
    PasswordHasher cheap = PasswordHasher.forTests();
    List<HashFiles.Argon2id> stolen =
        List.of(new HashFiles.Argon2id(new Username("alice"), cheap.hash("not-in-the-list")));

    CrackResult result =
        new DictionaryAttack(new WordList("long", words), 2, Duration.ofMillis(200))
            .argon2id(stolen, done -> {});

    assertThat(result.listFinished()).isFalse();
    assertThat(result.succeeded()).isFalse();
    assertThat(result.guesses()).isLessThan(10_000);
    assertThat(result.projectedSecondsForList()).isGreaterThan(0.2);
  }

  @Test
  void aListWithoutTheirPasswordsCracksNothing() throws Exception {
    List<HashFiles.Unsalted> stolen = List.of(unsalted("heidi", "k7qm-2xwp-9f3h-tr8c"));

    CrackResult result = new DictionaryAttack(TINY, 1, PLENTY).unsaltedSha256(stolen, done -> {});

    assertThat(result.cracked()).isEmpty();
    assertThat(result.listFinished()).isTrue();
    assertThat(result.succeeded()).isFalse();
  }

  static HashFiles.Unsalted unsalted(String name, String password) {
    return new HashFiles.Unsalted(new Username(name), new UnsaltedSha256Hasher().hashHex(password));
  }
}
