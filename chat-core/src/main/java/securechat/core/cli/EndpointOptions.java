package securechat.core.cli;

import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options that say where a chat server is, shared by {@code lab server} and {@code lab client}:
 * {@code --stage}, {@code --host} and {@code --port}. Servers and clients default to the same
 * address, so {@code ./lab server} and {@code ./lab client} find each other with no options.
 */
public final class EndpointOptions {
  @Option(
      names = "--stage",
      paramLabel = "STAGE",
      defaultValue = "plain",
      completionCandidates = StageNames.class,
      description = "Stage: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}")
  private String stageName;

  @Option(
      names = "--host",
      paramLabel = "HOST",
      defaultValue = "127.0.0.1",
      description = "Server address. Default: ${DEFAULT-VALUE} (this machine only)")
  private String host;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "Server port; a server may use 0 for any free port. Default: per stage")
  private Integer port;

  /** The chosen stage, or a {@link ConfigException} naming the stages there are. */
  Stage stage(List<Stage> stages) throws ConfigException {
    return Stage.find(stages, stageName);
  }

  String host() {
    return host;
  }

  /** The chosen port, else the stage's default; {@code 0} only where {@code zeroAllowed}. */
  int port(Stage stage, boolean zeroAllowed) throws ConfigException {
    int chosen = port == null ? stage.defaultPort() : port;
    int lowest = zeroAllowed ? 0 : 1;
    if (chosen < lowest || chosen > 65535) {
      throw new ConfigException("--port must be " + lowest + "-65535, not " + chosen);
    }
    return chosen;
  }
}
