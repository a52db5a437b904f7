package securechat.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import securechat.testkit.WireClient;

/**
 * {@code lab server} and {@code lab client} as real processes: the admin console driven through
 * stdin, a client driven by a script, and shutdown by {@code exit} and by SIGTERM, each telling
 * every client and ending the process.
 */
@Timeout(60)
class LabProcessIT {
  private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");

  @TempDir Path dataDir;
  private Process server;
  private final BlockingQueue<String> output = new LinkedBlockingQueue<>();
  private final List<WireClient> clients = new ArrayList<>();

  private InetSocketAddress startServer() throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    server =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                Lab.class.getName(),
                "server",
                "--stage",
                "plain",
                "--port",
                "0",
                "--data-dir",
                dataDir.toString())
            .redirectErrorStream(true)
            .start();
    Thread.ofVirtual().start(this::collectOutput);
    Matcher listening = LISTENING.matcher(awaitOutput("listening on"));
    assertThat(listening.find()).isTrue();
    return new InetSocketAddress("127.0.0.1", Integer.parseInt(listening.group(1)));
  }

  private void collectOutput() {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
      in.lines().forEach(output::add);
    } catch (IOException e) {
      output.add("<output closed: " + e.getMessage() + ">");
    }
  }

  private String awaitOutput(String fragment) throws InterruptedException {
    List<String> seen = new ArrayList<>();
    while (true) {
      String line = output.poll(20, TimeUnit.SECONDS);
      if (line == null) {
        throw new AssertionError("the server never printed '" + fragment + "'; it printed " + seen);
      }
      seen.add(line);
      if (line.contains(fragment)) {
        return line;
      }
    }
  }

  private void type(String command) throws IOException {
    OutputStream stdin = server.getOutputStream();
    stdin.write((command + "\n").getBytes(StandardCharsets.UTF_8));
    stdin.flush();
  }

  private WireClient register(InetSocketAddress address, String name) throws Exception {
    WireClient client = new WireClient(address);
    clients.add(client);
    assertThat(client.next()).startsWith("WELCOME plain");
    client.send("/register " + name + " password-of-" + name);
    assertThat(client.next()).startsWith("OK registered and logged in as " + name);
    return client;
  }

  @AfterEach
  void stop() throws IOException {
    for (WireClient client : clients) {
      client.close();
    }
    if (server != null) {
      server.destroyForcibly();
    }
  }

  @Test
  void adminConsoleListsTalksDropsAndShutsDownThroughStdin() throws Exception {
    InetSocketAddress address = startServer();
    WireClient alice = register(address, "alice");
    WireClient bob = register(address, "bob");
    alice.nextStartingWith("JOIN bob");

    type("list");
    assertThat(awaitOutput("connected:")).contains("2 connected:");
    assertThat(awaitOutput("alice from")).contains("alice from 127.0.0.1:");
    type("select alice");
    awaitOutput("talking to");
    type("hello from the admin");
    assertThat(alice.next()).isEqualTo("ADMIN hello from the admin");
    type("back");
    type("broadcast class ends in 5 minutes");
    assertThat(alice.next()).isEqualTo("ADMIN class ends in 5 minutes");
    assertThat(bob.next()).isEqualTo("ADMIN class ends in 5 minutes");
    type("select bob");
    awaitOutput("talking to");
    type("exit");
    assertThat(bob.next()).isEqualTo("BYE removed by the administrator");
    assertThat(alice.next()).isEqualTo("LEAVE bob removed by the administrator");

    type("exit");
    assertThat(alice.next()).isEqualTo("BYE the administrator shut the server down");
    assertThat(server.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(server.exitValue()).isZero();
  }

  @Test
  void pipedClientRegistersChatsAndQuitsAtTheEndOfItsInput() throws Exception {
    InetSocketAddress address = startServer();
    WireClient bob = register(address, "bob");
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder builder =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                Lab.class.getName(),
                "client",
                "--user",
                "alice",
                "--register",
                "--port",
                String.valueOf(address.getPort()),
                "--data-dir",
                dataDir.toString())
            .redirectErrorStream(true);
    builder.environment().put("SECURECHAT_PASSWORD", "alice-password-1");
    Process client = builder.start();
    try (OutputStream stdin = client.getOutputStream()) {
      stdin.write("hello from a script\n/whisper bob psst\n".getBytes(StandardCharsets.UTF_8));
    }
    assertThat(client.waitFor(20, TimeUnit.SECONDS)).isTrue();
    String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(client.exitValue()).as(output).isZero();
    assertThat(output.lines())
        .contains(
            "ok: registered and logged in as alice; 2 online",
            "alice: hello from a script",
            "alice -> bob (whisper): psst",
            "[server] closing the connection: goodbye");
    assertThat(bob.next()).isEqualTo("JOIN alice");
    assertThat(bob.next()).isEqualTo("MSG alice hello from a script");
    assertThat(bob.next()).isEqualTo("WHISPER alice bob psst");
    assertThat(bob.next()).isEqualTo("LEAVE alice quit");
  }

  @Test
  void sigtermTellsClientsAndEndsTheProcess() throws Exception {
    InetSocketAddress address = startServer();
    WireClient alice = register(address, "alice");
    WireClient idle = new WireClient(address);
    clients.add(idle);
    assertThat(idle.next()).startsWith("WELCOME");

    // SIGTERM through the handle: Process.destroy() would also close our end of its stdout.
    assertThat(server.toHandle().destroy()).isTrue();
    assertThat(alice.next()).isEqualTo("BYE server is shutting down");
    assertThat(idle.next()).isEqualTo("BYE server is shutting down");
    assertThat(server.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(awaitOutput("server stopped")).doesNotContain("still alive");
  }
}
