package securechat.app.demo;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import securechat.app.Lab;
import securechat.testkit.Tshark;

/**
 * {@code lab demo} end to end, with real captures (CI runs as root), and its verdicts checked
 * against a second reading of the same capture files by tshark: the test never assumes what a stage
 * hides, it compares what the demo says with what the files hold.
 */
@Timeout(120)
class DemoIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dataDir;

  @Test
  void everyVerdictMatchesWhatTsharkFindsInTheCaptures() throws Exception {
    Tshark.assumeInstalled();
    StringWriter out = new StringWriter();
    int exit = lab(out, "", "demo", "--data-dir", dataDir.toString());
    JsonNode results = JSON.readTree(dataDir.resolve("demo/results.json").toFile());
    assumeTrue(
        results.get("captureUnavailable").isNull(),
        "no capture rights here (CI runs as root): " + results.get("captureUnavailable"));

    assertThat(exit).as(out.toString()).isZero();
    assertThat(results.get("exitStatus").asInt()).isZero();
    List<String> stages = new ArrayList<>();
    for (JsonNode stage : results.get("stages")) {
      stages.add(stage.get("stage").asText());
      checkAgainstTshark(stage);
    }
    assertThat(stages).containsExactly("plain", "tls", "ecdhe", "e2e");

    // What a class sees: the excerpts are real lines from the plain capture, and the table.
    assertThat(out.toString())
        .contains("/register alice <password: " + Scenario.ALICE_PASSWORD + ">")
        .contains("MSG alice " + Scenario.MESSAGE)
        .contains("ClientHello SNI localhost")
        .contains("Fernet token")
        .contains("what still leaks")
        .contains("/whisper bob E2E1 ")
        .contains("every stage did what it promises");
    String report = Files.readString(dataDir.resolve("demo/report.html"), UTF_8);
    assertThat(report)
        .contains("<th>what still leaks</th>")
        .contains("<td class=\"leak\">VISIBLE</td>")
        .contains("What alice and bob saw")
        .contains("The whole capture, as lab sniff reads it");
  }

  /** The demo's cells for one stage against tshark's reading of its capture. */
  private static void checkAgainstTshark(JsonNode stage) throws Exception {
    String name = stage.get("stage").asText();
    Path capture = Path.of(stage.get("capture").asText());
    int port = stage.get("port").asInt();
    List<byte[]> flows = flows(capture);
    assertThat(flows).as(name + ": tshark finds data in " + capture).isNotEmpty();

    assertThat(stage.get("password").asText())
        .as(name + " password")
        .isEqualTo(verdict(flows, Scenario.passwords()));
    assertThat(stage.get("message").asText())
        .as(name + " message")
        .isEqualTo(verdict(flows, Scenario.messages()));
    assertThat(stage.get("file").asText())
        .as(name + " file")
        .isEqualTo(verdict(flows, List.of(Scenario.FILE_SECRET)));

    List<String> leaks = new ArrayList<>();
    stage.get("leaks").forEach(leak -> leaks.add(leak.asText()));
    boolean names = anyContains(flows, List.of(" alice ", " bob "));
    assertThat(leaks.contains("user names")).as(name + " names").isEqualTo(names);
    List<String> serverNames =
        Tshark.fields(
                capture,
                List.of("-d", "tcp.port==" + port + ",tls"),
                "tls.handshake.extensions_server_name")
            .stream()
            .filter(line -> !line.isBlank())
            .distinct()
            .toList();
    assertThat(leaks.stream().filter(leak -> leak.startsWith("SNI ")).toList())
        .as(name + " SNI")
        .isEqualTo(serverNames.stream().map(sni -> "SNI " + sni).toList());
    assertThat(leaks).as(name + " sizes and timing").contains("sizes", "timing");

    boolean protectedStage = !name.equals("plain");
    assertThat(stage.get("behaved").asBoolean()).as(name + " " + stage.get("problems")).isTrue();
    assertThat(stage.get("password").asText()).isEqualTo(protectedStage ? "hidden" : "visible");
    assertThat(stage.get("serverReads").asText())
        .isEqualTo(name.equals("e2e") ? "hidden" : "visible");
  }

  /** Each direction of each TCP connection, its payload bytes in order, as tshark reads them. */
  private static List<byte[]> flows(Path capture) throws Exception {
    Map<String, ByteArrayOutputStream> flows = new LinkedHashMap<>();
    for (String line : Tshark.fields(capture, "tcp.stream", "tcp.srcport", "tcp.payload")) {
      String[] fields = line.split("\t", -1);
      if (fields.length < 3 || fields[2].isEmpty()) {
        continue;
      }
      byte[] payload = HexFormat.of().parseHex(fields[2].replace(":", ""));
      flows
          .computeIfAbsent(fields[0] + "/" + fields[1], key -> new ByteArrayOutputStream())
          .writeBytes(payload);
    }
    return flows.values().stream().map(ByteArrayOutputStream::toByteArray).toList();
  }

  private static String verdict(List<byte[]> flows, List<String> texts) {
    return anyContains(flows, texts) ? "visible" : "hidden";
  }

  private static boolean anyContains(List<byte[]> flows, List<String> texts) {
    for (byte[] flow : flows) {
      String asLatin1 = new String(flow, java.nio.charset.StandardCharsets.ISO_8859_1);
      for (String text : texts) {
        if (asLatin1.contains(text)) {
          return true;
        }
      }
    }
    return false;
  }

  @Test
  void stepModeSaysWhatToLookForAndRunsOnWhenInputEnds() throws Exception {
    StringWriter out = new StringWriter();
    int exit =
        lab(out, "\n\n", "demo", "--stage", "plain", "--step", "--data-dir", dataDir.toString());
    assertThat(exit).as(out.toString()).isZero();
    assertThat(out.toString())
        .contains("▶ the server starts and the sniffer begins to capture")
        .contains("display filter tcp.port ==")
        .contains("▶ alice and bob connect and register with their passwords")
        .contains("look for: the /register lines")
        .contains("(no more input: the demo runs on without pausing)")
        .contains("▶ the capture is read back and searched for every secret")
        .contains("plain   ");
    assertThat(out.toString()).doesNotContain("── tls");
  }

  @Test
  void anUnknownStageIsOneSentenceNamingTheStages() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        Lab.commandLine(new ByteArrayInputStream(new byte[0]))
            .setOut(new PrintWriter(out))
            .setErr(new PrintWriter(err))
            .execute("demo", "--stage", "tsl", "--data-dir", dataDir.toString());
    assertThat(exit).isNotZero();
    assertThat(err.toString().strip())
        .isEqualTo("error: unknown stage 'tsl'; the stages are: plain, tls, ecdhe, e2e");
  }

  private static int lab(StringWriter out, String stdin, String... args) {
    StringWriter err = new StringWriter();
    int exit =
        Lab.commandLine(new ByteArrayInputStream(stdin.getBytes(UTF_8)))
            .setOut(new PrintWriter(out))
            .setErr(new PrintWriter(err))
            .execute(args);
    assertThat(err.toString()).as("stderr").isEmpty();
    return exit;
  }
}
