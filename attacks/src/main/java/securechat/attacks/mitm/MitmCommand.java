package securechat.attacks.mitm;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
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
import securechat.attacks.Verdict;
import securechat.core.cli.ConfigException;
import securechat.core.cli.DurationConverter;
import securechat.core.cli.Stage;
import securechat.core.protocol.ProtocolException;
import securechat.core.protocol.Username;

/**
 * {@code lab attack mitm}: the active man in the middle, per stage, against weak and strong
 * victims.
 */
@Command(
    name = "mitm",
    mixinStandardHelpOptions = true,
    description = {
      "A man in the middle between alice and the server: a proxy alice connects to instead of the"
          + " server. plain: it reads her password and rewrites her message. tls: it presents its"
          + " own certificate (accepted only with --insecure-trust-all). ecdhe: it runs its own key"
          + " exchange (accepted only with --insecure-no-auth, or before the key was pinned). e2e:"
          + " a malicious server gives bob's name the attacker's key (caught when alice knew bob's"
          + " key; visible in the safety numbers). Starts its own server and clients on loopback.",
      ""
    })
public final class MitmCommand implements Callable<Integer> {
  private final List<Stage> stages;

  @Spec private CommandSpec spec;

  @Mixin private AttackOptions options;

  @Option(
      names = "--stage",
      paramLabel = "STAGE",
      description = "plain, tls, ecdhe or e2e. Default: all four, in order")
  private String stageName;

  @Option(
      names = "--victim",
      paramLabel = "SETUP",
      description =
          "weak (an --insecure-... client, or a first contact), strong (a client with its"
              + " defaults that met the real server before) or both. Default: ${DEFAULT-VALUE}",
      defaultValue = "both")
  private String victim;

  @Option(
      names = "--listen",
      paramLabel = "PORT",
      description =
          "Proxy mode, for a lab session: listen on 127.0.0.1:PORT (0: any) in front of your own"
              + " server (--target) instead of starting victims; needs --stage")
  private Integer listen;

  @Option(
      names = "--target",
      paramLabel = "PORT",
      description = "Proxy mode: the real server's port on 127.0.0.1. Default: the stage's port")
  private Integer target;

  @Option(
      names = "--connections",
      paramLabel = "N",
      defaultValue = "1",
      description = "Proxy mode: stop after N victim connections ended. Default: ${DEFAULT-VALUE}")
  private int connections;

  @Option(
      names = "--time-limit",
      paramLabel = "DURATION",
      defaultValue = "10m",
      converter = DurationConverter.class,
      description = "Proxy mode: stop after this long at most. Default: ${DEFAULT-VALUE}")
  private Duration timeLimit;

  @Option(
      names = "--substitute",
      paramLabel = "NAME",
      defaultValue = "bob",
      description = "Proxy mode, e2e: whose directory key the malicious server replaces")
  private String substitute;

  /**
   * @param stages the application's stages; the attack needs plain, tls, ecdhe and e2e
   */
  public MitmCommand(List<Stage> stages) {
    this.stages = List.copyOf(stages);
  }

  @Override
  public Integer call()
      throws ConfigException, IOException, InterruptedException, GeneralSecurityException {
    PrintWriter out = spec.commandLine().getOut();
    Narrator narrator = options.narrator(out);
    List<Stage> chosen = stageName == null ? stages : List.of(Stage.find(stages, stageName));
    List<Verdict> verdicts = new ArrayList<>();
    if (listen != null) {
      verdicts.add(proxy(narrator));
      narrator.verdict(verdicts.get(0));
      options.writeJson(verdicts, out);
      return 0;
    }
    for (Stage stage : chosen) {
      StageMitm attack = attackOn(stage, options.victimsDir("mitm-" + stage.name()), narrator);
      for (VictimSetup setup : attack.setups()) {
        if (wanted(setup)) {
          Verdict verdict = attack.attack(setup);
          narrator.verdict(verdict);
          verdicts.add(verdict);
        }
      }
    }
    options.writeJson(verdicts, out);
    return 0;
  }

  private Verdict proxy(Narrator narrator)
      throws ConfigException, IOException, InterruptedException, GeneralSecurityException {
    if (stageName == null) {
      throw new ConfigException("--listen needs --stage: which stage's server is behind it?");
    }
    if (connections < 1) {
      throw new ConfigException("--connections must be at least 1, not " + connections);
    }
    Stage stage = Stage.find(stages, stageName);
    Path attackerDir = MitmProxy.attackerDir(options.dataDir(), stage);
    int serverPort = target != null ? target : stage.defaultPort();
    AttackerPosition where = new AttackerPosition(attackerDir, options.dataDir(), serverPort);
    StageMitm attack = attackOn(stage, attackerDir, narrator);
    return new MitmProxy(stage, attack, narrator)
        .run(where, listen, connections, timeLimit, substituted());
  }

  private Username substituted() throws ConfigException {
    try {
      return Username.parse(substitute);
    } catch (ProtocolException e) {
      throw new ConfigException("--substitute: " + e.getMessage());
    }
  }

  private boolean wanted(VictimSetup setup) throws ConfigException {
    return switch (victim) {
      case "both" -> true;
      case "weak" -> setup == VictimSetup.WEAK;
      case "strong" -> setup == VictimSetup.STRONG;
      default ->
          throw new ConfigException("--victim is weak, strong or both, not '" + victim + "'");
    };
  }

  private StageMitm attackOn(Stage stage, Path folder, Narrator narrator) throws ConfigException {
    return switch (stage.name()) {
      case "plain" -> new PlainMitm(stage, folder, narrator);
      case "tls" -> new TlsMitm(stage, folder, narrator);
      case "ecdhe" -> new EcdheMitm(stage, folder, narrator);
      case "e2e" -> new E2eMitm(stage, Stage.find(stages, "tls"), folder, narrator);
      default -> throw new ConfigException("no man-in-the-middle attack for stage " + stage.name());
    };
  }
}
