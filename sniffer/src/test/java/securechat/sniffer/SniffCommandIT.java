package securechat.sniffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import securechat.core.account.AccountStore;
import securechat.core.account.PasswordHasher;
import securechat.core.channel.ChannelSecurity;
import securechat.core.cli.CliErrorHandler;
import securechat.core.protocol.Limits;
import securechat.core.server.ChatServer;
import securechat.core.server.ServerLog;
import securechat.plain.PlainSecurity;
import securechat.sniffer.capture.LiveCapture;
import securechat.sniffer.capture.LiveCaptureOptions;
import securechat.testkit.WireClient;

/**
 * {@code lab sniff} on a real loopback capture (root, as CI runs): a plain session gives the
 * password and the secret away, and the JSON says so.
 */
@Timeout(60)
class SniffCommandIT {
  private static final String SECRET = "the secret is 9d41-sniff";

  @TempDir Path dataDir;

  @Test
  void aPlainSessionShowsThePasswordAndTheSecret() throws Exception {
    assumeCaptureRights();
    ChatServer server = server(new PlainSecurity(Limits.DEFAULTS));
    InetSocketAddress address = server.start("127.0.0.1", 0);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine sniff =
        CliErrorHandler.configure(new CommandLine(new SniffCommand()))
            .setOut(new PrintWriter(out))
            .setErr(new PrintWriter(err));
    Path report = dataDir.resolve("report.html");
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(
            () ->
                sniff.execute(
                    "--port",
                    String.valueOf(address.getPort()),
                    "--duration",
                    "4s",
                    "--json",
                    "--secret",
                    SECRET,
                    "--report",
                    report.toString()));
    try {
      Thread.sleep(1500); // the capture opens before the chat starts; nothing to wait on here
      try (WireClient alice = new WireClient(address)) {
        alice.nextStartingWith("WELCOME");
        alice.send("/register alice password-of-alice");
        alice.nextStartingWith("OK");
        alice.send(SECRET);
        assertThat(alice.nextStartingWith("MSG")).isEqualTo("MSG alice " + SECRET);
      }
      assertThat(exit.get(30, TimeUnit.SECONDS)).as(err.toString()).isZero();
    } finally {
      server.shutdown("test over");
    }

    String text = out.toString();
    JsonNode json = new ObjectMapper().readTree(text.substring(0, text.indexOf("\nreport: ")));
    JsonNode stream = json.get("streams").get(0);
    assertThat(stream.get("stage").asText()).isEqualTo("plain");
    assertThat(stream.get("messages").toString())
        .contains("password-of-alice", "\"password\"", SECRET);
    assertThat(json.get("secret").get("found").asBoolean()).isTrue();
    assertThat(json.get("secret").get("hits")).hasSize(2); // alice's line and the server's MSG
    assertThat(Files.readString(report)).contains("<mark>", "What an eavesdropper saw");
  }

  private ChatServer server(ChannelSecurity security) throws Exception {
    AccountStore accounts = AccountStore.open(dataDir, PasswordHasher.forTests());
    return new ChatServer(security, accounts, Limits.DEFAULTS, new ServerLog(line -> {}));
  }

  /** Skips, saying how to grant rights, where this user may not capture on lo. */
  private static void assumeCaptureRights() {
    try (LiveCapture probe =
        LiveCapture.start(LiveCaptureOptions.onLoopback("tcp port 9"), s -> {})) {
      probe.stop();
    } catch (Exception e) {
      assumeTrue(false, "needs capture rights on lo: " + e.getMessage());
    }
  }
}
