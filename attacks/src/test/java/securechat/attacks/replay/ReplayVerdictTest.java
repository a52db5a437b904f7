package securechat.attacks.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import securechat.attacks.Observed;
import securechat.attacks.Outcome;
import securechat.attacks.Verdict;

class ReplayVerdictTest {
  private static final String MESSAGE = "WHISPER alice bob " + ReplayCommand.MESSAGE;

  @Test
  void theMessageShownTwiceIsASuccess() {
    Verdict verdict =
        ReplayVerdict.judge(
            "plain", ReplayCommand.MESSAGE, seen(List.of(MESSAGE, MESSAGE), List.of()));

    assertThat(verdict.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(verdict.headline())
        .isEqualTo(
            "bob was shown alice's \"transfer 100 euros to alice\" 2 times; she sent it once");
  }

  @Test
  void bobsClientRefusingTheCopyIsQuoted() {
    String refused = "[e2e] REFUSED a message from alice: its counter 1 is not above 2";

    Verdict verdict =
        ReplayVerdict.judge("e2e", ReplayCommand.MESSAGE, seen(List.of(MESSAGE), List.of(refused)));

    assertThat(verdict.outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(verdict.headline()).endsWith("\"" + refused + "\"");
    assertThat(verdict.why()).contains("counter");
  }

  @Test
  void theMessageShownOnceWithNoRefusalIsNoSuccessButSaysSo() {
    Verdict verdict =
        ReplayVerdict.judge("x", ReplayCommand.MESSAGE, seen(List.of(MESSAGE), List.of()));

    assertThat(verdict.outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(verdict.headline())
        .isEqualTo("bob was shown alice's message 1 time(s), and no victim said why");
  }

  private static Observed seen(List<String> shown, List<String> refused) {
    return new Observed(shown, refused, List.of(), List.of(), List.of());
  }
}
