package securechat.tls;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static securechat.tls.ExternalProcess.WAIT;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;
import securechat.core.channel.LineChannel;
import securechat.core.protocol.Limits;

/**
 * What the key log is for, shown with Wireshark's command-line twin: tshark captures one TLS chat
 * session on loopback; the capture alone shows the handshake but no chat line, and tshark given the
 * {@link KeyLogWriter}'s file decrypts the records back into the lines. An independent TLS decoder
 * reading our key log proves two things: the lines really travel inside TLS records (not in the
 * clear beside them), and the key log holds exactly what decrypts them, so it must be guarded.
 *
 * <p>Capturing needs root or capture rights; skipped without tshark or without those rights. The
 * only test class in this module that starts the key log: it stays on for the rest of the JVM.
 */
@Timeout(60)
class KeyLogCaptureIT {
  private static final String SECRET = "the secret is 7c2f-tls";
  private static final String HOW_TO_CAPTURE =
      "\nto capture without root (Debian, Ubuntu): sudo dpkg-reconfigure wireshark-common"
          + " (answer yes), sudo usermod -aG wireshark $USER, then log in again";

  @TempDir static Path tmp;
  private static Path keyLog;
  private static Path capture;

  /** Why tshark cannot capture here, if it cannot: every test is then skipped with this reason. */
  private static TestAbortedException cannotCapture;

  @BeforeAll
  @Timeout(90)
  static void captureOneChatSession() throws Exception {
    try {
      checkThatTsharkListsLo();
      startTheKeyLog();
      capture = tmp.resolve("chat.pcapng");
      captureAChat();
    } catch (TestAbortedException skipped) {
      // Surefire reports a class skipped in @BeforeAll as "0 tests", without the reason.
      cannotCapture = skipped;
    }
  }

  @BeforeEach
  void skipUnlessTsharkCaptured() {
    assumeTrue(cannotCapture == null, () -> cannotCapture.getMessage());
  }

  private static void checkThatTsharkListsLo() throws Exception {
    assumeTrue(ExternalProcess.runs(List.of("tshark", "--version")), "needs tshark");
    ExternalProcess.Finished interfaces = ExternalProcess.run(tmp, List.of("tshark", "-D"));
    assumeTrue(
        interfaces.output().lines().anyMatch(line -> line.matches("\\d+\\. lo\\b.*")),
        () -> "tshark -D does not list lo:\n" + interfaces.output() + HOW_TO_CAPTURE);
  }

  /** Our server, tshark capturing its port, then alice's session; tshark stops once it ends. */
  private static void captureAChat() throws Exception {
    TestPki lab = TestPki.create();
    TlsSecurity server = TlsSecurity.server(lab.server, Optional.empty(), Limits.DEFAULTS);
    try (TlsServerFixture fixture = new TlsServerFixture(server, tmp, Limits.DEFAULTS);
        DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        ExternalProcess tshark = ExternalProcess.start(tmp, captureCommand(fixture, probe))) {
      awaitCapturing(tshark, probe);
      chatAsAlice(fixture, lab);
      // Packets are printed in order: once the connection's end is printed, the chat is on disk.
      if (tshark.findLine(line -> line.contains("[FIN") || line.contains("[RST"), WAIT).isEmpty()) {
        throw notCapturing(tshark, "the end of the connection (FIN or RST)");
      }
      tshark.stop();
      assertThat(tshark.awaitExit(WAIT)).as(tshark.output()).isZero();
    }
  }

  /**
   * Not in a @TempDir: the agent keeps appending every later TLS session of this JVM (the other
   * ITs') to the file, so it must outlive this class. It is deleted when the JVM exits.
   */
  private static void startTheKeyLog() throws Exception {
    Path directory = Files.createTempDirectory("key-log-capture-it");
    directory.toFile().deleteOnExit();
    keyLog = directory.resolve("tls-keys.log");
    keyLog.toFile().deleteOnExit();
    KeyLogWriter.start(keyLog);
  }

  /**
   * {@code tshark -i lo -f "tcp port PORT or udp port PROBE" -w chat.pcapng -P -l}: writes the raw
   * packets to the file and (-P -l) prints one summary line per packet as it arrives, so the test
   * sees the capture's progress.
   */
  private static List<String> captureCommand(TlsServerFixture server, DatagramSocket probe) {
    String filter = "tcp port " + server.address.getPort() + " or udp port " + probe.getLocalPort();
    return List.of("tshark", "-i", "lo", "-f", filter, "-w", capture.toString(), "-P", "-l");
  }

