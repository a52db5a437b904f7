package securechat.attacks.fs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import securechat.attacks.LabStages;
import securechat.core.cli.CliErrorHandler;

/** The four rows of {@code lab attack fs}, each a real recorded session and a real leak. */
@Timeout(120)
class ForwardSecrecyCommandIT {
  @TempDir Path dataDir;

  @Test
  void recipientKeysOpenLegacyAndE2eRecordingsWhileEphemeralSessionsStayClosed() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Path json = dataDir.resolve("fs.json");

    int exit =
        CliErrorHandler.configure(
                new CommandLine(
                    new ForwardSecrecyCommand(List.of(LabStages.ecdhe(), LabStages.e2e()))))
            .setOut(new PrintWriter(out))
            .setErr(new PrintWriter(err))
            .execute("--data-dir", dataDir.toString(), "--no-color", "--json", json.toString());

    assertThat(err.toString()).isEmpty();
    assertThat(exit).isZero();
    JsonNode verdicts = new ObjectMapper().readTree(Files.readString(json, UTF_8));
    assertThat(verdicts).hasSize(4);
    assertThat(verdicts.findValuesAsText("outcome"))
        .containsExactly("succeeded", "refused", "refused", "succeeded");
    assertThat(verdicts.findValuesAsText("target"))
        .containsExactly(
            LegacyRsaLeak.TARGET,
            EcdheLeak.TARGET,
            E2eServerKeysLeak.TARGET,
            E2eRecipientKeyLeak.TARGET);

    JsonNode legacy = verdicts.get(0).get("figures");
    assertThat(legacy.get("packages_opened").asInt()).isEqualTo(1);
    assertThat(verdicts.get(0).get("evidence").toString())
        .contains("the leaked key's public half is the public_key bob registered on the wire")
        .contains("package to alice: stays closed");

    JsonNode ecdhe = verdicts.get(1).get("figures");
    assertThat(ecdhe.get("secrets_derived").asInt()).isEqualTo(4);
    assertThat(ecdhe.get("secrets_that_opened_a_token").asInt()).isZero();
    assertThat(ecdhe.get("tokens_opened_with_key_log").asInt())
        .isPositive()
        .isEqualTo(ecdhe.get("tokens").asInt());
    assertThat(verdicts.get(1).get("headline").asText())
        .contains("key log (the control) opened all");

    JsonNode tls = verdicts.get(2).get("figures");
    assertThat(tls.get("secrets_derived").asInt()).isPositive();
    assertThat(tls.get("records_opened").asInt()).isZero();

    JsonNode recipient = verdicts.get(3).get("figures");
    assertThat(recipient.get("envelopes_opened").asInt()).isEqualTo(1);
    assertThat(verdicts.get(3).get("headline").asText()).contains(ForwardSecrecyCommand.SECRET);

    String printed = out.toString();
    assertThat(printed.indexOf("about to:")).isLessThan(printed.indexOf("verdict:"));
    assertThat(printed).contains("Forward secrecy, row by row:");
  }
}
