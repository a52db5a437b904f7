package securechat.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import securechat.app.demo.Demo;
import securechat.app.demo.DemoStage;
import securechat.app.demo.DemoStages;
import securechat.core.cli.ConfigException;
import securechat.core.cli.DataDirOption;
import securechat.core.cli.Stage;
import securechat.core.terminal.Consoles;
import securechat.notebook.Stages;

/** {@code lab demo}: the before/after confidentiality demonstration over the four stages. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "The before/after demo: alice and bob register, say a secret, whisper and send a file over",
      "each stage (plain, tls, ecdhe, e2e) while the sniffer captures the wire. Prints what an",
      "eavesdropper sees, then a table of what each stage keeps from the wire and from the server,",
      "checked against the captures. Captures and an HTML report go to DATA-DIR/demo/.",
      "Capturing needs root or capture rights; without them the chat still runs and the wire",
      "columns say 'not measured'. Exit status 1 if a stage does not do what it promises."
    })
final class DemoCommand implements Callable<Integer> {
  private final InputStream stdin;

  @Spec private CommandSpec spec;

  @Mixin private DataDirOption dataDir;

  @Option(
      names = "--stage",
      paramLabel = "STAGE",
      description = "Run one stage only: plain, tls, ecdhe or e2e. Default: all four, in order")
  private String stage;

  @Option(
      names = "--step",
      description = "Pause before each step (Enter goes on) and say what to look for in Wireshark")
  private boolean step;

  @Option(names = "--no-color", description = "No colours, even on a terminal")
  private boolean noColour;

  DemoCommand(InputStream stdin) {
    this.stdin = stdin;
  }

  @Override
  public Integer call() throws ConfigException, IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    List<Stage> stages = stage == null ? Stages.all() : List.of(Stage.find(Stages.all(), stage));
    List<DemoStage> demoStages = DemoStages.of(stages);
    Optional<BufferedReader> stepInput =
        step
            ? Optional.of(new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)))
            : Optional.empty();
    Demo.Outcome outcome = new Demo(demoStages, dataDir.dataDir(), out, colour(), stepInput).run();
    return outcome.exitStatus();
  }

  private boolean colour() {
    return Consoles.colourWanted(noColour);
  }
}
