package securechat.sniffer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import securechat.core.cli.CliErrorHandler;

/**
 * {@code lab sniff --read} on the committed captures of one real session per stage (see
 * captures/README.md): what each stage shows an eavesdropper, with no capture rights needed.
 */
class StageFixturesTest {
  private static final String CAPTURES = "src/test/resources/captures/";

  private static JsonNode sniff(String... args) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--json", "--secret", StageSessions.SECRET));
    int exit =
        CliErrorHandler.configure(new CommandLine(new SniffCommand()))
            .setOut(new PrintWriter(out))
            .setErr(new PrintWriter(err))
            .execute(all.toArray(String[]::new));
    assertThat(exit).as(err.toString()).isZero();
    return new ObjectMapper().readTree(out.toString());
  }

  @Test
  void thePlainCaptureShowsThePasswordAndTheSecret() throws Exception {
    JsonNode json = sniff("--read", CAPTURES + "stage-plain.pcap");

    JsonNode stream = json.get("streams").get(0);
    assertThat(stream.get("stage").asText()).isEqualTo("plain");
    assertThat(stream.get("messages").toString()).contains(StageSessions.PASSWORD, "\"password\"");
    assertThat(json.get("secret").get("hits")).hasSize(2);
  }

  @Test
  void theTlsCaptureShowsHellosAndOpaqueRecordsOnly() throws Exception {
    JsonNode json = sniff("--read", CAPTURES + "stage-tls.pcap");

    JsonNode stream = json.get("streams").get(0);
    assertThat(stream.get("stage").asText()).isEqualTo("tls");
    assertThat(stream.get("messages").toString())
        .contains("ClientHello", "ServerHello", "x25519", "\"opaque\"")
        .doesNotContain(StageSessions.PASSWORD);
    assertThat(json.get("secret").get("found").asBoolean()).isFalse();
    assertThat(stream.get("entropy").get("serverToClient").asDouble()).isGreaterThan(6.5);
  }

  @Test
  void theEcdheCaptureHidesTheSecretUntilTheKeyLogDecryptsIt() throws Exception {
    JsonNode without = sniff("--read", CAPTURES + "stage-ecdhe.pcap");
    JsonNode with =
        sniff("--read", CAPTURES + "stage-ecdhe.pcap", "--keylog", CAPTURES + "stage-ecdhe.keylog");

    assertThat(without.get("streams").get(0).get("stage").asText()).isEqualTo("ecdhe");
    assertThat(without.get("secret").get("found").asBoolean()).isFalse();
    assertThat(without.get("streams").get(0).get("messages").toString())
        .contains("Fernet token")
        .doesNotContain(StageSessions.PASSWORD);
    assertThat(with.get("secret").get("hits")).hasSize(2);
    assertThat(with.get("streams").get(0).get("messages").toString())
        .contains(StageSessions.PASSWORD, "\"decrypted\"");
  }
}
