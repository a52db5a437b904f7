package securechat.attacks;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import securechat.attacks.crack.CrackCommand;
import securechat.attacks.crack.DesCommand;
import securechat.attacks.downgrade.DowngradeCommand;
import securechat.attacks.fs.ForwardSecrecyCommand;
import securechat.attacks.legacy.LegacyCommand;
import securechat.attacks.mitm.MitmCommand;
import securechat.attacks.replay.ReplayCommand;
import securechat.attacks.tamper.TamperCommand;
import securechat.core.cli.Stage;

/**
 * {@code lab attack}: the attack lab. Each subcommand is one attack; this class only lists them.
 * The stages come from the application, as for {@code lab server}, so that the victims are started
 * with the same options a student types.
 */
@Command(
    name = "attack",
    mixinStandardHelpOptions = true,
    description = {
      "Attack the chat on loopback and see which stage stops what. Each attack starts its own"
          + " victims (a real server and clients) unless told otherwise, says what it is about to"
          + " do, then prints a verdict: SUCCEEDED or REFUSED, with a paragraph of why.",
      ""
    })
public final class AttackCommand implements Runnable {
  @Spec private CommandSpec spec;

  private final List<Stage> stages;

  public AttackCommand(List<Stage> stages) {
    this.stages = List.copyOf(stages);
  }

  /** The command with every attack as a subcommand. */
  public CommandLine commandLine() {
    CommandLine command = new CommandLine(this);
    command.addSubcommand("mitm", new MitmCommand(stages));
    command.addSubcommand("tamper", new TamperCommand(stages));
    command.addSubcommand("replay", new ReplayCommand(stages));
    command.addSubcommand("downgrade", new DowngradeCommand(stages));
    command.addSubcommand("crack", new CrackCommand());
    command.addSubcommand("des", new DesCommand());
    command.addSubcommand("legacy", new LegacyCommand());
    command.addSubcommand("fs", new ForwardSecrecyCommand(stages));
    return command;
  }

  /** {@code lab attack} alone lists the attacks. */
  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  List<Stage> stages() {
    return stages;
  }
}
