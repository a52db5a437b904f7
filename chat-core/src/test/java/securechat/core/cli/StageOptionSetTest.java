package securechat.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Option;
import securechat.core.channel.ChannelSecurity;
import securechat.core.client.FramedTestSecurity;
import securechat.core.terminal.RecordingConsole;

/** Each stage's own options: listed in the help, given to that stage, refused for another. */
class StageOptionSetTest {
  /** What the fancy stage's options were when it built its security. */
  private static final AtomicReference<String> SEEN = new AtomicReference<>();

  /** A stage with one option of its own, as chat-tls has {@code --mutual-tls}. */
  static final class FancyOptions implements StageOptions {
    @Option(names = "--sparkle", paramLabel = "COLOUR", description = "(fancy) Sparkle colour")
    private String sparkle = "none";

    @Override
    public ChannelSecurity security(StageContext context) {
      SEEN.set(sparkle + " " + context.host() + " " + context.keyLog().orElse(Path.of("-")));
      return new FramedTestSecurity(context.limits());
    }
  }

  private static final List<Stage> STAGES =
      List.of(
          Stage.withoutOptions("plain", 7001, "none", c -> new FramedTestSecurity(c.limits())),
          new Stage("fancy", 7009, "sparkles", FancyOptions::new, FancyOptions::new));

  @TempDir Path tmp;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    ClientCommand command = new ClientCommand(STAGES, RecordingConsole::silent, Map.of());
    return CliErrorHandler.configure(command.commandLine())
        .setOut(new PrintWriter(out))
        .setErr(new PrintWriter(err))
        .execute(args);
  }

  @Test
  void helpListsTheOptionsOfEveryStage() {
    assertThat(run("--help")).isZero();

    assertThat(out.toString()).contains("--sparkle=COLOUR", "(fancy) Sparkle colour");
  }

  @Test
  void anOptionOfAnotherStageIsRefusedWithAHint() {
    int exitCode = run("--stage", "plain", "--sparkle", "gold");

    assertThat(exitCode).isEqualTo(1);
    assertThat(err.toString())
        .isEqualTo(
            "error: --sparkle is an option of the fancy stage, not of the plain stage\n"
                + "hint: add --stage fancy, or leave --sparkle out\n");
  }

  @Test
  void theChosenStageGetsItsOptionsTheHostAndTheKeyLog() throws Exception {
    int closedPort;
    try (ServerSocket probe = new ServerSocket(0)) {
      closedPort = probe.getLocalPort();
    }
    Path keyLog = tmp.resolve("keys.log");

    int exitCode =
        run(
            "--stage",
            "fancy",
            "--sparkle",
            "gold",
            "--host",
            "localhost",
            "--port",
            String.valueOf(closedPort),
            "--keylog",
            keyLog.toString(),
            "--data-dir",
            tmp.toString());

    assertThat(exitCode).isEqualTo(1); // nothing listens: the security was built, then refused
    assertThat(SEEN.get()).isEqualTo("gold localhost " + keyLog);
    assertThat(err.toString()).startsWith("error: cannot connect to localhost:" + closedPort);
  }
}
