package securechat.attacks;

import java.util.List;
import securechat.core.cli.ConfigException;
import securechat.core.cli.Stage;
import securechat.e2e.E2eClientOptions;
import securechat.e2e.E2eServerOptions;
import securechat.ecdhe.EcdheClientOptions;
import securechat.ecdhe.EcdheServerOptions;
import securechat.plain.PlainSecurity;
import securechat.tls.TlsClientOptions;
import securechat.tls.TlsServerOptions;

/**
 * The four stages as the {@code lab} application lists them ({@code lab-app}'s {@code Stages}),
 * built here because the attacks cannot depend on the application: every attack test takes its
 * stages from {@link #all}.
 */
public final class LabStages {
  private LabStages() {}

  /** plain, tls, ecdhe and e2e, in teaching order, with their usual ports and options. */
  public static List<Stage> all() {
    return List.of(
        Stage.withoutOptions(
            "plain",
            7001,
            "no protection",
            context -> {
              if (context.keyLog().isPresent()) {
                throw new ConfigException("the plain stage has no keys");
              }
              return new PlainSecurity(context.limits());
            }),
        new Stage("tls", 7002, "TLS 1.3", TlsServerOptions::new, TlsClientOptions::new),
        new Stage(
            "ecdhe", 7003, "ECDHE + Fernet", EcdheServerOptions::new, EcdheClientOptions::new),
        new Stage("e2e", 7004, "end to end", E2eServerOptions::new, E2eClientOptions::new));
  }
}
