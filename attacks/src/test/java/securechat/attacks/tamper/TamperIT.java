package securechat.attacks.tamper;

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

class TamperIT {
  @TempDir Path dataDir;

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void onlyThePlainStageLetsAFlippedBitThroughAndEachOtherSaysWhoNoticed() throws Exception {
    Path json = dataDir.resolve("tamper.json");

    CommandRun run = tamper("--json", json.toString());

    assertThat(run.exit()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .contains("verdict: SUCCEEDED  tamper on plain")
        .contains("verdict: REFUSED  tamper on tls")
        .contains("verdict: REFUSED  tamper on ecdhe")
        .contains("verdict: REFUSED  tamper on e2e");
    Map<String, JsonNode> verdicts = byTarget(json);
    assertThat(verdicts).containsOnlyKeys("plain", "tls", "ecdhe", "e2e");
    assertThat(verdicts.get("plain").get("outcome").asText()).isEqualTo("succeeded");
    assertThat(verdicts.get("plain").get("headline").asText())
        .contains("\"transfer 900 euros to alice\"");
    assertThat(verdicts.get("tls").get("headline").asText()).contains("(bad_record_mac)");
    assertThat(verdicts.get("ecdhe").get("headline").asText())
        .contains("record refused (TAMPERED)");
    assertThat(verdicts.get("e2e").get("headline").asText())
        .contains("[e2e] REFUSED a message from alice: its signature does not verify");
    for (String refused : new String[] {"tls", "ecdhe", "e2e"}) {
      assertThat(verdicts.get(refused).get("outcome").asText()).isEqualTo("refused");
      assertThat(verdicts.get(refused).get("evidence").toString()).contains("relay: changed");
    }
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void aFlippedSignatureBitIsRefusedByBobsClientToo() throws Exception {
    CommandRun run = tamper("--stage", "e2e", "--envelope-part", "signature");

    assertThat(run.exit()).isZero();
    assertThat(run.out())
        .contains("flips bit 0 (byte 0, value 1) of the envelope's signature, decoded")
        .contains("verdict: REFUSED  tamper on e2e")
        .contains("its signature does not verify against alice's key in the directory");
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void aBitBeyondTheRecordIsAnErrorWithAHint() {
    CommandRun run = tamper("--stage", "plain", "--bit", "100000");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            "error: could not change alice's first line starting '/whisper bob': bit 100000 is"
                + " outside its 328 bits\n"
                + "hint: choose a smaller --bit, or leave it out for the default\n");
  }

  private CommandRun tamper(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "--data-dir";
    all[1] = dataDir.toString();
    all[2] = "--no-color";
    System.arraycopy(args, 0, all, 3, args.length);
    return CommandRun.of(new TamperCommand(LabStages.all()), all);
  }

  static Map<String, JsonNode> byTarget(Path json) throws java.io.IOException {
    Map<String, JsonNode> verdicts = new LinkedHashMap<>();
    for (JsonNode verdict : new ObjectMapper().readTree(json.toFile())) {
      verdicts.put(verdict.get("target").asText(), verdict);
    }
    return verdicts;
  }
}
