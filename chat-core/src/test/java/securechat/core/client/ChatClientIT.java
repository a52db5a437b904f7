package securechat.core.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import securechat.core.channel.ChannelSecurity;
import securechat.core.channel.HandshakeException;
import securechat.core.channel.LineChannel;
import securechat.core.protocol.Limits;
import securechat.core.protocol.Username;
import securechat.core.terminal.RecordingConsole;

@Timeout(20)
class ChatClientIT {
  private static final Duration WAIT = Duration.ofSeconds(5);

  @TempDir Path downloads;
  private ScriptedServer server;
  private final RecordingConsole console = RecordingConsole.silent();
  private ChatClient client;

  @BeforeEach
  void startServer() throws IOException {
    server = ScriptedServer.start();
  }

  @AfterEach
  void stop() throws IOException {
    if (client != null) {
      client.close();
    }
    server.close();
  }

  private ClientSettings anonymous() {
    return ClientSettings.anonymous("127.0.0.1", server.port(), downloads);
  }

  /** Connects and checks the announcement of what protects the connection. */
  private ChatClient connect(ClientSettings settings) throws Exception {
    client = ChatClient.connect(new FramedTestSecurity(settings.limits()), settings, console);
    assertThat(console.nextLine())
        .isEqualTo("connected to 127.0.0.1:" + server.port() + " (test): none: a test channel");
    assertThat(console.nextLine()).isEqualTo("  framed lines, nothing more");
    return client;
  }

  /** Connects anonymously and consumes the WELCOME line. */
  private ChatClient connectAndWelcome() throws Exception {
    connect(anonymous());
    server.send("WELCOME test hello");
    assertThat(console.nextLine()).isEqualTo("[server] hello");
    return client;
  }

  @Test
  void logsInRightAfterWelcomeAndIsReadyOnceTheServerAnswers() throws Exception {
    connect(anonymous().withLogin(new Username("alice"), "correct horse", false));
    server.send("WELCOME test welcome to the lab");

    assertThat(server.nextReceived()).isEqualTo("/login alice correct horse");
    assertThat(client.awaitReady(Duration.ofMillis(50))).isFalse();
    server.send("OK logged in as alice");
    assertThat(client.awaitReady(WAIT)).isTrue();
    assertThat(console.nextLine()).isEqualTo("[server] welcome to the lab");
    assertThat(console.nextLine()).isEqualTo("ok: logged in as alice");
  }

  @Test
  void registersInsteadWhenAskedTo() throws Exception {
    connect(anonymous().withLogin(new Username("bob"), "pw", true));
    server.send("WELCOME test hi");

    assertThat(server.nextReceived()).isEqualTo("/register bob pw");
  }

  @Test
  void withoutAUserTheClientIsReadyAtWelcomeAndSendsNothing() throws Exception {
    connectAndWelcome();

    assertThat(client.awaitReady(WAIT)).isTrue();
    client.type("marker");
    assertThat(server.nextReceived()).isEqualTo("marker");
  }

  @Test
  void typedLinesAreSentExactlyAsTypedAndEmptyLinesAreNot() throws Exception {
    connectAndWelcome();

    client.type("hello everyone");
    client.type("");
    client.type("//etc/passwd is a path");
    client.type("/whisper bob  two  spaces ");
    client.type("/nonsense raw protocol");

    assertThat(server.nextReceived()).isEqualTo("hello everyone");
    assertThat(server.nextReceived()).isEqualTo("//etc/passwd is a path");
    assertThat(server.nextReceived()).isEqualTo("/whisper bob  two  spaces ");
    assertThat(server.nextReceived()).isEqualTo("/nonsense raw protocol");
  }

  @Test
  void serverTextIsSanitizedBeforeItReachesTheConsole() throws Exception {
    connectAndWelcome();

    server.send("MSG mallory \u001b[2J\u001b]0;pwned\u0007gotcha");

    assertThat(console.nextLine()).isEqualTo("mallory: ^[[2J^[]0;pwned^Ggotcha");
  }

  @Test
  void undecodableLinesAreShownSanitizedAndReadingGoesOn() throws Exception {
    connectAndWelcome();

    server.send("SHOUT \u001b[31mred");
    server.send("MSG bob 12 is not a name");
    server.send("MSG B0B hi");

    assertThat(console.nextLine()).isEqualTo("[?] SHOUT ^[[31mred");
    assertThat(console.nextLine()).isEqualTo("bob: 12 is not a name");
    assertThat(console.nextLine()).isEqualTo("[?] MSG B0B hi");
  }

  @Test
  void errorRepliesNeverStopTheClient() throws Exception {
    connectAndWelcome();

    server.send("ERR login-required log in first");
    server.send("MSG bob still here");

    assertThat(console.nextLine()).isEqualTo("error: log in first (login-required)");
    assertThat(console.nextLine()).isEqualTo("bob: still here");
    assertThat(client.isOpen()).isTrue();
  }

  @Test
  void anOversizeServerLineIsReportedAndTheNextLineStillArrives() throws Exception {
    Limits small = Limits.DEFAULTS.withMaxLineBytes(100);
    connect(anonymous().withLimits(small));

    server.send("MSG bob " + "x".repeat(300));
    server.send("MSG bob ok");

    assertThat(console.nextLine()).startsWith("[?] line is longer than 228 bytes");
    assertThat(console.nextLine()).isEqualTo("bob: ok");
  }

