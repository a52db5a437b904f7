package securechat.attacks.downgrade;

import java.util.List;
import securechat.core.cli.Stage;
import securechat.ecdhe.EcdheClientOptions;
import securechat.ecdhe.EcdheServerOptions;
import securechat.tls.TlsClientOptions;
import securechat.tls.TlsServerOptions;

/** The stages the downgrade attack needs, made as lab-app's {@code Stages} makes them. */
final class LabStages {
  private LabStages() {}

  static List<Stage> tlsAndEcdhe() {
    return List.of(
        new Stage(
            "tls",
            7002,
            "TLS 1.3 with a certificate from the lab CA",
            TlsServerOptions::new,
            TlsClientOptions::new),
        new Stage(
            "ecdhe",
            7003,
            "ECDHE + Fernet, server identity pinned on first use",
            EcdheServerOptions::new,
            EcdheClientOptions::new));
  }
}
