package securechat.attacks.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import securechat.attacks.CommandRun;
import securechat.attacks.LabStages;

class ReplayIT {
  @TempDir Path dataDir;

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void onlyThePlainStageRunsACopiedMessageTwiceAndEachOtherSaysWhy() throws Exception {
    Path json = dataDir.resolve("replay.json");

    CommandRun run =
        CommandRun.of(
            new ReplayCommand(LabStages.all()),
            "--data-dir",
            dataDir.toString(),
            "--no-color",
            "--json",
            json.toString());

    assertThat(run.exit()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .contains("verdict: SUCCEEDED  replay on plain")
        .contains("verdict: REFUSED  replay on tls")
        .contains("verdict: REFUSED  replay on ecdhe")
        .contains("verdict: REFUSED  replay on e2e");
    Map<String, JsonNode> verdicts = new LinkedHashMap<>();
    for (JsonNode verdict : new ObjectMapper().readTree(json.toFile())) {
      verdicts.put(verdict.get("target").asText(), verdict);
    }
    assertThat(verdicts).containsOnlyKeys("plain", "tls", "ecdhe", "e2e");
    assertThat(verdicts.get("plain").get("outcome").asText()).isEqualTo("succeeded");
    assertThat(verdicts.get("plain").get("headline").asText())
        .isEqualTo(
            "bob was shown alice's \"transfer 100 euros to alice\" 2 times; she sent it once");
    assertThat(verdicts.get("tls").get("headline").asText()).contains("(bad_record_mac)");
    assertThat(verdicts.get("ecdhe").get("headline").asText())
        .contains("record refused (REPLAYED): token number 1 came again; expected number 3");
    assertThat(verdicts.get("e2e").get("headline").asText())
        .contains("[e2e] REFUSED a message from alice: its counter 1 is not above 2");
    for (String refused : new String[] {"tls", "ecdhe", "e2e"}) {
      assertThat(verdicts.get(refused).get("outcome").asText()).isEqualTo("refused");
      assertThat(verdicts.get(refused).get("evidence").toString()).contains("relay: sent the copy");
    }
  }
}
