package securechat.app;

import java.util.List;
import securechat.core.cli.Stage;
import securechat.plain.PlainSecurity;

/** Every stage the {@code lab} command knows, in teaching order. Later stages are added here. */
final class Stages {
  private Stages() {}

  static final int PLAIN_PORT = 7001;

  static List<Stage> all() {
    return List.of(
        new Stage(
            "plain",
            PLAIN_PORT,
            "no protection: passwords and messages cross the network as typed",
            context -> new PlainSecurity(context.limits())));
  }
}
