package securechat.bench.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import securechat.bench.compare.CompareCommand;
import securechat.bench.load.LoadCommand;
import securechat.bench.load.SoakCommand;
import securechat.core.cli.Stage;

/**
 * {@code lab bench}: how fast the lab is, measured against real peers on the same machine. This
 * class lists the subcommands and gives them what they share: the stages, and how to start another
 * {@code lab} process (a load test's server runs in its own JVM, so the two do not share a heap or
 * a garbage collector).
 *
 * <pre>
 * ./lab bench load --stage plain --clients 100 --rate 3000 --duration 10s --pattern broadcast
 * ./lab bench soak --stage tls --clients 2000 --duration 30m   many sessions; leaks, losses
 * ./lab bench compare                       ours and the peers' (Python, OpenSSL, tshark) in one run
 * ./lab bench jmh [FILTER] [--full]         the JMH benchmarks, a table of scores
 * ./lab bench report                        all of it again, into docs/performance.md
 * </pre>
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Performance: load a stage's server with many clients (load), or run ours beside real peers"
          + " (Python cryptography, OpenSSL, tshark) and print the ratios (compare).",
      ""
    })
public final class BenchCommand implements Runnable {
  @Spec private CommandSpec spec;

  private final List<Stage> stages;
  private final String labMainClass;

  /**
   * @param stages every stage, as {@code lab server --stage} knows them
   * @param labMainClass the class whose {@code main} is {@code ./lab}, to start a server process
   */
  public BenchCommand(List<Stage> stages, String labMainClass) {
    this.stages = List.copyOf(stages);
    this.labMainClass = Objects.requireNonNull(labMainClass, "labMainClass");
  }

  /** The command with its subcommands. */
  public CommandLine commandLine() {
    CommandLine command = new CommandLine(this);
    command.addSubcommand("load", new LoadCommand(this));
    command.addSubcommand("soak", new SoakCommand(this));
    command.addSubcommand("compare", new CompareCommand(this));
    command.addSubcommand("jmh", new JmhCommand());
    command.addSubcommand(
        "report",
        new ReportCommand(
            List.of(
                new ReportCommand.MachinePart(),
                new ComparePart(this),
                new LoadPart(this),
                new ReportCommand.JmhPart())));
    return command;
  }

  /** {@code lab bench} alone lists the subcommands. */
  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Every stage. */
  public List<Stage> stages() {
    return stages;
  }

  /**
   * The command line that runs {@code ./lab ARGS} in a new JVM: this JVM's {@code java}, class path
   * and {@code lab.home}, with {@code jvmOptions} (such as {@code -Xmx1g}) before the class.
   */
  public List<String> labProcess(List<String> jvmOptions, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("--enable-native-access=ALL-UNNAMED");
    // The launcher's permission for JMH's sun.misc.Unsafe (JDK 23+), so the child does not warn.
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(option -> option.startsWith("--sun-misc-unsafe-memory-access="))
        .forEach(command::add);
    command.addAll(jvmOptions);
    String labHome = System.getProperty("lab.home");
    if (labHome != null) {
      command.add("-Dlab.home=" + labHome);
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(labMainClass);
    command.addAll(List.of(args));
    return command;
  }
}
