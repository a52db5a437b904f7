package securechat.core.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import securechat.core.channel.ChannelSecurity;
import securechat.core.channel.HandshakeException;
import securechat.core.client.ChatClient;
import securechat.core.client.ClientSettings;
import securechat.core.protocol.Limits;
import securechat.core.protocol.ProtocolException;
import securechat.core.protocol.Username;
import securechat.core.terminal.ConsoleView;
import securechat.core.terminal.Consoles;

/**
 * The {@code ./lab client} command: connects to a chat server in one stage and chats, typed by a
 * person or piped from a script.
 *
 * <pre>
 *   ./lab client --user alice                       # plain stage, asks for the password
 *   ./lab client --stage tls --user bob --register  # create bob's account on a TLS server
 *   printf 'hello\n' | SECURECHAT_PASSWORD=pw ./lab client --user alice   # a script
 * </pre>
 *
 * <p>With piped input, each line is handled as if typed; at the end of the input the client sends
 * {@code /quit} and waits up to 3 seconds for {@code BYE}. The exit status is 0, or 1 when the
 * connection could not be made or dropped without a {@code BYE}.
 */
@Command(
    name = "client",
    mixinStandardHelpOptions = true,
    description = {
      "Connects to a chat server and chats: a typed line goes to everyone online.",
      "Once connected, /help lists the server's commands and this client's own."
    })
public final class ClientCommand implements Callable<Integer> {
  /** The environment variable a script can use instead of --password-file. */
  public static final String PASSWORD_VARIABLE = "SECURECHAT_PASSWORD";

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(10);

  private final List<Stage> stages;
  private final ConsoleOpener consoles;
  private final Map<String, String> environment;
  private final StageOptionSet stageOptions;

  @Spec private CommandSpec spec;

  @Mixin private EndpointOptions endpoint;

  @Option(
      names = "--user",
      paramLabel = "NAME",
      description = "Log in as NAME right after connecting (else type /login NAME PASSWORD)")
  private String userName;

  @Option(names = "--register", description = "Create the --user account instead of logging in")
  private boolean register;

  @Option(
      names = "--password-file",
      paramLabel = "FILE",
      description =
          "Read the password from the first line of FILE. Else $"
              + PASSWORD_VARIABLE
              + ", else a prompt")
  private Path passwordFile;

  @Mixin private DataDirOption dataDir;

  @Mixin private KeyLogOption keyLog;

  @Option(
      names = "--downloads",
      paramLabel = "DIR",
      description = "Where received files are saved. Default: DATA-DIR/downloads/USER")
  private Path downloads;

  /** The command for the application: the real console and environment. */
  public ClientCommand(List<Stage> stages) {
    this(stages, Consoles::open, System.getenv());
  }

  /** For tests: a given console and environment. */
  ClientCommand(List<Stage> stages, ConsoleOpener consoles, Map<String, String> environment) {
    this.stages = List.copyOf(stages);
    this.consoles = Objects.requireNonNull(consoles, "consoles");
    this.environment = Map.copyOf(environment);
    this.stageOptions = new StageOptionSet(stages, Stage::clientOptions);
    StageNames.register(stages);
  }

  /** This command ready to run, with every stage's own options mixed in. */
  public CommandLine commandLine() {
    return stageOptions.commandLineFor(this);
  }

  @Override
  public Integer call() throws ConfigException, IOException {
    Stage stage = endpoint.stage(stages);
    Optional<Username> user = parseUser();
    int serverPort = endpoint.port(stage, false);
    try (ConsoleView console = consoles.open()) {
      StageContext context =
          new StageContext(
              Limits.DEFAULTS,
              dataDir.dataDir(),
              console,
              endpoint.host(),
              serverPort,
              keyLog.keyLog());
      StageOptions options = stageOptions.of(stage, spec);
      if (options.standaloneMode().isPresent()) {
        return options.standaloneMode().get().run(context);
      }
      ClientSettings settings = settings(serverPort, user, console);
      ChannelSecurity security = options.security(context.withClient(settings));
      try (ChatClient client = connect(security, settings, console, stage)) {
        return chat(client, console);
      }
    }
  }

