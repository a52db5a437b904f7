package securechat.attacks.mitm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import securechat.attacks.LabStages;
import securechat.attacks.Victims;
import securechat.core.client.ScriptedPeer;

/**
 * {@code lab attack mitm} against real servers and clients on loopback: every stage's weak victim
 * is read, every strong one refuses, judged by what the victims and the attacker saw.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MitmIT {
  @TempDir Path dataDir;

  private JsonNode run(String... args) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Path json = dataDir.resolve("verdicts.json");
    String[] all = new String[args.length + 5];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(
        new String[] {"--data-dir", dataDir.toString(), "--json", json.toString(), "--no-color"},
        0,
        all,
        args.length,
        5);
    int status =
        new CommandLine(new MitmCommand(LabStages.all()))
            .setOut(new PrintWriter(out))
            .setErr(new PrintWriter(err))
            .execute(all);
    assertThat(status).as(out + "\n" + err).isZero();
    return new ObjectMapper().readTree(json.toFile());
  }

  @Test
  void plainProxyReadsThePasswordAndRewritesTheMessage() throws Exception {
    JsonNode verdicts = run("--stage", "plain");

    assertThat(verdicts).hasSize(1);
    JsonNode plain = verdicts.get(0);
    assertThat(plain.get("outcome").asText()).isEqualTo("succeeded");
    assertThat(plain.get("evidence").toString())
        .contains("alice's password is alice-secret-5585")
        .contains("bob read: MSG alice the vault code is 0000");
  }

  @Test
  void tlsClientTrustingAllIsReadAndAVerifyingClientRefuses() throws Exception {
    JsonNode verdicts = run("--stage", "tls");

    assertThat(verdicts.get(0).get("target").asText()).isEqualTo("tls client --insecure-trust-all");
    assertThat(verdicts.get(0).get("outcome").asText()).isEqualTo("succeeded");
    assertThat(verdicts.get(0).get("evidence").toString()).contains("the vault code is 0000");
    assertThat(verdicts.get(1).get("outcome").asText()).isEqualTo("refused");
    assertThat(verdicts.get(1).get("evidence").toString())
        .contains("alice's client refused")
        .doesNotContain("password is");
  }

  @Test
  void ecdheClientWithoutAuthIsReadAndAPinnedClientRefuses() throws Exception {
    JsonNode verdicts = run("--stage", "ecdhe");

    assertThat(verdicts.get(0).get("outcome").asText()).isEqualTo("succeeded");
    assertThat(verdicts.get(0).get("evidence").toString()).contains("password is");
    assertThat(verdicts.get(1).get("outcome").asText()).isEqualTo("refused");
    assertThat(verdicts.get(1).get("evidence").toString()).contains("HAS CHANGED");
  }

  @Test
  void e2eKeySubstitutionReadsAFirstContactAndIsCaughtByAClientThatKnewTheKey() throws Exception {
    JsonNode verdicts = run("--stage", "e2e");

    JsonNode weak = verdicts.get(0);
    assertThat(weak.get("outcome").asText()).isEqualTo("succeeded");
    assertThat(weak.get("evidence").toString())
        .contains("the attacker opened alice's whisper to bob: meet me at the back door at 5")
        .contains("(different)");
    JsonNode strong = verdicts.get(1);
    assertThat(strong.get("outcome").asText()).isEqualTo("refused");
    assertThat(strong.get("evidence").toString()).contains("HAS CHANGED").contains("(different)");
  }

  @Test
  void proxyModeSitsBetweenClientsAndAServerTheStudentStarted() throws Exception {
    Victims victims = new Victims(LabStages.all().get(0), dataDir.resolve("own"));
    try (victims) {
      int server = victims.startServer().getPort();
      int proxy;
      try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        proxy = free.getLocalPort();
      }
      StringWriter out = new StringWriter();
      CommandLine command =
          new CommandLine(new MitmCommand(LabStages.all())).setOut(new PrintWriter(out));
      String[] args = {
        "--stage",
        "plain",
        "--listen",
        "" + proxy,
        "--target",
        "" + server,
        "--time-limit",
        "30s",
        "--data-dir",
        dataDir.toString(),
        "--no-color"
      };
      Thread attacker = Thread.ofVirtual().start(() -> command.execute(args));
      ScriptedPeer carol = connectWhenListening(victims, proxy);
      victims.logIn(carol, "carol", true);
      carol.send("/quit");
      carol.expect("BYE");
      carol.close();
      attacker.join(Duration.ofSeconds(20));

      assertThat(out.toString())
          .contains("verdict: SUCCEEDED  mitm on plain (proxy)")
          .contains("carol's password is " + Victims.passwordOf("carol"));
    }
  }

  private static ScriptedPeer connectWhenListening(Victims victims, int port) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (true) {
      try {
        return victims.connect("carol", port);
      } catch (java.net.ConnectException notYet) {
        if (System.nanoTime() > deadline) {
          throw notYet;
        }
        Thread.sleep(50); // polling a port that is not open yet: there is nothing to wait on
      }
    }
  }

  @Test
  void anUnknownStageIsOneSentence() {
    StringWriter err = new StringWriter();
    CommandLine command =
        securechat.core.cli.CliErrorHandler.configure(
            new CommandLine(new MitmCommand(LabStages.all())).setErr(new PrintWriter(err)));

    int status = command.execute("--stage", "quantum", "--data-dir", dataDir.toString());

    assertThat(status).isEqualTo(1);
    assertThat(err.toString()).startsWith("error: unknown stage 'quantum'").doesNotContain("\tat ");
  }
}
