package securechat.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import securechat.core.cli.Stage;
import securechat.plain.PlainSecurity;
import securechat.sniffer.capture.CaptureCounts;
import securechat.sniffer.report.Analysis;

/** How a stage's findings are judged against what it promises, and how the table shows them. */
class StageResultTest {
  private static final Stage STAGE =
      Stage.withoutOptions("s", 0, "a stage", context -> new PlainSecurity(context.limits()));
  private static final DemoStage PLAIN = new DemoStage(STAGE, "plain", true, true, "-", Map.of());
  private static final DemoStage PROTECTED =
      new DemoStage(STAGE, "tls", false, true, "-", Map.of());
  private static final DemoStage END_TO_END =
      new DemoStage(STAGE, "tls", false, false, "-", Map.of());

  private static Optional<WireFindings> wire(Seen password, Seen message, Seen file) {
    Analysis empty =
        new Analysis(
            CaptureCounts.NONE, List.of(), Map.of(), List.of(), Optional.empty(), List.of());
    return Optional.of(
        new WireFindings(empty, password, message, file, List.of("sizes", "timing"), List.of()));
  }

  private static StageResult judge(DemoStage stage, Optional<WireFindings> wire, Seen server) {
    return StageResult.judge(
        stage, 7000, Optional.empty(), wire, server, List.of(), List.of(), List.of());
  }

  @Test
  void aProtectedStageWithEverythingHiddenBehaves() {
    StageResult result =
        judge(PROTECTED, wire(Seen.HIDDEN, Seen.HIDDEN, Seen.HIDDEN), Seen.VISIBLE);
    assertThat(result.problems()).isEmpty();
    assertThat(result.behaved()).isTrue();
  }

  @Test
  void aSecretOnTheWireOfAProtectedStageIsALeak() {
    StageResult result =
        judge(PROTECTED, wire(Seen.HIDDEN, Seen.VISIBLE, Seen.HIDDEN), Seen.VISIBLE);
    assertThat(result.problems())
        .containsExactly(
            "LEAK: the message or the whisper is readable in the capture of the s stage");
    assertThat(result.behaved()).isFalse();
  }

  @Test
  void aPlainCaptureWithoutThePasswordMeansTheCaptureMissedTraffic() {
    StageResult result = judge(PLAIN, wire(Seen.HIDDEN, Seen.VISIBLE, Seen.VISIBLE), Seen.VISIBLE);
    assertThat(result.problems())
        .containsExactly(
            "a password is missing from the capture of the s stage, which hides nothing: the"
                + " capture missed traffic");
  }

  @Test
  void onlyTheEndToEndStageMustKeepSecretsFromTheServer() {
    assertThat(judge(END_TO_END, Optional.empty(), Seen.VISIBLE).problems())
        .containsExactly(
            "LEAK: the s server read what alice wrote, which this stage must keep from it");
    assertThat(judge(END_TO_END, Optional.empty(), Seen.HIDDEN).behaved()).isTrue();
    assertThat(judge(PROTECTED, Optional.empty(), Seen.HIDDEN).problems())
        .singleElement()
        .asString()
        .contains("never read alice's lines in clear");
  }

  @Test
  void withoutACaptureTheWireIsNotMeasuredAndNotJudged() {
    StageResult result = judge(PROTECTED, Optional.empty(), Seen.VISIBLE);
    assertThat(result.behaved()).isTrue();
    assertThat(DemoTable.cells(result))
        .containsExactly(
            "s", "not measured", "not measured", "not measured", "VISIBLE", "not measured", "none");
  }

  @Test
  void aFailedConversationIsAProblemEvenWithoutACapture() {
    StageResult result =
        StageResult.judge(
            PROTECTED,
            7000,
            Optional.empty(),
            Optional.empty(),
            Seen.HIDDEN,
            List.of(),
            List.of(),
            List.of("the conversation failed: bob expected 'BYE…' but the connection closed"));
    assertThat(result.problems())
        .containsExactly("the conversation failed: bob expected 'BYE…' but the connection closed");
  }
}
