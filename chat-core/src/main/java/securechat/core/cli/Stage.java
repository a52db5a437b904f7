package securechat.core.cli;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import securechat.core.channel.ChannelSecurity;

/**
 * One stage of the chat as the command line knows it: its name, its default port and how to make
 * its {@link ChannelSecurity}. The application module lists every stage in one place and hands the
 * list to the server and client commands.
 *
 * @param name the value of {@code --stage}, e.g. {@code plain}
 * @param defaultPort the port used when {@code --port} is not given
 * @param summary one line for {@code --help}: what this stage protects
 * @param security makes the stage's channel security for a given context
 */
public record Stage(
    String name,
    int defaultPort,
    String summary,
    Function<StageContext, ChannelSecurity> security) {
  public Stage {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(security, "security");
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
}
