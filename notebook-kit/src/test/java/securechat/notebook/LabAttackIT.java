package securechat.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class LabAttackIT {
  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void returnsTheVerdictsAsLabAttackJsonWritesThem() throws Exception {
    JsonNode verdicts = LabAttack.run("replay", "--stage", "plain");

    assertThat(verdicts).hasSize(1);
    assertThat(verdicts.get(0).get("attack").asText()).isEqualTo("replay");
    assertThat(verdicts.get(0).get("target").asText()).isEqualTo("plain");
    assertThat(verdicts.get(0).get("outcome").asText()).isEqualTo("succeeded");
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void aQuietRunKeepsTheNarrationAndTheVerdicts() throws Exception {
    LabAttack.Run run = LabAttack.quiet("replay", "--stage", "plain");

    assertThat(run.verdicts()).hasSize(1);
    assertThat(run.printed()).contains("about to:").contains("verdict: SUCCEEDED  replay on plain");
  }

  @Test
  void anAttackThatCannotRunIsAFailedCheck() {
    assertThatThrownBy(() -> LabAttack.run("replay", "--stage", "nonsense"))
        .isInstanceOf(CheckFailed.class)
        .hasMessageContaining("the exit status of ./lab attack replay --stage nonsense");
  }
}