  /**
   * Returns once tshark really captures. It prints "Capturing on 'Loopback: lo'" before its dumpcap
   * has opened lo, and a chat started then can lose its first packets, the ClientHello among them;
   * without the ClientHello's random tshark cannot pick the keys from the key log. So the probe
   * sends itself datagrams until tshark shows one.
   */
  private static void awaitCapturing(ExternalProcess tshark, DatagramSocket probe)
      throws Exception {
    DatagramPacket ping = new DatagramPacket(new byte[] {'?'}, 1, probe.getLocalSocketAddress());
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline && tshark.isRunning()) {
      probe.send(ping);
      if (tshark.findLine(line -> line.contains(" UDP "), Duration.ofMillis(200)).isPresent()) {
        return;
      }
    }
    throw notCapturing(tshark, "a probe datagram");
  }

  /**
   * Skips the tests if tshark has ended: without capture rights it prints "Capturing on 'Loopback:
   * lo'" all the same, then the error, and exits. Otherwise the error to throw.
   */
  private static AssertionError notCapturing(ExternalProcess tshark, String missing)
      throws InterruptedException {
    assumeTrue(
        !tshark.endsWithin(Duration.ofSeconds(5)),
        () -> "tshark cannot capture on lo:\n" + tshark.output() + HOW_TO_CAPTURE);
    return new AssertionError(
        "tshark did not show " + missing + "; it printed:\n" + tshark.output());
  }

  private static void chatAsAlice(TlsServerFixture fixture, TestPki lab) throws Exception {
    TlsSecurity client =
        TlsSecurity.client(lab.trustForServers(), "localhost", Optional.empty(), Limits.DEFAULTS);
    try (LineChannel alice = fixture.connect(client)) {
      assertThat(alice.receive()).startsWith("WELCOME tls ");
      alice.send("/register alice password-of-alice");
      assertThat(alice.receive()).startsWith("OK registered and logged in as alice");
      alice.send(SECRET);
      assertThat(alice.receive()).isEqualTo("MSG alice " + SECRET);
      alice.send("/quit");
      assertThat(alice.receive()).isEqualTo("BYE goodbye");
    }
  }

  @Test
  void theCaptureShowsTheServerNameButNoChatText() throws Exception {
    String raw = new String(Files.readAllBytes(capture), ISO_8859_1);

    assertThat(raw).contains("localhost"); // SNI: the ClientHello is in the clear
    assertThat(raw).doesNotContain("7c2f", "password-of-alice", "/register", "MSG alice");
  }

  @Test
  void tsharkWithTheKeyLogDecryptsTheChatLines() throws Exception {
    String decrypted = followTheTlsStream("-o", "tls.keylog_file:" + keyLog);

    assertThat(decrypted)
        .contains(
            "/register alice password-of-alice", SECRET, "MSG alice " + SECRET, "BYE goodbye");
  }

  @Test
  void tsharkWithoutTheKeyLogDecryptsNothing() throws Exception {
    String opaque = followTheTlsStream();

    assertThat(opaque).contains("Follow: tls,ascii").doesNotContain("7c2f", "alice", "WELCOME");
  }

  @Test
  void theKeyLogIsOwnerOnlyAndHoldsTheTrafficSecrets() throws Exception {
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyLog)))
        .isEqualTo("rw-------");
    assertThat(Files.readAllLines(keyLog))
        .anyMatch(line -> line.startsWith("CLIENT_TRAFFIC_SECRET_0 "))
        .anyMatch(line -> line.startsWith("SERVER_TRAFFIC_SECRET_0 "));
  }

  /**
   * {@code tshark -r chat.pcapng [OPTIONS] -q -z follow,tls,ascii,0}: the application data of the
   * first TCP stream, both directions, as text; without the keys there is none to show.
   */
  private static String followTheTlsStream(String... options) throws Exception {
    List<String> command = new ArrayList<>(List.of("tshark", "-r", capture.toString()));
    command.addAll(List.of(options));
    command.addAll(List.of("-q", "-z", "follow,tls,ascii,0"));
    ExternalProcess.Finished tshark = ExternalProcess.run(tmp, command);
    assertThat(tshark.exitCode()).as(tshark.output()).isZero();
    return tshark.output();
  }
}
