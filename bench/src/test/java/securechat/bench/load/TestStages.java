package securechat.bench.load;

import java.util.List;
import securechat.bench.cli.BenchCommand;
import securechat.core.cli.CliErrorHandler;
import securechat.core.cli.ServerCommand;
import securechat.core.cli.Stage;
import securechat.e2e.E2eClientOptions;
import securechat.e2e.E2eServerOptions;
import securechat.ecdhe.EcdheClientOptions;
import securechat.ecdhe.EcdheServerOptions;
import securechat.plain.PlainSecurity;
import securechat.tls.TlsClientOptions;
import securechat.tls.TlsServerOptions;

/**
 * The four stages as {@code lab} lists them (the bench module cannot see lab-app), and a {@code
 * main} that plays {@code ./lab server ...} for the server JVM a load run starts.
 */
final class TestStages {
  private TestStages() {}

  static List<Stage> all() {
    return List.of(
        Stage.withoutOptions(
            "plain", 7001, "plain", context -> new PlainSecurity(context.limits())),
        new Stage("tls", 7002, "tls", TlsServerOptions::new, TlsClientOptions::new),
        new Stage("ecdhe", 7003, "ecdhe", EcdheServerOptions::new, EcdheClientOptions::new),
        new Stage("e2e", 7004, "e2e", E2eServerOptions::new, E2eClientOptions::new));
  }

  /** {@code lab bench} whose server processes run {@link #main}. */
  static BenchCommand bench() {
    return new BenchCommand(all(), TestStages.class.getName());
  }

  /** {@code server ARGS}: the server command of {@code ./lab}, with these stages. */
  public static void main(String[] args) {
    if (args.length == 0 || !args[0].equals("server")) {
      System.err.println("only 'server' is played here");
      System.exit(2);
    }
    String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
    System.exit(CliErrorHandler.configure(new ServerCommand(all()).commandLine()).execute(rest));
  }
}
