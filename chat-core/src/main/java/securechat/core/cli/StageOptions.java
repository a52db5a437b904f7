package securechat.core.cli;

import java.io.IOException;
import java.util.Optional;
import securechat.core.channel.ChannelSecurity;

/**
 * What one stage adds to {@code lab server} or {@code lab client}: its own options (picocli
 * {@code @Option} fields on the implementing class, such as the tls stage's {@code --mutual-tls})
 * and how they build the stage's {@link ChannelSecurity}.
 *
 * <p>The commands make one instance per stage and mix the options of all of them into their help,
 * so {@code lab client --help} lists every stage's options; an option of a stage other than the one
 * chosen with {@code --stage} is refused. A stage without options is just a lambda:
 *
 * <pre>{@code
 * StageOptions plain = context -> new PlainSecurity(context.limits());
 * }</pre>
 */
@FunctionalInterface
public interface StageOptions {

  /**
   * Builds the stage's security for one server or client, creating what it needs on first use
   * (keys, certificates) and saying so in one line on {@link StageContext#console()}.
   *
   * @throws ConfigException for a problem the user can fix, with a sentence and a hint
   */
  ChannelSecurity security(StageContext context) throws ConfigException, IOException;

  /**
   * A mode that runs instead of the chat, such as the ecdhe stage's {@code --insecure-compat
   * seed000}, which speaks an old program's own protocol; empty (the default) for the chat itself.
   */
  default Optional<StandaloneMode> standaloneMode() {
    return Optional.empty();
  }

  /** A program that replaces the chat server or client for one run; returns the exit status. */
  @FunctionalInterface
  interface StandaloneMode {
    int run(StageContext context) throws ConfigException, IOException;
  }
}
