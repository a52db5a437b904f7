package securechat.attacks.crack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import securechat.core.cli.CliErrorHandler;

/**
 * {@code lab attack crack} as a student runs it, with its own eight victims and a short budget:
 * unsalted SHA-256 falls to the whole list, Argon2id runs out of time.
 */
@Timeout(120)
class CrackIT {
  @TempDir Path tmp;

  @Test
  void unsaltedSha256FallsToTheWholeListWhileArgon2idOutlastsTheBudget() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Path dataDir = tmp.resolve("lab-data");
    Path json = tmp.resolve("crack.json");

    int exitCode =
        CliErrorHandler.configure(new CommandLine(new CrackCommand()))
            .setOut(new PrintWriter(out))
            .setErr(new PrintWriter(err))
            .execute("--data-dir", dataDir.toString(), "--budget", "2s", "--json", json.toString());

    assertThat(exitCode).isZero();
    assertThat(err.toString()).isEmpty();
    Path victims = dataDir.resolve("attacks").resolve("crack");
    assertThat(victims.resolve("sha256-hashes.txt")).isRegularFile();
    assertThat(victims.resolve("accounts")).isRegularFile();
    assertThat(out.toString())
        .contains("verdict: SUCCEEDED  crack on unsalted-sha256")
        .contains("verdict: REFUSED  crack on argon2id")
        .contains("warning: that file is INSECURE on purpose");
    JsonNode verdicts = new ObjectMapper().readTree(Files.readString(json));
    assertThat(verdicts).hasSize(2);
    JsonNode sha256 = verdicts.get(0);
    assertThat(sha256.get("target").asText()).isEqualTo("unsalted-sha256");
    assertThat(sha256.get("outcome").asText()).isEqualTo("succeeded");
    assertThat(sha256.get("figures").get("cracked").asInt()).isEqualTo(7);
    assertThat(sha256.get("figures").get("of").asInt()).isEqualTo(8);
    assertThat(sha256.get("evidence").toString()).contains("heidi: not found");
    JsonNode argon2id = verdicts.get(1);
    assertThat(argon2id.get("target").asText()).isEqualTo("argon2id");
    assertThat(argon2id.get("outcome").asText()).isEqualTo("refused");
    assertThat(argon2id.get("figures").get("guesses_per_second").asDouble()).isPositive();
    assertThat(argon2id.get("figures").get("projected_seconds_for_list").asDouble())
        .isGreaterThan(2.0);
    assertThat(argon2id.get("why").asText()).contains("does not make a weak password safe");
  }
}
