package securechat.app.demo;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import securechat.core.account.AccountStore;
import securechat.core.account.PasswordHasher;
import securechat.core.channel.ChannelSecurity;
import securechat.core.channel.HandshakeException;
import securechat.core.cli.ConfigException;
import securechat.core.cli.StageContext;
import securechat.core.client.ClientSettings;
import securechat.core.client.ScriptedPeer;
import securechat.core.protocol.Limits;
import securechat.core.protocol.Username;
import securechat.core.server.ChatServer;
import securechat.core.server.ServerLog;
import securechat.core.terminal.PrintOnlyConsole;
import securechat.sniffer.capture.CaptureException;
import securechat.sniffer.capture.LiveCapture;

/**
 * One stage of the demo, start to end: a server with the stage's default options on loopback (its
 * usual port if free), the sniffer on that port, alice and bob playing the {@link Scenario}, then
 * the capture read back and judged.
 */
final class StageRun {
  private static final Limits LIMITS = Limits.DEFAULTS;
  private static final String CLIENT_HOST = "localhost"; // the name on the lab's certificate

  private final DemoStage stage;
  private final Path stageDir;
  private final Path captureFile;
  private final Narrator narrator;
  private final List<String> transcript = Collections.synchronizedList(new ArrayList<>());

  /**
   * @param stageDir a fresh data folder for the stage's accounts, keys and certificates
   * @param captureFile where the capture goes
   */
  StageRun(DemoStage stage, Path stageDir, Path captureFile, Narrator narrator) {
    this.stage = stage;
    this.stageDir = stageDir;
    this.captureFile = captureFile;
    this.narrator = narrator;
  }

  StageResult run(Capturing capturing)
      throws ConfigException, IOException, CaptureException, InterruptedException {
    Files.createDirectories(stageDir);
    Consumer<String> serverSays = line -> transcript.add("server: " + line);
    PrintOnlyConsole serverConsole = new PrintOnlyConsole(serverSays);
    int usualPort = stage.stage().defaultPort();
    StageContext context =
        new StageContext(LIMITS, stageDir, serverConsole, "127.0.0.1", usualPort, Optional.empty());
    ServerTap tap = new ServerTap(stage.stage().serverWith().security(context));
    AccountStore accounts = AccountStore.open(stageDir, PasswordHasher.withOwaspParameters());
    List<String> problems = new ArrayList<>();
    Optional<LiveCapture> capture;
    int port;
    try (ChatServer server = new ChatServer(tap, accounts, LIMITS, new ServerLog(serverSays))) {
      InetSocketAddress address = bind(server, usualPort);
      port = address.getPort();
      narrator.before(Step.START, stage, port);
      Files.deleteIfExists(captureFile);
      capture = capturing.start(captureFile, port);
      try {
        converse(address).ifPresent(problems::add);
      } finally {
        if (capture.isPresent()) {
          Capturing.settleAndStop(capture.get());
        }
      }
    }
    narrator.before(Step.VERDICT, stage, port);
    Optional<WireFindings> wire =
        capture.isPresent()
            ? Optional.of(WireFindings.read(captureFile, port, stage, stageDir))
            : Optional.empty();
    List<String> secrets =
        Stream.concat(Scenario.messages().stream(), Stream.of(Scenario.FILE_SECRET)).toList();
    return StageResult.judge(
        stage,
        port,
        capture.map(started -> captureFile),
        wire,
        Seen.of(tap.serverRead(secrets)),
        tap.chatLines(3),
        transcript,
        problems);
  }

  /** The stage's usual port, so that a class's Wireshark filter works; any free one otherwise. */
  private static InetSocketAddress bind(ChatServer server, int usualPort) throws IOException {
    try {
      return server.start("127.0.0.1", usualPort);
    } catch (BindException inUse) {
      return server.start("127.0.0.1", 0);
    }
  }

  /** Plays the scenario; returns what went wrong, if anything, as one sentence. */
  private Optional<String> converse(InetSocketAddress address)
      throws IOException, InterruptedException {
    try (ScriptedPeer alice = peer(Scenario.ALICE, Scenario.ALICE_PASSWORD, address);
        ScriptedPeer bob = peer(Scenario.BOB, Scenario.BOB_PASSWORD, address)) {
      Scenario.play(alice, bob, step -> narrator.before(step, stage, address.getPort()));
      return Optional.empty();
    } catch (ScriptedPeer.ScriptFailure e) {
      return Optional.of("the conversation failed: " + e.getMessage());
    } catch (HandshakeException e) {
      return Optional.of("a client's handshake failed: " + e.getMessage());
    } catch (ConfigException e) {
      return Optional.of("a client could not start: " + e.getMessage());
    }
  }

  private ScriptedPeer peer(String name, String password, InetSocketAddress address)
      throws IOException, HandshakeException, ConfigException {
    Consumer<String> says = line -> transcript.add(name + ": " + line);
    Username user = new Username(name);
    ClientSettings settings =
        new ClientSettings(
            CLIENT_HOST,
            address.getPort(),
            Optional.of(user),
            password,
            true,
            ClientSettings.defaultDownloadsDir(stageDir, Optional.of(user)),
            LIMITS);
    StageContext context =
        new StageContext(
                LIMITS,
                stageDir,
                new PrintOnlyConsole(says),
                CLIENT_HOST,
                address.getPort(),
                Optional.empty())
            .withClient(settings);
    ChannelSecurity security = stage.stage().clientWith().security(context);
    return new ScriptedPeer(name, security, address, line -> transcript.add(line));
  }
}
