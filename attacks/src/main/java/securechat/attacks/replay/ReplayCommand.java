package securechat.attacks.replay;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import securechat.attacks.AttackOptions;
import securechat.attacks.Narrator;
import securechat.attacks.Observed;
import securechat.attacks.RelayedWhisper;
import securechat.attacks.Verdict;
import securechat.attacks.wire.RecordPicker;
import securechat.attacks.wire.RecordReplayer;
import securechat.attacks.wire.StageWire;
import securechat.core.cli.Stage;

/**
 * {@code lab attack replay}: keeps a copy of alice's message as it crosses the attacker's relay and
 * sends it to the server again later, on the same connection, after her next line. The copy is byte
 * for byte what alice sent, so every check of content passes; only a defence that knows where in
 * the conversation a message belongs can refuse it.
 *
 * <pre>
 * ./lab attack replay                   all four stages, one verdict each
 * ./lab attack replay --stage ecdhe     one stage
 * </pre>
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Copy alice's whisper to bob on its way to the server and send the copy again after her"
          + " next line: plain runs it twice; tls, ecdhe and e2e refuse it and say why.",
      ""
    })
public final class ReplayCommand implements Callable<Integer> {
  /** The message the attacker copies: worth sending twice. */
  static final String MESSAGE = "transfer 100 euros to alice";

  /** Alice's next line, after which the copy goes out. */
  static final String NEXT = "did it arrive?";

  @Spec private CommandSpec spec;

  @Mixin private AttackOptions options;

  @Option(
      names = "--stage",
      paramLabel = "S",
      description = "The stage to attack: plain, tls, ecdhe or e2e. Default: all four, in order")
  private String stageName;

  private final List<Stage> stages;

  /** The attack on {@code stages}, the application's list of stages in teaching order. */
  public ReplayCommand(List<Stage> stages) {
    this.stages = List.copyOf(stages);
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Narrator narrator = options.narrator(out);
    List<Verdict> verdicts = new ArrayList<>();
    for (StageWire wire : StageWire.chosen(stages, stageName)) {
      verdicts.add(attack(wire, narrator));
    }
    options.writeJson(verdicts, out);
    return 0;
  }

  private Verdict attack(StageWire wire, Narrator narrator) throws Exception {
    RecordPicker message = wire.format().messagePicker();
    Observed seen;
    try (RelayedWhisper run =
        new RelayedWhisper(wire, options.victimsDir("replay-" + wire.name()), narrator)) {
      run.start(new RecordReplayer(message, run::relayed));
      narrator.aboutTo(
          "have alice whisper \""
              + MESSAGE
              + "\" to bob; the relay passes "
              + message.description()
              + " on and keeps a copy ("
              + wire.format().howFound()
              + ")");
      run.whisper(MESSAGE, true);
      narrator.aboutTo(
          "have alice whisper \""
              + NEXT
              + "\"; right after it, the relay sends the copy to the server again");
      run.whisper(NEXT, true);
      narrator.aboutTo(
          "have alice whisper \""
              + RelayedWhisper.LAST
              + "\", then wait until bob has it or is told that alice left");
      seen = run.finish();
    }
    Verdict verdict = ReplayVerdict.judge(wire.name(), MESSAGE, seen);
    narrator.verdict(verdict);
    return verdict;
  }
}
