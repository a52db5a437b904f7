package securechat.attacks;

import securechat.core.cli.Stage;
import securechat.e2e.E2eClientOptions;
import securechat.e2e.E2eServerOptions;
import securechat.ecdhe.EcdheClientOptions;
import securechat.ecdhe.EcdheServerOptions;

/**
 * The stages the attack tests start, built as the application builds them ({@code
 * securechat.app.Stages}, which this module cannot see).
 */
public final class LabStages {
  private LabStages() {}

  public static Stage ecdhe() {
    return new Stage(
        "ecdhe",
        7003,
        "ECDHE + Fernet, server identity pinned on first use: no certificates, no CA",
        EcdheServerOptions::new,
        EcdheClientOptions::new);
  }

  public static Stage e2e() {
    return new Stage(
        "e2e",
        7004,
        "end to end (HPKE + Ed25519, signed key directory) over TLS: the server cannot read",
        E2eServerOptions::new,
        E2eClientOptions::new);
  }
}
