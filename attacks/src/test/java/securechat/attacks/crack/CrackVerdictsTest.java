package securechat.attacks.crack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import securechat.attacks.Outcome;
import securechat.attacks.Verdict;

class CrackVerdictsTest {
  private static final WordList LIST = new WordList("tiny", List.of("a", "b", "c", "d"));
  private static final Duration BUDGET = Duration.ofSeconds(10);
  private static final List<String> USERS = List.of("alice", "bob");

  @Test
  void wholeListTriedAndPasswordsFoundIsSucceeded() {
    CrackResult result =
        new CrackResult(USERS, Map.of("alice", "b"), 4, 4, 2_000_000, Duration.ofMillis(2), true);

    Verdict verdict = CrackVerdicts.unsaltedSha256(result, LIST, BUDGET);

    assertThat(verdict.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(verdict.target()).isEqualTo("unsalted-sha256");
    assertThat(verdict.headline()).startsWith("cracked 1 of 2 passwords by trying all 4 words");
    assertThat(verdict.evidence()).containsExactly("alice: b", "bob: not found");
    assertThat(verdict.figures())
        .containsEntry("guesses_per_second", 2_000_000L)
        .containsEntry("cracked", 1)
        .containsEntry("of", 2)
        .containsEntry("projected_seconds_for_list", 2.0e-6);
  }

  @Test
  void budgetRunningOutIsRefusedEvenWhenSomePasswordsFell() {
    CrackResult result =
        new CrackResult(USERS, Map.of("alice", "a"), 3, 8, 0.3, Duration.ofSeconds(10), false);

    Verdict verdict = CrackVerdicts.argon2id(result, LIST, BUDGET, OptionalDouble.of(3e6));

    assertThat(verdict.outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(verdict.headline())
        .isEqualTo(
            "the 10 s budget ran out after 37.5% of the list (3 of 8 guesses): 1 of 2 passwords"
                + " fell; the whole list would take about 27 s");
    assertThat(verdict.why())
        .contains("does not make a weak password safe: 1 fell here too")
        .contains("about 10,000,000 times fewer")
        .contains("4 words × 2 users = 8 guesses instead of 4");
  }

  @Test
  void wholeListTriedWithoutAnyPasswordFoundIsRefused() {
    CrackResult result = new CrackResult(USERS, Map.of(), 8, 8, 40, Duration.ofMillis(200), true);

    Verdict verdict = CrackVerdicts.argon2id(result, LIST, BUDGET, OptionalDouble.empty());

    assertThat(verdict.outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(verdict.headline())
        .isEqualTo("tried all 4 words of tiny: none of the 2 passwords is among them");
  }

  @Test
  void argon2idFinishingTheListWithinAHugeBudgetIsSucceeded() {
    CrackResult result =
        new CrackResult(
            USERS, Map.of("alice", "a", "bob", "d"), 5, 8, 40, Duration.ofSeconds(1), true);

    Verdict verdict =
        CrackVerdicts.argon2id(result, LIST, Duration.ofHours(2), OptionalDouble.empty());

    assertThat(verdict.outcome()).isEqualTo(Outcome.SUCCEEDED);
  }
}
