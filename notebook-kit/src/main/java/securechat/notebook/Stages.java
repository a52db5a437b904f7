package securechat.notebook;

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
 * The four stages in teaching order, built from their public options exactly as {@code lab server
 * --stage NAME} builds them, so that a notebook's {@code LabRun.of("tls")} runs what a student's
 * terminal runs.
 *
 * <p>The same list as lab-app's {@code Stages}, which this module cannot see (lab-app depends on
 * it): lab-app's list could be this one.
 */
public final class Stages {
  public static final int PLAIN_PORT = 7001;
  public static final int TLS_PORT = 7002;
  public static final int ECDHE_PORT = 7003;
  public static final int E2E_PORT = 7004;

  private Stages() {}

  /** Every stage, in teaching order: plain, tls, ecdhe, e2e. */
  public static List<Stage> all() {
    return List.of(
        Stage.withoutOptions(
            "plain",
            PLAIN_PORT,
            "no protection: passwords and messages cross the network as typed",
            context -> {
              if (context.keyLog().isPresent()) {
                throw new ConfigException(
                    "the plain stage has no keys, so --keylog has nothing to write",
                    "a capture of the plain stage is readable as it is");
              }
              return new PlainSecurity(context.limits());
            }),
        new Stage(
            "tls",
            TLS_PORT,
            "TLS 1.3 with a certificate from the lab CA: eavesdroppers see only sizes and timing",
            TlsServerOptions::new,
            TlsClientOptions::new),
        new Stage(
            "ecdhe",
            ECDHE_PORT,
            "ECDHE + Fernet, server identity pinned on first use: no certificates, no CA",
            EcdheServerOptions::new,
            EcdheClientOptions::new),
        new Stage(
            "e2e",
            E2E_PORT,
            "end to end (HPKE + Ed25519, signed key directory) over TLS: the server cannot read",
            E2eServerOptions::new,
            E2eClientOptions::new));
  }

  /**
   * The stage called {@code name}.
   *
   * @throws ConfigException naming the stages there are, if there is none of that name
   */
  public static Stage find(String name) throws ConfigException {
    return Stage.find(all(), name);
  }
}