  @Test
  void aReceivedFileIsSavedInTheDownloadsFolder() throws Exception {
    connectAndWelcome();

    server.send("FILE bob alice notes.txt line one\\nline two");

    Path saved = downloads.resolve("notes.txt");
    assertThat(console.nextLine())
        .isEqualTo("bob sent you notes.txt (17 bytes), saved to " + saved.toAbsolutePath());
    assertThat(Files.readString(saved, UTF_8)).isEqualTo("line one\nline two");
  }

  @Test
  void sendfileReadsALocalTextFileAndSendsItEscapedOnOneLine(@TempDir Path home) throws Exception {
    Path notes = Files.writeString(home.resolve("notes.txt"), "a\nb\\c", UTF_8);
    connectAndWelcome();

    client.type("/sendfile bob " + notes);
    client.type("/sendfile * " + notes);

    assertThat(server.nextReceived()).isEqualTo("/file bob notes.txt a\\nb\\\\c");
    assertThat(server.nextReceived()).isEqualTo("/file * notes.txt a\\nb\\\\c");
  }

  @Test
  void sendfileRefusesATooLargeFileWithoutSendingAnything(@TempDir Path home) throws Exception {
    Path big = Files.writeString(home.resolve("big.txt"), "0123456789ABCDEF", UTF_8);
    connect(anonymous().withLimits(Limits.DEFAULTS.withMaxFileBytes(10)));

    client.type("/sendfile bob " + big);
    client.type("marker");

    assertThat(console.nextLine()).isEqualTo("error: '" + big + "' is 16 bytes; the maximum is 10");
    assertThat(server.nextReceived()).isEqualTo("marker");
  }

  @Test
  void sendfileWithoutAPathPrintsItsUsage() throws Exception {
    connectAndWelcome();

    client.type("/sendfile bob");

    assertThat(console.nextLine()).isEqualTo("usage: /sendfile NAME|* PATH");
  }

  @Test
  void infoShowsWhatProtectsTheConnectionAndSendsNothing() throws Exception {
    connectAndWelcome();

    client.type("/info");
    client.type("marker");

    assertThat(console.nextLine()).isEqualTo("stage: test");
    assertThat(console.nextLine()).isEqualTo("protection: none: a test channel");
    assertThat(console.nextLine()).isEqualTo("  framed lines, nothing more");
    assertThat(console.nextLine()).isEqualTo("peer: 127.0.0.1:" + server.port());
    assertThat(server.nextReceived()).isEqualTo("marker");
  }

  @Test
  void helpAsksTheServerAndListsTheLocalCommands() throws Exception {
    connectAndWelcome();

    client.type("/help");

    assertThat(server.nextReceived()).isEqualTo("/help");
    assertThat(console.nextLine()).startsWith("local commands");
    assertThat(console.remainingLines()).anyMatch(line -> line.startsWith("  /sendfile"));
  }

  @Test
  void quitSendsQuitAndEndsCleanlyOnBye() throws Exception {
    connectAndWelcome();
    Thread quitter = Thread.ofVirtual().start(() -> client.type("/quit"));

    assertThat(server.nextReceived()).isEqualTo("/quit");
    server.send("BYE see you");
    server.hangUp();

    assertThat(quitter.join(WAIT)).isTrue();
    assertThat(console.nextLine()).isEqualTo("[server] closing the connection: see you");
    assertThat(client.isOpen()).isFalse();
    assertThat(client.endedUnexpectedly()).isFalse();
    assertThat(console.remainingLines()).isEmpty();
  }

  @Test
  void aServerThatClosesWithoutByeIsReportedAsADrop() throws Exception {
    connectAndWelcome();

    server.hangUp();

    assertThat(client.awaitClosed(WAIT)).isTrue();
    assertThat(console.nextLine()).isEqualTo("connection closed by the server");
    assertThat(client.endedUnexpectedly()).isTrue();
    client.type("anyone there?");
    assertThat(console.nextLine()).isEqualTo("not sent: the connection is closed");
  }

  @Test
  void closingTheClientEndsTheReaderWithoutReportingADrop() throws Exception {
    connectAndWelcome();

    client.close();

    assertThat(client.awaitClosed(WAIT)).isTrue();
    assertThat(client.endedUnexpectedly()).isFalse();
    assertThat(server.nextReceived()).isEqualTo(ScriptedServer.CLIENT_CLOSED);
  }

  @Test
  void theReaderThreadIsNamedAfterItsPeer() throws Exception {
    connectAndWelcome();

    assertThat(console.lastPrintingThread()).isEqualTo("client reader 127.0.0.1:" + server.port());
  }

  @Test
  void connectingToAClosedPortFailsWithConnectionRefused() throws IOException {
    int closedPort;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = probe.getLocalPort();
    }
    ClientSettings settings = ClientSettings.anonymous("127.0.0.1", closedPort, downloads);

    assertThatThrownBy(
            () -> ChatClient.connect(new FramedTestSecurity(Limits.DEFAULTS), settings, console))
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void aHandshakeThatTimesOutBecomesAHandshakeException() {
    ChannelSecurity silent = new SilentServerSecurity();

    assertThatThrownBy(() -> ChatClient.connect(silent, anonymous(), console))
        .isInstanceOf(HandshakeException.class)
        .hasMessage(
            "the server did not finish the silent handshake within 10 seconds;"
                + " does it run the same stage?");
  }

  /** A stage whose handshake never hears back: as if the socket's 10 s timeout had fired. */
  private static final class SilentServerSecurity implements ChannelSecurity {
    @Override
    public String stage() {
      return "silent";
    }

    @Override
    public LineChannel accept(Socket socket) {
      throw new UnsupportedOperationException("client side only");
    }

    @Override
    public LineChannel connect(Socket socket) throws IOException {
      throw new SocketTimeoutException("Read timed out");
    }
  }
}
