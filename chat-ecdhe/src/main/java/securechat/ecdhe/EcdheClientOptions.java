package securechat.ecdhe;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import securechat.core.channel.ChannelSecurity;
import securechat.core.cli.ConfigException;
import securechat.core.cli.StageContext;
import securechat.core.cli.StageOptions;
import securechat.core.identity.KnownHosts;

/**
 * The ecdhe stage's options on {@code lab client}: the curve, and whether to check the server's
 * identity against {@code known_hosts} (the default) or not at all ({@code --insecure-no-auth}).
 */
public final class EcdheClientOptions implements StageOptions {
  @Option(
      names = "--curve",
      paramLabel = "CURVE",
      defaultValue = "x25519",
      converter = CurveConverter.class,
      description = "(ecdhe) Key-exchange curve: x25519 or p384. Default: ${DEFAULT-VALUE}")
  private Curve curve;

  @Option(
      names = "--insecure-no-auth",
      description =
          "(ecdhe) INSECURE: accept an unsigned handshake and pin nothing (the MITM lab's victim)")
  private boolean insecureNoAuth;

  @Mixin private SeedCompatOptions compat;

  @Override
  public Optional<StandaloneMode> standaloneMode() {
    return compat.mode(false);
  }

  @Override
  public ChannelSecurity security(StageContext context) throws ConfigException, IOException {
    compat.checkNoFraming();
    Optional<KnownHosts> knownHosts = Optional.empty();
    if (insecureNoAuth) {
      context
          .console()
          .print(
              "warning: --insecure-no-auth: the server's identity will NOT be checked; anyone in"
                  + " the middle can read and change this session");
    } else {
      knownHosts = Optional.of(new KnownHosts(context.dataDir(), context.console()::print));
    }
    EcdheKeyLogWarning.printIfAsked(context);
    return EcdheSecurity.client(
        curve,
        knownHosts,
        context.host() + ":" + context.port(),
        context.limits(),
        Clock.systemUTC(),
        context.keyLog());
  }

  /** Reads {@code --curve}, naming the curves there are when the value is none of them. */
  static final class CurveConverter implements ITypeConverter<Curve> {
    @Override
    public Curve convert(String value) {
      Curve curve = Curve.find(value);
      if (curve == null) {
        throw new picocli.CommandLine.TypeConversionException(
            "'" + value + "' is not a curve; use x25519 or p384");
      }
      return curve;
    }
  }
}
