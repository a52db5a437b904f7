package securechat.ecdhe;

import securechat.core.cli.StageContext;

/** The warning {@code --keylog} prints in the ecdhe stage. */
final class EcdheKeyLogWarning {
  private EcdheKeyLogWarning() {}

  static void printIfAsked(StageContext context) {
    context
        .keyLog()
        .ifPresent(
            file ->
                context
                    .console()
                    .print(
                        "warning: --keylog: this session's Fernet keys go to "
                            + file
                            + "; anyone with that file decrypts a capture of it"));
  }
}
