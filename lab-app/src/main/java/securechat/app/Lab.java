package securechat.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import securechat.app.guide.GuideCommand;
import securechat.app.notebooks.NotebooksCommand;
import securechat.attacks.AttackCommand;
import securechat.bench.cli.BenchCommand;
import securechat.core.cli.CliErrorHandler;
import securechat.core.cli.ClientCommand;
import securechat.core.cli.ServerCommand;
import securechat.core.cli.UserCommand;
import securechat.grader.cli.AssignmentCommand;
import securechat.notebook.Stages;
import securechat.sniffer.SniffCommand;
import securechat.tls.pki.CertsCommand;

/**
 * {@code lab}: the one command of securechat-lab. Every subcommand is listed here, in one place;
 * the {@code ./lab} script finds a JDK, builds when needed and runs this class.
 *
 * <pre>
 * ./lab server --stage plain                 a chat server, admin console on the terminal
 * ./lab client --stage plain --user alice    a chat client
 * ./lab user add alice                       an account, for instructors
 * ./lab certs init                           the lab CA and a localhost certificate (tls stage)
 * ./lab sniff --stage plain --secret TEXT    what an eavesdropper sees (capture needs root)
 * ./lab demo                                 the demonstration
 * ./lab attack mitm --stage tls              the attack lab (mitm, tamper, replay, crack, ...)
 * ./lab guide                                the lab guide as HTML pages (lab-data/guide/)
 * ./lab notebooks open                       the Jupyter notebooks (install, open, run, strip)
 * ./lab assignment list                      graded assignments (release, grade, grade-all)
 * </pre>
 */
@Command(
    name = "lab",
    mixinStandardHelpOptions = true,
    versionProvider = Lab.Version.class,
    description = {
      "securechat-lab: one chat built four times (plain, tls, ecdhe, e2e), to watch and attack.",
      ""
    },
    footer = {
      "",
      "The ./lab script also runs: ./lab test (the whole test suite), ./lab build.",
      "Shell completion: source <(./lab generate-completion)"
    },
    subcommands = {
      AutoComplete.GenerateCompletion.class,
    })
public final class Lab {
  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Show stack traces of errors (for bug reports).")
  private boolean debug;

  /** Builds the command line with every subcommand and the project's error handling. */
  public static CommandLine commandLine(InputStream stdin) {
    CommandLine root = new CommandLine(new Lab());
    root.addSubcommand("server", new ServerCommand(Stages.all()).commandLine());
    root.addSubcommand("client", new ClientCommand(Stages.all()).commandLine());
    root.addSubcommand("user", new UserCommand(stdin));
    root.addSubcommand("certs", new CertsCommand());
    root.addSubcommand("sniff", new SniffCommand());
    root.addSubcommand("demo", new DemoCommand(stdin));
    root.addSubcommand("attack", new AttackCommand(Stages.all()).commandLine());
    root.addSubcommand("guide", new GuideCommand());
    root.addSubcommand("notebooks", new NotebooksCommand().commandLine());
    root.addSubcommand("assignment", new AssignmentCommand(LabHome::find).commandLine());
    root.addSubcommand("bench", new BenchCommand(Stages.all(), Lab.class.getName()).commandLine());
    hideCompletionCommand(root);
    giveEveryCommandTheVersion(root);
    return CliErrorHandler.configure(root);
  }

  /** So that {@code -V} on a subcommand prints the version too, not an empty line. */
  private static void giveEveryCommandTheVersion(CommandLine command) {
    command.getCommandSpec().versionProvider(new Version());
    command.getSubcommands().values().forEach(Lab::giveEveryCommandTheVersion);
  }

  private static void hideCompletionCommand(CommandLine root) {
    root.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(true);
  }

  public static void main(String[] args) {
    System.exit(commandLine(System.in).execute(args));
  }

  /** The version from the build ({@code securechat-version.properties}). */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties properties = new Properties();
      try (InputStream in = Lab.class.getResourceAsStream("/securechat-version.properties")) {
        if (in != null) {
          properties.load(in);
        }
      }
      return new String[] {
        "securechat-lab " + properties.getProperty("version", "(unknown version)"),
        "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
      };
    }
  }
}
