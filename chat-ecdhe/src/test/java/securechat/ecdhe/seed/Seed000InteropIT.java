package securechat.ecdhe.seed;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import securechat.core.terminal.RecordingConsole;

/**
 * Our seed 000 programs against an independent Python peer ({@code seed000/seed000_peer.py},
 * written from seed-protocols.md with Python's {@code cryptography}), in both directions and both
 * framings. Skipped when {@code python3} or {@code cryptography} is missing.
 *
 * <p>Messages of 704 bytes and more make tokens over 1024 characters: the original v1 program,
 * which reads once with {@code recv(1024)}, cannot decrypt them ({@link
 * #originalV1ReaderCannotTakeALongToken} shows it with the peer's {@code --v1-reads}); our reader
 * and the peer's default robust reader can.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class Seed000InteropIT {
  private static final String OURS = "héllo wörld ✓ from Java";
  private static final String THEIRS = "ünïcödé ✓ from Python";
  private static final String LONG_OURS = "é".repeat(352) + "end"; // 707 bytes: token > 1024
  private static final String LONG_THEIRS = "ж".repeat(400); // 800 bytes
  private static final Pattern FINGERPRINT = Pattern.compile("key fingerprint ([0-9a-f]{16})");
  private static final Pattern PORT = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");

  // Ended with shutdownNow, never waited for: interrupting a virtual thread ends its blocked
  // accept or read, so a test that fails half-way leaves nothing behind.
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  @BeforeAll
  static void pythonWithCryptographyIsInstalled() throws Exception {
    Process probe;
    try {
      probe =
          new ProcessBuilder("python3", "-c", "import cryptography.fernet")
              .redirectErrorStream(true)
              .start();
    } catch (IOException e) {
      assumeTrue(false, "needs python3: " + e.getMessage());
      return;
    }
    String output = new String(probe.getInputStream().readAllBytes(), UTF_8);
    assertThat(probe.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assumeTrue(probe.exitValue() == 0, "needs python3 with cryptography: " + output);
  }

  @ParameterizedTest
  @EnumSource(SeedFraming.class)
  void ourClientTalksToThePythonServer(SeedFraming framing) throws Exception {
    try (PythonPeer server = PythonPeer.start("server", framing, 0)) {
      int port = Integer.parseInt(server.awaitLine("LISTENING ").substring(10));
      RecordingConsole console = new RecordingConsole(false, OURS, LONG_OURS);

      Future<?> client =
          threads.submit(
              call(() -> InsecureSeed000Chat.runClient("127.0.0.1", port, framing, console)));

      assertThat(console.nextLine()).isEqualTo(InsecureSeed000Chat.WARNING);
      assertSameKey(console.nextLineStartingWith("connected to"), server);
      converse(server, console, "server: ");
      server.closeInput();
      assertThat(console.nextLine()).isEqualTo("the server closed the connection");
      client.get(10, TimeUnit.SECONDS);
      server.awaitLine("EOF");
    }
  }

  @ParameterizedTest
  @EnumSource(SeedFraming.class)
  void thePythonClientTalksToOurServer(SeedFraming framing) throws Exception {
    RecordingConsole console = new RecordingConsole(false, OURS, LONG_OURS);
    Future<?> server =
        threads.submit(call(() -> InsecureSeed000Chat.runServer("127.0.0.1", 0, framing, console)));
    assertThat(console.nextLine()).isEqualTo(InsecureSeed000Chat.WARNING);
    Matcher listening = PORT.matcher(console.nextLine());
    assertThat(listening.find()).isTrue();

    try (PythonPeer client =
        PythonPeer.start("client", framing, Integer.parseInt(listening.group(1)))) {
      assertSameKey(console.nextLineStartingWith("client /127.0.0.1:"), client);
      converse(client, console, "client: ");
      client.closeInput();
      assertThat(console.nextLine()).isEqualTo("the client closed the connection");
      server.get(10, TimeUnit.SECONDS);
      client.awaitLine("EOF");
    }
  }

  @Test
  void originalV1ReaderCannotTakeALongToken() throws Exception {
    RecordingConsole console = new RecordingConsole(false, LONG_OURS);
    Future<?> server =
        threads.submit(
            call(() -> InsecureSeed000Chat.runServer("127.0.0.1", 0, SeedFraming.RAW, console)));
    console.nextLine();
    Matcher listening = PORT.matcher(console.nextLine());
    assertThat(listening.find()).isTrue();

    try (PythonPeer client =
        PythonPeer.start(
            "client", SeedFraming.RAW, Integer.parseInt(listening.group(1)), "--v1-reads")) {
      assertThat(console.nextLineStartingWith("note: this message makes a 1036-character token"))
          .endsWith("cannot decrypt it");
      // One recv(1024) takes the first 1024 characters, the next the last 12: neither decrypts.
      assertThat(client.awaitLine("BAD-TOKEN")).isEqualTo("BAD-TOKEN InvalidToken 1024");
      assertThat(client.awaitLine("BAD-TOKEN")).isEqualTo("BAD-TOKEN InvalidToken 12");
      client.closeInput();
      server.get(10, TimeUnit.SECONDS);
      assertThat(client.linesSoFar()).noneMatch(line -> line.startsWith("RECV"));
    }
  }

  /** Both sides' messages arrive, short and long, in UTF-8. */
  private static void converse(PythonPeer peer, RecordingConsole console, String label)
      throws Exception {
    peer.awaitLine("READY");
    peer.type(THEIRS);
    peer.type(LONG_THEIRS);
    assertThat(peer.awaitLine("RECV ")).isEqualTo("RECV " + OURS);
    assertThat(peer.awaitLine("RECV ")).isEqualTo("RECV " + LONG_OURS);
    assertThat(console.nextLineStartingWith(label)).isEqualTo(label + THEIRS);
    assertThat(console.nextLineStartingWith(label)).isEqualTo(label + LONG_THEIRS);
  }

  /** Our fingerprint is the first 8 bytes of SHA-256(K); Python prints all 32 of its own K. */
  private static void assertSameKey(String connectedLine, PythonPeer peer) throws Exception {
    Matcher fingerprint = FINGERPRINT.matcher(connectedLine);
    assertThat(fingerprint.find()).as(connectedLine).isTrue();
    String pythonKeyHash = peer.awaitLine("KEY-SHA256 ").substring("KEY-SHA256 ".length());
    assertThat(pythonKeyHash).hasSize(64).startsWith(fingerprint.group(1));
  }

  private static Callable<Void> call(ThrowingRunnable body) {
    return () -> {
      body.run();
      return null;
    };
  }

  private interface ThrowingRunnable {
    void run() throws Exception;
  }

  /** The Python peer as a process: lines to its stdin, its stdout lines in a queue. */
  private static final class PythonPeer implements AutoCloseable {
    private final Process process;
    private final OutputStream stdin;
    private final BlockingQueue<String> output = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();

    private PythonPeer(Process process) {
      this.process = process;
      this.stdin = process.getOutputStream();
      Thread.ofVirtual().name("python peer output").start(this::collectOutput);
    }

    static PythonPeer start(String role, SeedFraming framing, int port, String... extra)
        throws Exception {
      Path script = Path.of(Seed000InteropIT.class.getResource("/seed000/seed000_peer.py").toURI());
      List<String> command =
          new ArrayList<>(
              List.of(
                  "python3",
                  script.toString(),
                  role,
                  "--framing",
                  framing.cliName(),
                  "--port",
                  Integer.toString(port)));
      command.addAll(List.of(extra));
      return new PythonPeer(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    void type(String line) throws IOException {
      stdin.write((line + "\n").getBytes(UTF_8));
      stdin.flush();
    }

    void closeInput() throws IOException {
      stdin.close();
    }

    /** The next output line starting with {@code prefix}, waiting at most 15 seconds. */
    String awaitLine(String prefix) throws InterruptedException {
      while (true) {
        String line = output.poll(15, TimeUnit.SECONDS);
        if (line == null) {
          throw new AssertionError("the peer printed no '" + prefix + "' line; so far: " + seen);
        }
        seen.add(line);
        if (line.startsWith(prefix)) {
          return line;
        }
      }
    }

    List<String> linesSoFar() {
      output.drainTo(seen);
      return seen;
    }

    private void collectOutput() {
      try (BufferedReader lines =
          new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          output.add(line);
        }
      } catch (IOException e) {
        // close() destroyed the process: its output ends here, and nobody is waiting for it.
        output.add("OUTPUT-ENDED " + e.getMessage());
      }
    }

    @Override
    public void close() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
