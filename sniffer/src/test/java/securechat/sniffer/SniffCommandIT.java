package securechat.sniffer;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import securechat.core.cli.CliErrorHandler;
import securechat.core.server.ChatServer;
import securechat.sniffer.capture.LiveCapture;
import securechat.sniffer.capture.LiveCaptureOptions;

/**
 * {@code lab sniff} on real loopback captures (root, as CI runs), one session per stage: the plain
 * stage gives the password and the secret away; the ecdhe stage shows neither, unless the client's
 * key log is given.
 */
@Timeout(90)
class SniffCommandIT {

  @TempDir Path dataDir;

  @Test
  void aPlainSessionShowsThePasswordAndTheSecret() throws Exception {
    assumeCaptureRights();
    Sniffed sniffed = sniff(StageSessions.plain());

    JsonNode stream = sniffed.json().get("streams").get(0);
    assertThat(stream.get("stage").asText()).isEqualTo("plain");
    assertThat(stream.get("messages").toString())
        .contains(StageSessions.PASSWORD, "\"password\"", StageSessions.SECRET);
    assertThat(sniffed.json().get("secret").get("hits")).hasSize(2); // alice's line, the MSG
    assertThat(Files.readString(sniffed.report())).contains("<mark>", "What an eavesdropper saw");
  }

  @Test
  void anEcdheSessionHidesTheSecretUnlessTheKeyLogIsGiven() throws Exception {
    assumeCaptureRights();
    Path keyLog = dataDir.resolve("keys.log");
    Sniffed sniffed = sniff(StageSessions.ecdhe(dataDir, keyLog));

    JsonNode stream = sniffed.json().get("streams").get(0);
    assertThat(stream.get("stage").asText()).isEqualTo("ecdhe");
    assertThat(stream.get("messages").toString())
        .doesNotContain(StageSessions.PASSWORD, StageSessions.SECRET);
    assertThat(sniffed.json().get("secret").get("found").asBoolean()).isFalse();

    StringWriter again = new StringWriter();
    int exit =
        command(again, new StringWriter())
            .execute(
                "--read",
                sniffed.capture().toString(),
                "--keylog",
                keyLog.toString(),
                "--json",
                "--secret",
                StageSessions.SECRET);
    assertThat(exit).isZero();
    JsonNode decrypted = new ObjectMapper().readTree(again.toString());
    assertThat(decrypted.get("secret").get("hits")).isNotEmpty();
    assertThat(decrypted.get("secret").get("hits").get(0).get("decrypted").asBoolean()).isTrue();
  }

  @Test
  void aTlsSessionShowsOnlyRecordsAndTsharkCountsTheSameRecords() throws Exception {
    assumeCaptureRights();
    Sniffed sniffed = sniff(StageSessions.tls());

    JsonNode stream = sniffed.json().get("streams").get(0);
    assertThat(stream.get("stage").asText()).isEqualTo("tls");
    String messages = stream.get("messages").toString();
    assertThat(messages).contains("ClientHello", "ServerHello", "application_data", "\"opaque\"");
    assertThat(messages).doesNotContain(StageSessions.PASSWORD, StageSessions.SECRET);
    assertThat(sniffed.json().get("secret").get("found").asBoolean()).isFalse();
    long ours =
        countKinds(stream, "ClientHello", "ServerHello", "ChangeCipherSpec", "application_data");
    assertThat(ours)
        .as("TLS records we read")
        .isEqualTo(tsharkTlsRecords(sniffed.capture(), sniffed.port()));
  }

  /**
   * Messages of these kinds; a record's handshake messages count once (ClientHello, ServerHello).
   */
  private static long countKinds(JsonNode stream, String... kinds) {
    List<String> wanted = List.of(kinds);
    long count = 0;
    for (JsonNode message : stream.get("messages")) {
      if (wanted.contains(message.get("kind").asText())) {
        count++;
      }
    }
    return count;
  }

  /**
   * Records tshark sees on the server's port: per frame, one content type per plaintext record and
   * one opaque type per TLS 1.3 encrypted record, comma-separated.
   */
  private static long tsharkTlsRecords(Path capture, int port) throws Exception {
    List<String> command =
        List.of(
            "tshark",
            "-r",
            capture.toString(),
            "-d",
            "tcp.port==" + port + ",tls",
            "-Y",
            "tls",
            "-T",
            "fields",
            "-e",
            "tls.record.content_type",
            "-e",
            "tls.record.opaque_type");
    Process tshark =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String output = new String(tshark.getInputStream().readAllBytes(), US_ASCII);
    assertThat(tshark.waitFor(30, TimeUnit.SECONDS)).isTrue();
    long records = 0;
    for (String field : output.split("[\\t\\n]")) {
      records += field.isBlank() ? 0 : field.split(",").length;
    }
    return records;
  }

  private record Sniffed(JsonNode json, Path report, Path capture, int port) {}

  /** Serves {@code security}, sniffs its port while {@code session} runs, returns the JSON. */
  private Sniffed sniff(StageSessions.Stage stage) throws Exception {
    ChatServer server = StageSessions.server(stage, dataDir);
    InetSocketAddress address = server.start("127.0.0.1", 0);
    // One session before the capture, so that the captured one is not slowed by the first TLS
    // set-up and class loading: on a busy machine it could outlast the 5-second capture.
    StageSessions.warmUp(stage, address);
    StringWriter out = new StringWriter();
    CountDownLatch capturing = new CountDownLatch(1);
    Path report = dataDir.resolve("report.html");
    Path capture = dataDir.resolve("capture.pcap");
    CommandLine sniff = command(out, new SignallingWriter(capturing));
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(
            () ->
                sniff.execute(
                    "--port",
                    String.valueOf(address.getPort()),
                    "--duration",
                    "5s",
                    "--json",
                    "--secret",
                    StageSessions.SECRET,
                    "--report",
                    report.toString(),
                    "--write",
                    capture.toString()));
    try {
      assertThat(capturing.await(20, TimeUnit.SECONDS)).as("the capture started").isTrue();
      StageSessions.chat(stage, address);
      assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
    } finally {
      server.shutdown("test over");
    }
    return new Sniffed(
        new ObjectMapper().readTree(out.toString()), report, capture, address.getPort());
  }

  private static CommandLine command(StringWriter out, Writer err) {
    return CliErrorHandler.configure(new CommandLine(new SniffCommand()))
        .setOut(new PrintWriter(out))
        .setErr(new PrintWriter(err));
  }

  /** Stderr of the command: counts down once it says the capture is running. */
  private static final class SignallingWriter extends Writer {
    private final CountDownLatch capturing;
    private final StringBuilder text = new StringBuilder();

    SignallingWriter(CountDownLatch capturing) {
      this.capturing = capturing;
    }

    @Override
    public synchronized void write(char[] buffer, int offset, int length) {
      text.append(buffer, offset, length);
      if (text.indexOf("capturing on ") >= 0) {
        capturing.countDown();
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  /** Skips, saying how to grant rights, where this user may not capture on lo. */
  private static void assumeCaptureRights() {
    List<String> problem = new ArrayList<>();
    try (LiveCapture probe =
        LiveCapture.start(LiveCaptureOptions.onLoopback("tcp port 9"), s -> {})) {
      probe.stop();
    } catch (Exception e) {
      problem.add(e.getMessage());
    }
    assumeTrue(problem.isEmpty(), () -> "needs capture rights on lo: " + problem);
  }
}
