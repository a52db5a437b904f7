package securechat.ecdhe;

import java.io.IOException;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;
import securechat.core.channel.HandshakeException;
import securechat.core.cli.ConfigException;
import securechat.core.cli.StageContext;
import securechat.core.cli.StageOptions.StandaloneMode;
import securechat.ecdhe.seed.InsecureSeed000Chat;
import securechat.ecdhe.seed.SeedFraming;

/**
 * {@code --insecure-compat seed000 [--framing raw|len32]}: instead of the chat, speak seed 000's
 * own protocol (administrator ↔ one client), so our programs talk to the original Python ones.
 */
public final class SeedCompatOptions {
  @Option(
      names = "--insecure-compat",
      paramLabel = "SEED",
      description =
          "(ecdhe) INSECURE: speak the original program's protocol instead: seed000"
              + " (unauthenticated, one key for both directions)")
  private String compat;

  @Option(
      names = "--framing",
      paramLabel = "FRAMING",
      converter = FramingConverter.class,
      description =
          "(ecdhe) With --insecure-compat seed000: raw (its v1) or len32 (its v2). Default: len32")
  private SeedFraming framing;

  /** The seed program to run instead of the chat, if {@code --insecure-compat} was given. */
  Optional<StandaloneMode> mode(boolean server) {
    if (compat == null) {
      return Optional.empty();
    }
    return Optional.of(context -> run(context, server));
  }

  private int run(StageContext context, boolean server) throws ConfigException, IOException {
    if (!compat.equals("seed000")) {
      throw new ConfigException(
          "--insecure-compat knows one program, seed000, not '" + compat + "'");
    }
    if (context.keyLog().isPresent()) {
      throw new ConfigException(
          "--keylog does not apply to --insecure-compat seed000",
          "the seed prints nothing to log; its key is derived the same way on both sides");
    }
    SeedFraming chosen = framing == null ? SeedFraming.LEN32 : framing;
    try {
      if (server) {
        InsecureSeed000Chat.runServer(context.host(), context.port(), chosen, context.console());
      } else {
        InsecureSeed000Chat.runClient(context.host(), context.port(), chosen, context.console());
      }
      return 0;
    } catch (HandshakeException e) {
      throw new ConfigException(
          "the seed 000 handshake failed: " + e.getMessage(),
          "is the other side a seed 000 program with --framing " + chosen.cliName() + "?");
    }
  }

  /** The chat itself runs: {@code --framing} would be ignored, so it is refused. */
  void checkNoFraming() throws ConfigException {
    if (framing != null) {
      throw new ConfigException("--framing applies only with --insecure-compat seed000");
    }
  }

  /** Reads {@code --framing}, naming the choices when the value is none of them. */
  static final class FramingConverter implements ITypeConverter<SeedFraming> {
    @Override
    public SeedFraming convert(String value) {
      try {
        return SeedFraming.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
