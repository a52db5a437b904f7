package securechat.attacks.tamper;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import securechat.attacks.Observed;
import securechat.attacks.Outcome;
import securechat.attacks.Verdict;

class TamperVerdictTest {
  private static final String SENT = TamperCommand.MESSAGE;

  @Test
  void aChangedMessageShownToBobIsASuccessQuotingIt() {
    Verdict verdict =
        TamperVerdict.judge(
            "plain",
            SENT,
            shown(
                "WHISPER alice bob transfer 900 euros to alice", "WHISPER alice bob that is all"));

    assertThat(verdict.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(verdict.headline()).contains("\"transfer 900 euros to alice\"");
  }

  @Test
  void theUnchangedMessageAloneIsNoSuccess() {
    Verdict verdict = TamperVerdict.judge("x", SENT, shown("WHISPER alice bob " + SENT));

    assertThat(verdict.outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(verdict.headline()).startsWith("bob was shown alice's message unchanged");
  }

  @Test
  void aServerThatRefusedTheTokenIsQuotedInTheHeadline() {
    Observed seen =
        new Observed(
            List.of(),
            List.of(),
            List.of("08:00:00 127.0.0.1:5 connection lost: record refused (TAMPERED): bad HMAC"),
            List.of(),
            List.of());

    Verdict verdict = TamperVerdict.judge("ecdhe", SENT, seen);

    assertThat(verdict.outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(verdict.headline())
        .endsWith("\"connection lost: record refused (TAMPERED): bad HMAC\"");
    assertThat(verdict.why()).contains("HMAC");
  }

  private static Observed shown(String... lines) {
    return new Observed(List.of(lines), List.of(), List.of(), List.of(), List.of(lines));
  }
}
