package securechat.app;

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

/** Every stage the {@code lab} command knows, in teaching order. Later stages are added here. */
final class Stages {
  private Stages() {}

  static final int PLAIN_PORT = 7001;
  static final int TLS_PORT = 7002;
  static final int ECDHE_PORT = 7003;
  static final int E2E_PORT = 7004;

  static List<Stage> all() {
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
}
