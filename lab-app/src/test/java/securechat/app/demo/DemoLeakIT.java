package securechat.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import securechat.core.cli.Stage;
import securechat.plain.PlainSecurity;

/**
 * The demo can report a leak: a stage that promises what tls and e2e promise but sends everything
 * in clear is caught by the capture and by the server's view, and the demo ends with status 1.
 */
@Timeout(60)
class DemoLeakIT {
  @TempDir Path dataDir;

  @Test
  void aProtectedStageThatSendsInClearIsReportedAsLeakingAndFailsTheDemo() throws Exception {
    Stage broken =
        Stage.withoutOptions(
            "broken",
            0,
            "promises end-to-end secrecy, forgets to encrypt",
            context -> new PlainSecurity(context.limits()));
    DemoStage promisesEverything =
        new DemoStage(broken, "plain", false, false, "nothing: it is broken", Map.of());
    StringWriter out = new StringWriter();

    Demo.Outcome outcome =
        new Demo(
                List.of(promisesEverything), dataDir, new PrintWriter(out), false, Optional.empty())
            .run();

    StageResult result = outcome.results().get(0);
    assertThat(outcome.exitStatus()).isEqualTo(Demo.MISBEHAVED);
    assertThat(result.serverReads()).isEqualTo(Seen.VISIBLE);
    assertThat(result.problems())
        .contains(
            "LEAK: the broken server read what alice wrote, which this stage must keep from it");
    if (outcome.captureUnavailable().isEmpty()) {
      assertThat(result.password()).isEqualTo(Seen.VISIBLE);
      assertThat(result.problems())
          .contains(
              "LEAK: a password is readable in the capture of the broken stage",
              "LEAK: the message or the whisper is readable in the capture of the broken stage",
              "LEAK: the file is readable in the capture of the broken stage");
      assertThat(out.toString()).contains("broken  VISIBLE       VISIBLE       VISIBLE");
    }
    assertThat(out.toString())
        .contains("✗ LEAK: the broken server read what alice wrote")
        .contains("1 stage(s) did NOT do what they promise");
  }
}
