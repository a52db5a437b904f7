package securechat.core.cli;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import securechat.core.client.ClientSettings;
import securechat.core.protocol.Limits;
import securechat.core.terminal.ConsoleView;

/**
 * What a stage may need to build its {@link securechat.core.channel.ChannelSecurity}.
 *
 * @param limits the limits, for its framer
 * @param dataDir the lab data directory, for keys and certificates
 * @param console where to say what it did ("created a lab CA in lab-data/pki")
 * @param host on a client, the server's host as the user typed it (a certificate or a pinned key is
 *     checked against it); on a server, the address it listens on
 * @param keyLog where to write session secrets ({@code --keylog}) so a capture can be decrypted;
 *     empty unless asked for
 * @param client on a client, its settings: who logs in, with which password (the e2e stage unlocks
 *     the user's identity keys with it before connecting); empty on a server
 */
public record StageContext(
    Limits limits,
    Path dataDir,
    ConsoleView console,
    String host,
    int port,
    Optional<Path> keyLog,
    Optional<ClientSettings> client) {
  public StageContext {
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(console, "console");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(keyLog, "keyLog");
    Objects.requireNonNull(client, "client");
  }

  /** A context without client settings: a server's, or a client's before it has them. */
  public StageContext(
      Limits limits,
      Path dataDir,
      ConsoleView console,
      String host,
      int port,
      Optional<Path> keyLog) {
    this(limits, dataDir, console, host, port, keyLog, Optional.empty());
  }

  /** The same context with a client's settings. */
  public StageContext withClient(ClientSettings settings) {
    return new StageContext(limits, dataDir, console, host, port, keyLog, Optional.of(settings));
  }
}
