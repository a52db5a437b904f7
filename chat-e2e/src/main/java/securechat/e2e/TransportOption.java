package securechat.e2e;

import java.io.IOException;
import picocli.CommandLine.Option;
import securechat.core.channel.ChannelSecurity;
import securechat.core.cli.ConfigException;
import securechat.core.cli.StageContext;

/** {@code --transport tls|plain}, the same on {@code lab server} and {@code lab client}. */
public final class TransportOption {
  @Option(
      names = "--transport",
      paramLabel = "T",
      defaultValue = "tls",
      converter = Transport.Converter.class,
      description = "(e2e) What carries the lines: tls or plain. Default: ${DEFAULT-VALUE}")
  private Transport transport = Transport.TLS;

  ChannelSecurity security(StageContext context, boolean server)
      throws ConfigException, IOException {
    return transport.security(context, server);
  }
}
