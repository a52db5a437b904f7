package securechat.ecdhe;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import securechat.core.channel.ChannelSecurity;
import securechat.core.cli.ConfigException;
import securechat.core.cli.StageContext;
import securechat.core.cli.StageOptions;
import securechat.core.identity.ServerIdentity;

/**
 * The ecdhe stage's options on {@code lab server}: the identity that signs every handshake (created
 * on first start), or none with {@code --insecure-no-auth}; the key log.
 */
public final class EcdheServerOptions implements StageOptions {
  @Option(
      names = "--insecure-no-auth",
      description =
          "(ecdhe) INSECURE: do not sign the handshake, as the seed did (the MITM lab's victim)")
  private boolean insecureNoAuth;

  @Mixin private SeedCompatOptions compat;

  @Override
  public Optional<StandaloneMode> standaloneMode() {
    return compat.mode(true);
  }

  @Override
  public ChannelSecurity security(StageContext context) throws ConfigException, IOException {
    compat.checkNoFraming();
    Optional<ServerIdentity> identity = Optional.empty();
    if (insecureNoAuth) {
      context
          .console()
          .print(
              "warning: --insecure-no-auth: this server does not sign its handshakes; clients"
                  + " cannot tell it from a man in the middle");
    } else {
      identity = Optional.of(loadIdentity(context));
      context
          .console()
          .print(
              "ecdhe: server identity "
                  + ServerIdentity.fingerprint(identity.get().publicKey())
                  + " (clients pin it on first use)");
    }
    EcdheKeyLogWarning.printIfAsked(context);
    return EcdheSecurity.server(
        identity, List.of(Curve.values()), context.limits(), Clock.systemUTC(), context.keyLog());
  }

  private static ServerIdentity loadIdentity(StageContext context)
      throws ConfigException, IOException {
    try {
      return ServerIdentity.loadOrCreate(context.dataDir(), "ecdhe", context.console()::print);
    } catch (GeneralSecurityException e) {
      throw new ConfigException(
          "cannot read the ecdhe server identity in "
              + ServerIdentity.file(context.dataDir(), "ecdhe")
              + ": "
              + e.getMessage(),
          "move the file away to make a new identity (clients will then refuse the new key)");
    }
  }
}
