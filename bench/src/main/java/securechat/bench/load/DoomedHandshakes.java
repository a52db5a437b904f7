package securechat.bench.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import securechat.core.channel.ChannelSecurity;
import securechat.core.channel.HandshakeException;
import securechat.core.channel.LineChannel;
import securechat.core.cli.ConfigException;
import securechat.core.protocol.ProtocolException;

/**
 * Handshakes that die with their process: a real client of the stage starts its handshake through a
 * small Python relay ({@code doomed-relay.py}), a child process of its own, and the relay is killed
 * with SIGKILL as soon as it has passed the client's first bytes to the server. The server then
 * holds half a handshake (half a login in the plain stage, which has no handshake) on a socket the
 * kernel has just closed, as it would after a student's crashed client. It must free that slot and
 * carry on.
 *
 * <p>A kill counts when the child's exit status says SIGKILL (137 = 128 + 9); anything else is a
 * failure, with its reason.
 */
final class DoomedHandshakes {
  private static final int SIGKILL_STATUS = 128 + 9;
  private static final long STEP_TIMEOUT_SECONDS = 10;

  private final String script;
  private final InetSocketAddress server;
  private final ChannelSecurity security;
  private final AtomicLong kills = new AtomicLong();
  private final DeliveryTracker errors;

  private DoomedHandshakes(
      String script, InetSocketAddress server, ChannelSecurity security, DeliveryTracker errors) {
    this.script = script;
    this.server = server;
    this.security = security;
    this.errors = errors;
  }

  /**
   * Checks that {@code python3} runs, and prepares the relay's script.
   *
   * @param errors where a kill that went wrong is counted, by kind
   * @throws ConfigException if there is no python3
   */
  static DoomedHandshakes prepare(
      InetSocketAddress server, ChannelSecurity security, DeliveryTracker errors)
      throws ConfigException, IOException {
    String script;
    try (InputStream in = DoomedHandshakes.class.getResourceAsStream("doomed-relay.py")) {
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    try {
      Process probe = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
      probe.getInputStream().readAllBytes();
      probe.waitFor();
    } catch (IOException e) {
      throw new ConfigException(
          "the soak's killed handshakes need python3, which did not start: " + Errors.kind(e),
          "install python3, or turn the kills off with --kill-every 0");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return new DoomedHandshakes(script, server, security, errors);
  }

  /** Starts one handshake through a new relay, kills the relay in the middle, and waits for it. */
  void killOne() throws InterruptedException {
    Process relay;
    try {
      relay =
          new ProcessBuilder(
                  List.of(
                      "python3",
                      "-c",
                      script,
                      server.getAddress().getHostAddress(),
                      Integer.toString(server.getPort())))
              .redirectErrorStream(true)
              .start();
    } catch (IOException e) {
      errors.error("kill: python3 did not start: " + Errors.kind(e));
      return;
    }
    try {
      killMidHandshake(relay);
    } finally {
      relay.destroyForcibly();
      relay.waitFor(STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
  }

  private void killMidHandshake(Process relay) throws InterruptedException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(relay.getInputStream(), StandardCharsets.UTF_8));
    try {
      String listening = readLine(out);
      int port = Integer.parseInt(listening.substring("listening ".length()).trim());
      Thread client = Thread.ofVirtual().name("doomed client").start(() -> handshake(port));
      String passed = readLine(out);
      if (!passed.startsWith("to-server")) {
        errors.error("kill: the relay said " + Errors.firstWords(passed));
        return;
      }
      relay.destroyForcibly(); // SIGKILL on Linux and macOS
      int status = relay.waitFor(STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS) ? relay.exitValue() : -1;
      client.join(Duration.ofSeconds(STEP_TIMEOUT_SECONDS));
      if (status == SIGKILL_STATUS) {
        kills.incrementAndGet();
      } else {
        errors.error("kill: the relay ended with status " + status + ", not SIGKILL's 137");
      }
    } catch (IOException | NumberFormatException | ExecutionException | TimeoutException e) {
      errors.error("kill: " + Errors.kind(e));
    }
  }

  /** The next line the relay prints, waiting at most 10 s. */
  private static String readLine(BufferedReader out)
      throws IOException, InterruptedException, ExecutionException, TimeoutException {
    CompletableFuture<String> line = new CompletableFuture<>();
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                String read = out.readLine();
                line.complete(read == null ? "(the relay exited)" : read);
              } catch (IOException e) {
                line.completeExceptionally(e);
              }
            });
    return line.get(STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  /**
   * The client's side: the stage's handshake, then a login line for a user that does not exist (the
   * plain stage's first bytes; harmless if it gets through). It ends when the relay dies.
   */
  private void handshake(int relayPort) {
    InetSocketAddress relay = new InetSocketAddress(server.getAddress(), relayPort);
    try (LineChannel channel = LoadClient.handshake(security, relay, 0)) {
      channel.send("/login nobody-here not-a-password-at-all");
      while (channel.receive() != null) {
        // Read until the relay's death closes the connection.
      }
    } catch (IOException | HandshakeException | ProtocolException e) {
      // Expected: the connection died with the relay, perhaps in the middle of a line.
    }
  }

  /** Relays killed by SIGKILL in the middle of a handshake so far. */
  long kills() {
    return kills.get();
  }
}
