package securechat.bench.load;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import securechat.bench.cli.BenchCommand;
import securechat.core.cli.ConfigException;
import securechat.core.cli.DurationConverter;
import securechat.core.cli.Stage;

/**
 * {@code lab bench soak}: many users connect, chat and leave again and again for a bounded time
 * against one stage's server (its own JVM, as {@code lab bench load} starts it), while handshakes
 * are killed with their process and clients that never read are started; then it checks that every
 * message to an online recipient arrived once and in order, that the server's open files, threads
 * and live heap are back to where they were, and that it still accepts a login. It prints the
 * figures and a verdict, and exits with status 1 when the verdict is FAIL.
 *
 * <pre>
 * ./lab bench soak --stage tls --clients 200 --duration 20s
 * ./lab bench soak --stage ecdhe --clients 2000 --sessions-at-once 64 --duration 30m
 * </pre>
 */
@Command(
    name = "soak",
    mixinStandardHelpOptions = true,
    description = {
      "Soak a stage's server: N users take turns to connect, chat and leave for a bounded time,"
          + " some handshakes are killed with SIGKILL, some clients never read. Then check that"
          + " nothing was lost, duplicated or reordered, that open files, threads and live heap"
          + " are back to their baseline, and that logins still work. Exit status 1 if not.",
      ""
    })
public final class SoakCommand implements Callable<Integer> {
  static final Duration MAX_DURATION = Duration.ofHours(12);

  private final BenchCommand bench;

  @Spec private CommandSpec spec;

  @Mixin private RunOptions run = new RunOptions("512m");

  @Option(
      names = "--clients",
      paramLabel = "N",
      defaultValue = "200",
      description =
          "Users taking turns; "
              + SoakRun.ANCHORS
              + " of them stay online all along and receive"
              + " the messages. Default: ${DEFAULT-VALUE}")
  private int clients;

  @Option(
      names = "--sessions-at-once",
      paramLabel = "K",
      defaultValue = "32",
      description = "Sessions running at the same time. Default: ${DEFAULT-VALUE}")
  private int sessionsAtOnce;

  @Option(
      names = "--duration",
      paramLabel = "D",
      defaultValue = "20s",
      converter = DurationConverter.class,
      description = "How long the users take turns (at most 12h). Default: ${DEFAULT-VALUE}")
  private Duration duration;

  @Option(
      names = "--kill-every",
      paramLabel = "D",
      defaultValue = "1s",
      converter = DurationConverter.class,
      description =
          "Kill a handshake's process (python3) with SIGKILL this often; 0s: never."
              + " Default: ${DEFAULT-VALUE}")
  private Duration killEvery;

  @Option(
      names = "--slow-every",
      paramLabel = "D",
      defaultValue = "5s",
      converter = DurationConverter.class,
      description =
          "Start a client that never reads this often (one at a time); 0s: never."
              + " Default: ${DEFAULT-VALUE}")
  private Duration slowEvery;

  public SoakCommand(BenchCommand bench) {
    this.bench = bench;
  }

  @Override
  public Integer call() throws ConfigException, IOException, InterruptedException {
    SoakSettings settings = settings();
    PrintWriter err = spec.commandLine().getErr();
    SoakReport report = new SoakRun(bench, settings, err, System.console() != null).run();
    report.print(spec.commandLine().getOut());
    return report.problems().isEmpty() ? 0 : 1;
  }

  /** The options, checked: each problem is one sentence with a way out. */
  SoakSettings settings() throws ConfigException {
    Stage stage = run.stage(bench);
    if (clients < SoakRun.ANCHORS + 1 || clients > LoadCommand.MAX_CLIENTS) {
      throw new ConfigException(
          "--clients "
              + clients
              + " is out of range: "
              + (SoakRun.ANCHORS + 1)
              + " to "
              + LoadCommand.MAX_CLIENTS);
    }
    if (sessionsAtOnce < 1 || sessionsAtOnce > 10_000) {
      throw new ConfigException(
          "--sessions-at-once " + sessionsAtOnce + " is out of range: 1 to 10000");
    }
    if (duration.compareTo(Duration.ofSeconds(1)) < 0 || duration.compareTo(MAX_DURATION) > 0) {
      throw new ConfigException(
          "--duration " + duration.toSeconds() + "s is out of range: 1s to 12h");
    }
    checkInterval("--kill-every", killEvery);
    checkInterval("--slow-every", slowEvery);
    return new SoakSettings(
        stage,
        clients,
        sessionsAtOnce,
        duration,
        killEvery,
        slowEvery,
        run.serverHeap(),
        run.serverJvmOptions(),
        run.serverOptions(),
        run.clientOptions());
  }

  private static void checkInterval(String option, Duration every) throws ConfigException {
    if (every.isNegative() || (!every.isZero() && every.toMillis() < 100)) {
      throw new ConfigException(
          option + " " + every.toMillis() + "ms is out of range: 0s (never), or 100ms or more");
    }
  }
}
