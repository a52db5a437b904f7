package securechat.core.cli;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import securechat.core.account.AccountStore;
import securechat.core.account.PasswordHasher;
import securechat.core.channel.ChannelSecurity;
import securechat.core.protocol.Limits;
import securechat.core.server.AdminConsole;
import securechat.core.server.ChatServer;
import securechat.core.server.ServerLog;
import securechat.core.terminal.ConsoleView;
import securechat.core.terminal.Consoles;

/**
 * {@code lab server}: runs a chat server for one stage, with the administration console on the
 * terminal (or on stdin, for scripts). Ends on {@code exit}, Ctrl-C or SIGTERM, telling every
 * client and ending every thread within the shutdown deadline.
 */
@Command(
    name = "server",
    mixinStandardHelpOptions = true,
    description = {
      "Run a chat server for one stage, with the admin console on this terminal.",
      "Admin console: list | select ID|NAME | broadcast TEXT | exit (see 'help' once running)."
    })
public final class ServerCommand implements Callable<Integer> {
  private final List<Stage> stages;
  private final ConsoleOpener consoles;
  private final StageOptionSet stageOptions;

  @Spec private CommandSpec spec;

  @Mixin private EndpointOptions endpoint;

  @Option(
      names = "--max-clients",
      paramLabel = "N",
      defaultValue = "1000",
      description = "Most connections at once. Default: ${DEFAULT-VALUE}")
  private int maxClients;

  @Option(
      names = "--login-timeout",
      paramLabel = "DURATION",
      defaultValue = "60s",
      converter = DurationConverter.class,
      description = "Time a client has to log in. Default: ${DEFAULT-VALUE}")
  private Duration loginTimeout;

  @Option(
      names = "--idle-timeout",
      paramLabel = "DURATION",
      defaultValue = "30m",
      converter = DurationConverter.class,
      description = "Longest silence from a logged-in client. Default: ${DEFAULT-VALUE}")
  private Duration idleTimeout;

  @Option(
      names = "--no-admin-console",
      description = "Do not read admin commands (for servers run in the background).")
  private boolean noAdminConsole;

  @Mixin private KeyLogOption keyLog;

  @Mixin private DataDirOption dataDir;

  /** The command for the application: the real console. */
  public ServerCommand(List<Stage> stages) {
    this(stages, Consoles::open);
  }

  /** For tests: a given console. */
  ServerCommand(List<Stage> stages, ConsoleOpener consoles) {
    this.stages = List.copyOf(stages);
    this.consoles = consoles;
    this.stageOptions = new StageOptionSet(stages, Stage::serverOptions);
    StageNames.register(stages);
  }

  /** This command ready to run, with every stage's own options mixed in. */
  public CommandLine commandLine() {
    return stageOptions.commandLineFor(this);
  }

  @Override
  public Integer call() throws Exception {
    Stage stage = endpoint.stage(stages);
    int port = endpoint.port(stage, true);
    Limits limits =
        Limits.DEFAULTS
            .withMaxClients(maxClients)
            .withTimeouts(Limits.DEFAULTS.handshakeTimeout(), loginTimeout, idleTimeout);
    try (ConsoleView console = consoles.open()) {
      StageContext context =
          new StageContext(
              limits, dataDir.dataDir(), console, endpoint.host(), port, keyLog.keyLog());
      StageOptions options = stageOptions.of(stage, spec);
      if (options.standaloneMode().isPresent()) {
        return options.standaloneMode().get().run(context);
      }
      AccountStore accounts =
          AccountStore.open(dataDir.dataDir(), PasswordHasher.withOwaspParameters());
      ChannelSecurity security = options.security(context);
      ChatServer server = new ChatServer(security, accounts, limits, new ServerLog(console::print));
      InetSocketAddress address = bind(server, endpoint.host(), port);
      warnIfReachable(console, address);
      serveUntilShutdown(server, console);
      return 0;
    }
  }

  private static InetSocketAddress bind(ChatServer server, String host, int port)
      throws ConfigException {
    try {
      return server.start(host, port);
    } catch (BindException e) {
      throw new ConfigException(
          "cannot listen on " + host + ":" + port + ": " + e.getMessage(),
          "is another server running there? stop it, or pick another port with --port");
    } catch (IOException e) {
      throw new ConfigException("cannot listen on " + host + ":" + port + ": " + e, null);
    }
  }

  private static void warnIfReachable(ConsoleView console, InetSocketAddress address) {
    InetAddress bound = address.getAddress();
    if (!bound.isLoopbackAddress()) {
      console.print(
          "warning: listening on "
              + bound.getHostAddress()
              + ": other machines on your network can connect");
    }
  }

  private void serveUntilShutdown(ChatServer server, ConsoleView console)
      throws InterruptedException {
    Thread hook = new Thread(() -> server.shutdown("server is shutting down"), "shutdown hook");
    Runtime.getRuntime().addShutdownHook(hook);
    if (!noAdminConsole) {
      console.print("admin console ready: type 'help' for commands, 'exit' to stop the server");
      Thread.ofPlatform()
          .daemon(true)
          .name("admin console")
          .start(() -> runConsole(server, console));
    }
    server.awaitShutdown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // The JVM is exiting (Ctrl-C): the hook is what stopped the server.
    }
  }

  private static void runConsole(ChatServer server, ConsoleView console) {
    try {
      new AdminConsole(server, console).run();
    } catch (IOException e) {
      console.print("admin console stopped: " + e.getMessage());
    }
  }
}
