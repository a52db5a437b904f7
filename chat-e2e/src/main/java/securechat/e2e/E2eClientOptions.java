package securechat.e2e;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;
import securechat.core.channel.ChannelSecurity;
import securechat.core.cli.ConfigException;
import securechat.core.cli.StageContext;
import securechat.core.cli.StageOptions;
import securechat.core.client.ClientSettings;
import securechat.core.identity.KnownHosts;
import securechat.core.protocol.Username;

/**
 * The e2e stage's options on {@code lab client}: the transport, the AEAD to seal with, and the
 * legacy replica. The user's identity keys are unlocked with the login password before connecting
 * (created, and encrypted with it, on first use), so this stage needs {@code --user}.
 */
public final class E2eClientOptions implements StageOptions {
  @Mixin private TransportOption transport;

  @Option(
      names = "--aead",
      paramLabel = "AEAD",
      defaultValue = "aes128gcm",
      converter = AeadConverter.class,
      description = "(e2e) HPKE's AEAD: aes128gcm or chacha20poly1305. Default: ${DEFAULT-VALUE}")
  private Hpke.Aead aead = Hpke.Aead.AES_128_GCM;

  @Mixin private LegacyOption legacy;

  @Override
  public Optional<StandaloneMode> standaloneMode() {
    return legacy.mode(false);
  }

  @Override
  public ChannelSecurity security(StageContext context) throws ConfigException, IOException {
    ClientSettings settings =
        context
            .client()
            .filter(s -> s.user().isPresent())
            .orElseThrow(
                () ->
                    new ConfigException(
                        "the e2e stage needs --user NAME",
                        "your identity keys are unlocked with your password before connecting"));
    E2eUser user = user(context, settings);
    return E2eSecurity.client(transport.security(context, false), user);
  }

  private E2eUser user(StageContext context, ClientSettings settings)
      throws ConfigException, IOException {
    Username name = settings.user().orElseThrow();
    IdentityKeys keys =
        IdentityStore.withOwaspParameters(context.dataDir())
            .loadOrCreate(name, settings.password(), context.console()::print);
    return new E2eUser(
        name,
        keys,
        openContacts(context, name),
        new KnownHosts(context.dataDir(), context.console()::print),
        context.host() + ":" + context.port(),
        aead,
        Clock.systemUTC(),
        context.limits(),
        context.console()::print);
  }

  private static ContactBook openContacts(StageContext context, Username name)
      throws ConfigException {
    try {
      return ContactBook.open(context.dataDir(), name);
    } catch (IOException e) {
      throw new ConfigException(
          "cannot read the contact book of " + name + ": " + e.getMessage(),
          "repair that line, or move the file away to start an empty contact book (safety"
              + " numbers must then be verified again)");
    }
  }

  /** Reads {@code --aead}, naming the choices when the value is none of them. */
  static final class AeadConverter implements ITypeConverter<Hpke.Aead> {
    @Override
    public Hpke.Aead convert(String value) {
      return Hpke.Aead.find(value)
          .orElseThrow(
              () ->
                  new TypeConversionException(
                      "'" + value + "' is not aes128gcm or chacha20poly1305"));
    }
  }
}
