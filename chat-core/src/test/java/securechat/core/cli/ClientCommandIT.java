package securechat.core.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import securechat.core.client.FramedTestSecurity;
import securechat.core.client.ScriptedServer;
import securechat.core.terminal.ConsoleView;
import securechat.core.terminal.RecordingConsole;

/** {@code lab client} against a scripted server on a loopback port. */
@Timeout(20)
class ClientCommandIT {
  @TempDir Path tmp;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private ScriptedServer server;

  @BeforeEach
  void startServer() throws Exception {
    server = ScriptedServer.start();
  }

  @AfterEach
  void stopServer() throws Exception {
    server.close();
  }

  /** Runs {@code lab client ARGS} on a virtual thread, as a user would in another terminal. */
  private CompletableFuture<Integer> start(
      List<Stage> stages, ConsoleView console, Map<String, String> env, String... args) {
    ClientCommand command = new ClientCommand(stages, () -> console, env);
    CommandLine commandLine =
        CliErrorHandler.configure(command.commandLine())
            .setOut(new PrintWriter(out))
            .setErr(new PrintWriter(err));
    CompletableFuture<Integer> exitCode = new CompletableFuture<>();
    Thread.ofVirtual().start(() -> exitCode.complete(commandLine.execute(args)));
    return exitCode;
  }

  private String[] toServer(String... more) {
    List<String> args =
        new ArrayList<>(
            List.of("--port", String.valueOf(server.port()), "--data-dir", tmp.toString()));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  @Test
  void aScriptLogsInSendsEachLineAndQuitsAtTheEndOfInput() throws Exception {
    RecordingConsole script = new RecordingConsole(false, "hello", "", "/list");
    Map<String, String> env = Map.of("SECURECHAT_PASSWORD", "correct horse");

    CompletableFuture<Integer> exitCode =
        start(ClientCommandTest.STAGES, script, env, toServer("--user", "alice"));
    server.send("WELCOME plain hi");
    assertThat(server.nextReceived()).isEqualTo("/login alice correct horse");
    server.send("OK logged in as alice");
    assertThat(server.nextReceived()).isEqualTo("hello");
    assertThat(server.nextReceived()).isEqualTo("/list");
    assertThat(server.nextReceived()).isEqualTo("/quit");
    server.send("BYE goodbye");
    server.hangUp();

    assertThat(exitCode.get(5, TimeUnit.SECONDS)).isZero();
    assertThat(script.nextLine())
        .startsWith("connected to 127.0.0.1:")
        .endsWith("(test): none: a test channel");
    assertThat(script.nextLine()).isEqualTo("  framed lines, nothing more");
    assertThat(script.nextLine()).isEqualTo("[server] hi");
    assertThat(script.nextLine()).isEqualTo("ok: logged in as alice");
    assertThat(script.nextLine()).isEqualTo("[server] closing the connection: goodbye");
    assertThat(script.prompts()).containsOnly("");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void aPersonIsAskedForThePasswordAndSeesAPrompt() throws Exception {
    RecordingConsole terminal = new RecordingConsole(true, "typed secret", "/quit");

    CompletableFuture<Integer> exitCode =
        start(
            ClientCommandTest.STAGES, terminal, Map.of(), toServer("--user", "bob", "--register"));
    server.send("WELCOME plain hi");
    assertThat(server.nextReceived()).isEqualTo("/register bob typed secret");
    server.send("OK welcome, bob");
    assertThat(server.nextReceived()).isEqualTo("/quit");
    server.hangUp();

    assertThat(exitCode.get(5, TimeUnit.SECONDS)).isZero();
    assertThat(terminal.prompts()).containsExactly("password for bob: ", "> ");
  }

  @Test
  void thePasswordFileWinsOverTheEnvironment() throws Exception {
    Path file = Files.writeString(tmp.resolve("pw.txt"), "from file\nignored\n", UTF_8);
    RecordingConsole script = RecordingConsole.silent();
    Map<String, String> env = Map.of("SECURECHAT_PASSWORD", "from env");

    CompletableFuture<Integer> exitCode =
        start(
            ClientCommandTest.STAGES,
            script,
            env,
            toServer("--user", "alice", "--password-file", file.toString()));
    server.send("WELCOME plain hi");

    assertThat(server.nextReceived()).isEqualTo("/login alice from file");
    server.send("OK logged in as alice");
    assertThat(server.nextReceived()).isEqualTo("/quit");
    server.hangUp();
    assertThat(exitCode.get(5, TimeUnit.SECONDS)).isZero();
  }

  @Test
  void aConnectionDroppedByTheServerExitsWithStatus1() throws Exception {
    RecordingConsole script = RecordingConsole.silent();

    CompletableFuture<Integer> exitCode =
        start(
            ClientCommandTest.STAGES,
            script,
            Map.of("SECURECHAT_PASSWORD", "pw"),
            toServer("--user", "alice"));
    server.send("WELCOME plain hi");
    assertThat(server.nextReceived()).startsWith("/login alice");
    server.hangUp();

    assertThat(exitCode.get(5, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(script.nextLineStartingWith("connection"))
        .isEqualTo("connection closed by the server");
  }

  @Test
  void connectionRefusedIsAnErrorWithAHintToStartTheServer() throws Exception {
    int closedPort;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = probe.getLocalPort();
    }
    List<Stage> stages =
        List.of(
            Stage.withoutOptions(
                "plain", closedPort, "none", c -> new FramedTestSecurity(c.limits())));

    CompletableFuture<Integer> exitCode =
        start(stages, RecordingConsole.silent(), Map.of(), "--data-dir", tmp.toString());

    assertThat(exitCode.get(10, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(err.toString())
        .isEqualTo(
            "error: cannot connect to 127.0.0.1:"
                + closedPort
                + ": connection refused\n"
                + "hint: is the server running? start it with: ./lab server --stage plain\n");
  }

  @Test
  void aPortOtherThanTheStagesAppearsInTheHint() throws Exception {
    int closedPort;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = probe.getLocalPort();
    }

    CompletableFuture<Integer> exitCode =
        start(
            ClientCommandTest.STAGES,
            RecordingConsole.silent(),
            Map.of(),
            "--stage",
            "tls",
            "--port",
            String.valueOf(closedPort),
            "--data-dir",
            tmp.toString());

    assertThat(exitCode.get(10, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(err.toString())
        .endsWith(
            "hint: is the server running? start it with: ./lab server --stage tls --port "
                + closedPort
                + "\n");
  }
}
