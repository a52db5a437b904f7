package securechat.core.cli;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * One stage of the chat as the command line knows it: its name, its default port, and its options
 * on each side, which build its {@link securechat.core.channel.ChannelSecurity}. The application
 * module lists every stage in one place and hands the list to the server and client commands.
 *
 * @param name the value of {@code --stage}, e.g. {@code plain}
 * @param defaultPort the port used when {@code --port} is not given
 * @param summary one line for {@code --help}: what this stage protects
 * @param serverOptions makes a fresh set of the stage's {@code lab server} options
 * @param clientOptions makes a fresh set of the stage's {@code lab client} options
 */
public record Stage(
    String name,
    int defaultPort,
    String summary,
    Supplier<StageOptions> serverOptions,
    Supplier<StageOptions> clientOptions) {
  public Stage {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(serverOptions, "serverOptions");
    Objects.requireNonNull(clientOptions, "clientOptions");
  }

  /** A stage with no options of its own, built the same way on both sides. */
  public static Stage withoutOptions(
      String name, int defaultPort, String summary, StageOptions security) {
    return new Stage(name, defaultPort, summary, () -> security, () -> security);
  }

  /** The stage called {@code name}, or a {@link ConfigException} listing the stages there are. */
  public static Stage find(List<Stage> stages, String name) throws ConfigException {
    for (Stage stage : stages) {
      if (stage.name().equals(name)) {
        return stage;
      }
    }
    String known = stages.stream().map(Stage::name).collect(Collectors.joining(", "));
    throw new ConfigException("unknown stage '" + name + "'; the stages are: " + known);
  }

  /**
   * The stage's server options as {@code lab server --stage NAME ARGS} would set them: every option
   * not in {@code args} keeps its default. For programs that start a stage the way a student would:
   * the demo, the attacks.
   *
   * @throws ConfigException if an argument is not one of the stage's options
   */
  public StageOptions serverWith(String... args) throws ConfigException {
    return parsed(serverOptions.get(), "server", args);
  }

  /** The stage's client options as {@code lab client --stage NAME ARGS} would set them. */
  public StageOptions clientWith(String... args) throws ConfigException {
    return parsed(clientOptions.get(), "client", args);
  }

  private StageOptions parsed(StageOptions options, String side, String... args)
      throws ConfigException {
    try {
      new CommandLine(CommandSpec.forAnnotatedObjectLenient(options)).parseArgs(args);
      return options;
    } catch (ParameterException e) {
      throw new ConfigException(
          "the "
              + name
              + " stage's "
              + side
              + " does not take "
              + String.join(" ", args)
              + ": "
              + e.getMessage());
    }
  }
}
