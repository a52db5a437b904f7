package securechat.tls;

import securechat.core.cli.ConfigException;
import securechat.core.cli.StageContext;

/** {@code --keylog} for the tls stage: starts the {@link KeyLogWriter} and warns, loudly. */
final class TlsKeyLog {
  private TlsKeyLog() {}

  static void startIfAsked(StageContext context) throws ConfigException {
    if (context.keyLog().isEmpty()) {
      return;
    }
    try {
      KeyLogWriter.start(context.keyLog().get());
    } catch (KeyLogException e) {
      throw new ConfigException(e.getMessage());
    }
    context
        .console()
        .print(
            "warning: --keylog: this session's TLS secrets go to "
                + context.keyLog().get()
                + "; anyone with that file decrypts a capture of it");
  }
}
