package securechat.attacks;

import java.util.List;
import securechat.core.cli.Stage;
import securechat.e2e.E2eClientOptions;
import securechat.e2e.E2eServerOptions;
import securechat.ecdhe.EcdheClientOptions;
import securechat.ecdhe.EcdheServerOptions;
import securechat.plain.PlainSecurity;
import securechat.tls.TlsClientOptions;
import securechat.tls.TlsServerOptions;

/**
 * The four stages built from their public options, as the application lists them (lab-app's {@code
 * Stages}, which this module cannot see), for the attack tests.
 */
public final class LabStages {
  private LabStages() {}

  public static List<Stage> all() {
    return List.of(
        Stage.withoutOptions(
            "plain", 7001, "plain", context -> new PlainSecurity(context.limits())),
        new Stage("tls", 7002, "tls", TlsServerOptions::new, TlsClientOptions::new),
        new Stage("ecdhe", 7003, "ecdhe", EcdheServerOptions::new, EcdheClientOptions::new),
        new Stage("e2e", 7004, "e2e", E2eServerOptions::new, E2eClientOptions::new));
  }

  public static Stage ecdhe() {
    return all().get(2);
  }

  public static Stage e2e() {
    return all().get(3);
  }
}
