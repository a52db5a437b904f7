package securechat.attacks.legacy;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import securechat.core.cli.CliErrorHandler;

/** {@code lab attack legacy --read}: the committed captures, no network. */
class LegacyCommandTest {
  @TempDir Path folder;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return CliErrorHandler.configure(new CommandLine(new LegacyCommand()))
        .setOut(new PrintWriter(out))
        .setErr(new PrintWriter(err))
        .execute(args);
  }

  @Test
  void everyKeyAndMessageOfTheReplicaComesBackFromItsCapture() {
    int exit = run("--read", Fixtures.capture(Fixtures.SEED004).toString(), "--no-color");

    assertThat(exit).isZero();
    assertThat(out.toString())
        .contains("alice → bob  DES key 'VyMV05IA'  \"hello bob, the vault code is 4711\"")
        .contains("bob → alice  DES key 'hbqbqUCB'  \"thanks alice, see you at the vault at six\"")
        .contains("verdict: SUCCEEDED  legacy on capture seed004-alice-bob.pcap")
        .contains("messages: 2");
    assertThat(out.toString().indexOf("about to:"))
        .isLessThan(out.toString().indexOf("alice → bob"));
  }

  @Test
  void theVerdictIsAlsoWrittenAsJson() throws Exception {
    Path json = folder.resolve("verdicts.json");

    run("--read", Fixtures.capture(Fixtures.SEED004).toString(), "--json", json.toString());

    JsonNode verdict = new ObjectMapper().readTree(Files.readString(json, UTF_8)).get(0);
    assertThat(verdict.get("attack").asText()).isEqualTo("legacy");
    assertThat(verdict.get("outcome").asText()).isEqualTo("succeeded");
    assertThat(verdict.get("figures").get("messages").asInt()).isEqualTo(2);
    assertThat(verdict.get("figures").get("keys").asInt()).isEqualTo(2);
    assertThat(verdict.get("why").asText()).contains("signed_key^e mod n = K");
  }

  @Test
  void aCaptureOfAnotherStageIsRefusedWithNothingToRecover() {
    int exit = run("--read", Fixtures.capture(Fixtures.PLAIN_STAGE).toString(), "--no-color");

    assertThat(exit).isZero();
    assertThat(out.toString())
        .contains("verdict: REFUSED  legacy on capture stage-plain.pcap")
        .contains("the one TCP connection recorded holds no seed 004 frame: nothing to recover")
        .contains("messages: 0");
  }

  @Test
  void aPortWithNoTrafficInTheCaptureLeavesNothingToRecover() {
    int exit =
        run(
            "--read",
            Fixtures.capture(Fixtures.SEED004).toString(),
            "--port",
            "7004",
            "--no-color");

    assertThat(exit).isZero();
    assertThat(out.toString())
        .contains("verdict: REFUSED")
        .contains("the recording holds no TCP connection: nothing to recover");
  }

  @Test
  void aMissingFileIsOneSentenceAndAHint() {
    int exit = run("--read", folder.resolve("nothing.pcap").toString());

    assertThat(exit).isEqualTo(CliErrorHandler.EXIT_FAILURE);
    assertThat(err.toString())
        .startsWith("error: there is no capture file '" + folder.resolve("nothing.pcap") + "'\n")
        .contains("hint: capture the replica")
        .doesNotContain("\tat ");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void aFileThatIsNotACaptureIsOneSentence() throws Exception {
    Path text = Files.writeString(folder.resolve("notes.txt"), "not a capture\n", UTF_8);

    int exit = run("--read", text.toString());

    assertThat(exit).isEqualTo(CliErrorHandler.EXIT_FAILURE);
    assertThat(err.toString())
        .contains("is not a capture file libpcap can read (pcap or pcapng)")
        .doesNotContain("\tat ");
  }

  @Test
  void aPortWithoutACaptureIsOneSentence() {
    int exit = run("--port", "7004");

    assertThat(exit).isEqualTo(CliErrorHandler.EXIT_FAILURE);
    assertThat(err.toString())
        .isEqualTo("error: --port names the replica's port in a capture; it needs --read\n");
  }
}