  /** Feeds typed (or piped) lines to the client until the input or the connection ends. */
  private static int chat(ChatClient client, ConsoleView console) throws IOException {
    client.awaitReady(READY_TIMEOUT);
    String prompt = console.isInteractive() ? "> " : "";
    String typed;
    while (client.isOpen() && (typed = console.readLine(prompt)) != null) {
      client.type(typed);
    }
    if (client.isOpen()) {
      client.quit();
    }
    return client.endedUnexpectedly() ? CliErrorHandler.EXIT_FAILURE : 0;
  }

  private Optional<Username> parseUser() throws ConfigException {
    if (userName == null) {
      if (register) {
        throw new ConfigException("--register needs --user NAME: the account to create");
      }
      return Optional.empty();
    }
    try {
      return Optional.of(Username.parse(userName));
    } catch (ProtocolException e) {
      throw new ConfigException("--user " + e.sentence());
    }
  }

  private ClientSettings settings(int serverPort, Optional<Username> user, ConsoleView console)
      throws ConfigException, IOException {
    Path folder =
        downloads != null ? downloads : ClientSettings.defaultDownloadsDir(dataDir.dataDir(), user);
    String password = user.isPresent() ? password(user.get(), console) : "";
    return new ClientSettings(
        endpoint.host(), serverPort, user, password, register, folder, Limits.DEFAULTS);
  }

  /** The password from --password-file, else the environment, else a prompt on a terminal. */
  private String password(Username user, ConsoleView console) throws ConfigException, IOException {
    if (passwordFile != null) {
      return firstLineOf(passwordFile);
    }
    String fromEnvironment = environment.get(PASSWORD_VARIABLE);
    if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
      return fromEnvironment;
    }
    if (!console.isInteractive()) {
      throw new ConfigException(
          "no password for " + user + ": the input is not a terminal, so none can be typed",
          "use --password-file FILE, or set " + PASSWORD_VARIABLE);
    }
    String typed = console.readSecret("password for " + user + ": ");
    if (typed == null || typed.isEmpty()) {
      throw new ConfigException("no password given for " + user);
    }
    return typed;
  }

  private static String firstLineOf(Path file) throws ConfigException {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line = reader.readLine();
      if (line == null || line.isEmpty()) {
        throw new ConfigException("the password file " + file + " is empty");
      }
      return line;
    } catch (NoSuchFileException e) {
      throw new ConfigException("cannot read the password file " + file + ": no such file");
    } catch (IOException e) {
      throw new ConfigException("cannot read the password file " + file + ": " + e.getMessage());
    }
  }

  private static ChatClient connect(
      ChannelSecurity security, ClientSettings settings, ConsoleView console, Stage stage)
      throws ConfigException, IOException {
    String cannot = "cannot connect to " + settings.address() + ": ";
    try {
      return ChatClient.connect(security, settings, console);
    } catch (ConnectException e) {
      String why = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
      if (!why.contains("refused")) {
        throw new ConfigException(cannot + why);
      }
      throw new ConfigException(
          cannot + "connection refused",
          "is the server running? start it with: ./lab server --stage "
              + stage.name()
              + (settings.port() == stage.defaultPort() ? "" : " --port " + settings.port()));
    } catch (UnknownHostException e) {
      throw new ConfigException(cannot + "unknown host", "check the --host name");
    } catch (SocketTimeoutException e) {
      throw new ConfigException(
          cannot + "no answer within 5 seconds",
          "check --host and --port; a firewall may be dropping the connection");
    } catch (HandshakeException e) {
      throw new ConfigException(
          "the "
              + stage.name()
              + " handshake with "
              + settings.address()
              + " failed: "
              + e.getMessage(),
          e.hint()
              .orElse("the server must run the same stage: ./lab server --stage " + stage.name()),
          e);
    }
  }
}
