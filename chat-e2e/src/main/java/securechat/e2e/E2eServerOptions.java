package securechat.e2e;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import securechat.core.channel.ChannelSecurity;
import securechat.core.cli.ConfigException;
import securechat.core.cli.StageContext;
import securechat.core.cli.StageOptions;
import securechat.core.identity.ServerIdentity;

/**
 * The e2e stage's options on {@code lab server}: the transport, and the legacy replica. The
 * server's identity ({@code DATA-DIR/e2e/server-identity.pem}) and key directory ({@code
 * DATA-DIR/e2e/directory}) are made on first start.
 */
public final class E2eServerOptions implements StageOptions {
  @Mixin private TransportOption transport;

  @Mixin private LegacyOption legacy;

  @Override
  public Optional<StandaloneMode> standaloneMode() {
    return legacy.mode(true);
  }

  @Override
  public ChannelSecurity security(StageContext context) throws ConfigException, IOException {
    ServerIdentity identity;
    try {
      identity = ServerIdentity.loadOrCreate(context.dataDir(), "e2e", context.console()::print);
    } catch (GeneralSecurityException e) {
      throw new ConfigException(
          "cannot read the e2e server identity in "
              + ServerIdentity.file(context.dataDir(), "e2e")
              + ": "
              + e.getMessage(),
          "move the file away to make a new identity (clients will then refuse the new key)");
    }
    KeyDirectory directory = openDirectory(context, identity);
    context
        .console()
        .print(
            "e2e: server identity "
                + ServerIdentity.fingerprint(identity.publicKey())
                + " (clients pin it on first use); key directory "
                + context.dataDir().resolve(KeyDirectory.FILE));
    return E2eSecurity.server(transport.security(context, true), identity, directory);
  }

  private static KeyDirectory openDirectory(StageContext context, ServerIdentity identity)
      throws ConfigException {
    try {
      return KeyDirectory.open(context.dataDir(), identity, Clock.systemUTC());
    } catch (IOException e) {
      throw new ConfigException(
          "cannot read the key directory: " + e.getMessage(),
          "the file must be signed by this server's identity; move it away to start an empty one");
    }
  }
}
