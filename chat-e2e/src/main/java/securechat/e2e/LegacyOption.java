package securechat.e2e;

import java.io.IOException;
import java.net.ConnectException;
import java.util.Optional;
import picocli.CommandLine.Option;
import securechat.core.cli.ConfigException;
import securechat.core.cli.StageContext;
import securechat.core.cli.StageOptions.StandaloneMode;
import securechat.e2e.legacy.InsecureLegacySeed004;

/**
 * {@code --insecure-legacy seed004}: instead of the e2e chat, run the replica of seed 004's "hybrid
 * RSA/DES" scheme, broken on purpose, for the attack lab ({@code docs/legacy-seed004.md}).
 */
public final class LegacyOption {
  @Option(
      names = "--insecure-legacy",
      paramLabel = "SEED",
      description =
          "(e2e) INSECURE: run the replica of an old scheme instead: seed004 (textbook RSA +"
              + " DES-ECB; every message can be recovered from a capture)")
  private String legacy;

  /** The replica to run instead of the chat, if asked for. */
  Optional<StandaloneMode> mode(boolean server) {
    if (legacy == null) {
      return Optional.empty();
    }
    return Optional.of(context -> run(context, server));
  }

  private int run(StageContext context, boolean server) throws ConfigException, IOException {
    if (!legacy.equals("seed004")) {
      throw new ConfigException(
          "--insecure-legacy knows one scheme, seed004, not '" + legacy + "'");
    }
    if (server) {
      InsecureLegacySeed004.runServer(context.host(), context.port(), context.console());
      return 0;
    }
    try {
      InsecureLegacySeed004.runClient(context.host(), context.port(), context.console());
    } catch (ConnectException e) {
      throw new ConfigException(
          "cannot connect to " + context.host() + ":" + context.port() + ": connection refused",
          "is the replica's server running? ./lab server --stage e2e --insecure-legacy seed004");
    }
    return 0;
  }
}
