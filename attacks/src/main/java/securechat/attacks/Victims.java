package securechat.attacks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import securechat.core.account.AccountStore;
import securechat.core.account.PasswordHasher;
import securechat.core.channel.ChannelSecurity;
import securechat.core.channel.HandshakeException;
import securechat.core.cli.ConfigException;
import securechat.core.cli.Stage;
import securechat.core.cli.StageContext;
import securechat.core.client.ClientSettings;
import securechat.core.client.ScriptedPeer;
import securechat.core.protocol.Limits;
import securechat.core.protocol.Username;
import securechat.core.server.ChatServer;
import securechat.core.server.ServerLog;
import securechat.core.terminal.PrintOnlyConsole;

/**
 * The victims of a self-contained attack: a real server of one stage on 127.0.0.1 and real scripted
 * clients, built from the stage's own command-line options exactly as a student would type them
 * ({@code lab client --stage ecdhe --insecure-no-auth}), in a data folder of their own. Everything
 * the server logs and every client prints (warnings included) is kept, so that an attack can judge
 * by what its victims saw.
 *
 * <pre>{@code
 * try (Victims victims = new Victims(stage, dataDir)) {
 *   InetSocketAddress server = victims.startServer();
 *   ScriptedPeer alice = victims.connect("alice", proxyPort, "--insecure-trust-all");
 *   victims.register(alice, "alice");
 * }
 * }</pre>
 */
public final class Victims implements AutoCloseable {
  /** The host the clients name: the one on the lab's certificate. */
  public static final String HOST = "localhost";

  private static final Limits LIMITS = Limits.DEFAULTS;

  private final Stage stage;
  private final Path dataDir;
  private final List<String> serverLog = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, List<String>> screens = new ConcurrentHashMap<>();
  private final List<AutoCloseable> running = Collections.synchronizedList(new ArrayList<>());

  /** Victims of {@code stage} keeping their accounts, keys and pins in {@code dataDir}. */
  public Victims(Stage stage, Path dataDir) {
    this.stage = stage;
    this.dataDir = dataDir;
  }

  /** The password of a victim: known to the lab, so that an attack can say when it learnt it. */
  public static String passwordOf(String name) {
    return name + "-secret-" + name.length() * 1_117;
  }

  /**
   * Starts the stage's server on 127.0.0.1 and any free port, with {@code serverArgs} as on its
   * command line (none: the defaults a student's first {@code lab server} gets).
   */
  public InetSocketAddress startServer(String... serverArgs) throws ConfigException, IOException {
    Files.createDirectories(dataDir);
    Consumer<String> log = line -> serverLog.add(line);
    StageContext context =
        new StageContext(
            LIMITS, dataDir, new PrintOnlyConsole(log), "127.0.0.1", 0, Optional.empty());
    ChannelSecurity security = stage.serverWith(serverArgs).security(context);
    AccountStore accounts = AccountStore.open(dataDir, PasswordHasher.withOwaspParameters());
    ChatServer server = new ChatServer(security, accounts, LIMITS, new ServerLog(log));
    running.add(server);
    return server.start("127.0.0.1", 0);
  }

  /**
   * Connects {@code name} to {@code port} on {@link #HOST} (the server's, or a proxy's) with the
   * stage's client built from {@code clientArgs}; what its stage prints goes to {@link #screenOf}.
   */
  public ScriptedPeer connect(String name, int port, String... clientArgs)
      throws ConfigException, IOException, HandshakeException {
    return connect(name, port, Optional.empty(), clientArgs);
  }

  /**
   * As {@link #connect(String, int, String...)}, with {@code --keylog keyLog}: the client writes
   * its session secrets there, where the stage supports it (ecdhe, tls).
   */
  public ScriptedPeer connectLoggingKeys(String name, int port, Path keyLog, String... clientArgs)
      throws ConfigException, IOException, HandshakeException {
    return connect(name, port, Optional.of(keyLog), clientArgs);
  }

  private ScriptedPeer connect(String name, int port, Optional<Path> keyLog, String... clientArgs)
      throws ConfigException, IOException, HandshakeException {
    List<String> screen =
        screens.computeIfAbsent(name, n -> Collections.synchronizedList(new ArrayList<>()));
    Username user = new Username(name);
    ClientSettings settings =
        new ClientSettings(
            HOST,
            port,
            Optional.of(user),
            passwordOf(name),
            true,
            ClientSettings.defaultDownloadsDir(dataDir, Optional.of(user)),
            LIMITS);
    StageContext context =
        new StageContext(LIMITS, dataDir, new PrintOnlyConsole(screen::add), HOST, port, keyLog)
            .withClient(settings);
    ChannelSecurity security = stage.clientWith(clientArgs).security(context);
    ScriptedPeer peer =
        new ScriptedPeer(name, security, new InetSocketAddress(HOST, port), screen::add);
    running.add(peer);
    return peer;
  }

  /** Registers {@code name} (first time) or logs in, and waits until the server says OK. */
  public void logIn(ScriptedPeer peer, String name, boolean register)
      throws IOException, InterruptedException, ScriptedPeer.ScriptFailure {
    peer.expect("WELCOME");
    peer.send((register ? "/register " : "/login ") + name + " " + passwordOf(name));
    peer.expect("OK");
  }

  /** Every line the server logged or printed so far. */
  public List<String> serverLog() {
    synchronized (serverLog) {
      return List.copyOf(serverLog);
    }
  }

  /** Every line {@code name}'s client printed or exchanged so far, in order. */
  public List<String> screenOf(String name) {
    List<String> screen = screens.getOrDefault(name, List.of());
    synchronized (screen) {
      return List.copyOf(screen);
    }
  }

  public Path dataDir() {
    return dataDir;
  }

  public Stage stage() {
    return stage;
  }

  /** Closes every client, then the server. */
  @Override
  public void close() throws IOException {
    List<AutoCloseable> toClose;
    synchronized (running) {
      toClose = new ArrayList<>(running);
      running.clear();
    }
    Collections.reverse(toClose);
    for (AutoCloseable closeable : toClose) {
      try {
        closeable.close();
      } catch (Exception e) {
        serverLog.add("closing " + closeable + ": " + e.getMessage());
      }
    }
  }
}
