package securechat.bench.compare;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import securechat.core.cli.CliErrorHandler;
import securechat.core.cli.ServerCommand;
import securechat.core.cli.Stage;
import securechat.sniffer.SniffCommand;
import securechat.tls.TlsClientOptions;
import securechat.tls.TlsServerOptions;

/**
 * The part of {@code ./lab} that {@code lab bench compare} starts in other JVMs ({@code lab server
 * --stage tls}, {@code lab sniff}), for the tests: the real {@code Lab} class lives in lab-app,
 * which depends on this module, so the tests cannot start it.
 */
public final class TestLab {
  private TestLab() {}

  public static void main(String[] args) {
    List<Stage> stages =
        List.of(new Stage("tls", 7002, "TLS 1.3", TlsServerOptions::new, TlsClientOptions::new));
    CommandLine lab = new CommandLine(new Root());
    lab.addSubcommand("server", new ServerCommand(stages).commandLine());
    lab.addSubcommand("sniff", new SniffCommand());
    System.exit(CliErrorHandler.configure(lab).execute(args));
  }

  @Command(name = "lab")
  static final class Root implements Runnable {
    @Override
    public void run() {}
  }
}
