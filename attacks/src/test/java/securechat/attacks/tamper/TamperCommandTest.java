package securechat.attacks.tamper;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import securechat.attacks.CommandRun;
import securechat.attacks.LabStages;
import securechat.attacks.replay.ReplayCommand;

class TamperCommandTest {
  @TempDir Path dataDir;

  @Test
  void anUnknownStageIsOneSentenceNamingTheStagesThereAre() {
    for (Object command :
        new Object[] {new TamperCommand(LabStages.all()), new ReplayCommand(LabStages.all())}) {
      CommandRun run =
          CommandRun.of(command, "--data-dir", dataDir.toString(), "--stage", "quantum");

      assertThat(run.exit()).isEqualTo(1);
      assertThat(run.err())
          .isEqualTo("error: unknown stage 'quantum'; the stages are: plain, tls, ecdhe, e2e\n");
      assertThat(run.out()).isEmpty();
    }
  }

  @Test
  void helpNamesTheOptions() {
    CommandRun run = CommandRun.of(new TamperCommand(LabStages.all()), "--help");

    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("--stage=S", "--bit=N", "--envelope-part=P", "--json=FILE");
  }
}
