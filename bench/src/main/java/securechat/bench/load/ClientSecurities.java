package securechat.bench.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import securechat.core.channel.ChannelSecurity;
import securechat.core.cli.ConfigException;
import securechat.core.cli.Stage;
import securechat.core.cli.StageContext;
import securechat.core.client.ClientSettings;
import securechat.core.protocol.Limits;
import securechat.core.protocol.Username;
import securechat.core.terminal.PrintOnlyConsole;

/**
 * Builds the clients' {@link ChannelSecurity} exactly as {@code lab client --stage S OPTIONS} does:
 * the stage's client options parsed from the same arguments, then {@code security(context)} with
 * the user's settings.
 *
 * <p>The plain, tls and ecdhe stages build the same security for every user, so it is built once
 * and shared, as one client program would. The e2e stage's security carries the user's own identity
 * keys, so each client gets its own.
 */
final class ClientSecurities {
  private final Stage stage;
  private final String[] clientOptions;
  private final Path dataDir;
  private final InetSocketAddress server;
  private final LoadNames names;
  private final Consumer<String> say;
  private ChannelSecurity shared;

  /**
   * @param dataDir where the clients find the lab CA and keep their pins and identities
   * @param say where the stage's words to the user go (an e2e refusal, a warning)
   */
  ClientSecurities(
      Stage stage,
      Iterable<String> clientOptions,
      Path dataDir,
      InetSocketAddress server,
      LoadNames names,
      Consumer<String> say) {
    this.stage = stage;
    List<String> options = new ArrayList<>();
    clientOptions.forEach(options::add);
    this.clientOptions = options.toArray(new String[0]);
    this.dataDir = dataDir;
    this.server = server;
    this.names = names;
    this.say = say;
  }

  /**
   * Where a run sends what the stage tells its user: a refusal, a warning, a message dropped or not
   * sent (the e2e client says so when a key did not come in time) counts as an error, so that no
   * message disappears without a word in the report.
   */
  static Consumer<String> countingProblems(DeliveryTracker tracker) {
    return line -> {
      if (line.contains("REFUSED")
          || line.contains("WARNING")
          || line.contains("dropped")
          || line.contains("not sent")
          || line.contains("cannot ask")) {
        tracker.error("client says: " + Errors.firstWords(line.replace("[e2e] ", "")));
      }
    };
  }

  /** The security client {@code index} connects with. */
  ChannelSecurity forClient(int index) throws ConfigException, IOException {
    if (stage.name().equals("e2e")) {
      return build(index);
    }
    synchronized (this) {
      if (shared == null) {
        shared = build(index);
      }
      return shared;
    }
  }

  private ChannelSecurity build(int index) throws ConfigException, IOException {
    ClientSettings settings =
        new ClientSettings(
            server.getAddress().getHostAddress(),
            server.getPort(),
            Optional.of(new Username(names.of(index))),
            names.passwordOf(index),
            false,
            dataDir.resolve("downloads"),
            Limits.DEFAULTS);
    StageContext context =
        new StageContext(
                Limits.DEFAULTS,
                dataDir,
                new PrintOnlyConsole(say),
                settings.host(),
                settings.port(),
                Optional.empty())
            .withClient(settings);
    return stage.clientWith(clientOptions).security(context);
  }
}
