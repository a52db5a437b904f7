package securechat.e2e;

import java.io.IOException;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import securechat.core.channel.ChannelSecurity;
import securechat.core.cli.ConfigException;
import securechat.core.cli.StageContext;
import securechat.core.cli.StageOptions;
import securechat.plain.PlainSecurity;
import securechat.tls.TlsClientOptions;
import securechat.tls.TlsServerOptions;

/**
 * What carries the e2e stage's lines: TLS 1.3 by default (defence in depth: the network then sees
 * neither the password nor the metadata in the envelopes), or plain TCP, so that a capture shows
 * what the end-to-end layer alone hides and what it does not.
 */
public enum Transport {
  TLS,
  PLAIN;

  /** The transport's security, built as the tls and plain stages build theirs by default. */
  ChannelSecurity security(StageContext context, boolean server)
      throws ConfigException, IOException {
    if (this == PLAIN) {
      context
          .console()
          .print(
              "warning: --transport plain: passwords and message metadata cross the network in"
                  + " clear; only message content stays end-to-end encrypted");
      return new PlainSecurity(context.limits());
    }
    // The tls stage's own options with their defaults: the lab CA and its server certificate.
    StageOptions tls =
        server
            ? CommandLine.populateCommand(new TlsServerOptions())
            : CommandLine.populateCommand(new TlsClientOptions());
    return tls.security(context);
  }

  /** Reads {@code --transport}, naming the choices when the value is none of them. */
  static final class Converter implements ITypeConverter<Transport> {
    @Override
    public Transport convert(String value) {
      return switch (value) {
        case "tls" -> TLS;
        case "plain" -> PLAIN;
        default -> throw new TypeConversionException("'" + value + "' is not tls or plain");
      };
    }
  }
}
