package securechat.core.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The {@code --keylog} option of {@code lab server} and {@code lab client}: every stage with
 * session keys (tls, ecdhe) can write them, each in its own format, so a capture can be decrypted.
 */
public final class KeyLogOption {
  @Option(
      names = "--keylog",
      paramLabel = "FILE",
      description =
          "Append this session's secrets to FILE so a capture can be decrypted (tls, ecdhe)."
              + " Anyone with FILE reads the traffic")
  private Path keyLog;

  public Optional<Path> keyLog() {
    return Optional.ofNullable(keyLog);
  }
}
