package securechat.attacks.tamper;

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
import securechat.attacks.wire.RecordChanger;
import securechat.attacks.wire.RecordPicker;
import securechat.attacks.wire.StageWire;
import securechat.core.cli.ConfigException;
import securechat.core.cli.Stage;

/**
 * {@code lab attack tamper}: flips one bit of alice's message in flight, between her client and the
 * server, and shows who notices. Without a key the attacker cannot decrypt anything, but can change
 * any byte on the wire; the lesson is which stage checks.
 *
 * <pre>
 * ./lab attack tamper                         all four stages, one verdict each
 * ./lab attack tamper --stage ecdhe --bit 0   flip the first bit of the token (its version byte)
 * ./lab attack tamper --stage e2e --envelope-part signature
 * </pre>
 */
@Command(
    name = "tamper",
    mixinStandardHelpOptions = true,
    description = {
      "Flip one bit of alice's whisper to bob on its way to the server and see who notices:"
          + " plain (nobody), tls (the TLS record's tag fails, the connection aborts), ecdhe"
          + " (the Fernet HMAC fails), e2e (bob's client refuses the envelope).",
      ""
    })
public final class TamperCommand implements Callable<Integer> {
  /** Alice's message: one flipped bit turns its {@code 1} into a {@code 9}. */
  static final String MESSAGE = "transfer 100 euros to alice";

  @Spec private CommandSpec spec;

  @Mixin private AttackOptions options;

  @Option(
      names = "--stage",
      paramLabel = "S",
      description = "The stage to attack: plain, tls, ecdhe or e2e. Default: all four, in order")
  private String stageName;

  @Option(
      names = "--bit",
      paramLabel = "N",
      description =
          "The bit to flip, counted from 0 (bit N is value 2^(N%%8) of byte N/8): in the line"
              + " (plain), the TLS record (tls), the decoded token (ecdhe) or the decoded envelope"
              + " field (e2e). Default: the bit that turns alice's '100' into '900' in the"
              + " plaintext")
  private Integer bit;

  @Option(
      names = "--envelope-part",
      paramLabel = "P",
      description =
          "(e2e) The envelope field to flip a bit in: ciphertext or signature. Default:"
              + " ciphertext")
  private EnvelopePart part = EnvelopePart.CIPHERTEXT;

  private final List<Stage> stages;

  /** The attack on {@code stages}, the application's list of stages in teaching order. */
  public TamperCommand(List<Stage> stages) {
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
    int chosenBit = bit != null ? bit : BitFlip.defaultBit(wire.format(), part, MESSAGE);
    BitFlip flip = new BitFlip(wire.format(), part, chosenBit);
    RecordPicker message = wire.format().messagePicker();
    Observed seen;
    RecordChanger changer;
    try (RelayedWhisper run =
        new RelayedWhisper(wire, options.victimsDir("tamper-" + wire.name()), narrator)) {
      changer = new RecordChanger(message, flip, run::relayed);
      run.start(changer);
      narrator.aboutTo(
          "have alice whisper \""
              + MESSAGE
              + "\" to bob; the relay flips "
              + flip.describe()
              + " in "
              + message.description()
              + " ("
              + wire.format().howFound()
              + ")");
      run.whisper(MESSAGE, true);
      narrator.aboutTo(
          "have alice whisper \""
              + RelayedWhisper.LAST
              + "\", then wait until bob has it or is told that alice left");
      seen = run.finish();
    }
    if (changer.problem().isPresent()) {
      throw new ConfigException(
          changer.problem().get(), "choose a smaller --bit, or leave it out for the default");
    }
    Verdict verdict = TamperVerdict.judge(wire.name(), MESSAGE, seen);
    narrator.verdict(verdict);
    return verdict;
  }
}
