package securechat.attacks.downgrade;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import securechat.attacks.AttackOptions;
import securechat.attacks.Loopback;
import securechat.attacks.Narrator;
import securechat.attacks.Verdict;
import securechat.attacks.Victims;
import securechat.core.cli.ConfigException;
import securechat.core.cli.Stage;
import securechat.core.terminal.TerminalText;

/**
 * {@code lab attack downgrade}: tries to make each end settle for less protection than it offers.
 * Against the tls stage, ClientHellos of TLS 1.2, 1.1 and 1.0 with weak and modern suites; against
 * the ecdhe stage, a relay that strips the server's signature from the handshake. Both are refused
 * by the stages as they ship; {@code --target} (a weak TLS server) and {@code --victim weak} (an
 * ecdhe client run with {@code --insecure-no-auth}) show the same attacks succeed.
 *
 * <pre>
 * lab attack downgrade                                  both stages, both refused
 * lab attack downgrade --stage tls --target 127.0.0.1:4433
 * lab attack downgrade --stage ecdhe --victim weak
 * </pre>
 */
@Command(
    name = DowngradeCommand.NAME,
    mixinStandardHelpOptions = true,
    description = {
      "Try to force a weaker session. tls: send ClientHellos offering only TLS 1.2, 1.1 or 1.0"
          + " and weak suites (RSA key exchange, CBC, 3DES, RC4, export) and read what the server"
          + " answers. ecdhe: put a relay between alice and the server that strips the server's"
          + " signature from the handshake. Default: both stages, with their default options.",
      ""
    })
public final class DowngradeCommand implements Callable<Integer> {
  static final String NAME = "downgrade";

  /** Which ecdhe client the relay faces. */
  enum Victim {
    /** {@code lab client --stage ecdhe}: requires the server's signature. */
    STRONG,
    /** {@code lab client --stage ecdhe --insecure-no-auth}: accepts an unsigned handshake. */
    WEAK
  }

  @Spec private CommandSpec spec;

  @Mixin private AttackOptions options;

  @Option(
      names = "--stage",
      paramLabel = "STAGE",
      description = "tls or ecdhe. Default: both, tls first")
  private String stage;

  @Option(
      names = "--victim",
      paramLabel = "strong|weak",
      defaultValue = "strong",
      description =
          "(ecdhe) strong: alice's client as shipped; weak: with --insecure-no-auth."
              + " Default: ${DEFAULT-VALUE}")
  private Victim victim;

  @Option(
      names = "--target",
      paramLabel = "HOST:PORT",
      description =
          "(tls) Probe this TLS server on loopback (e.g. an openssl s_server) instead of starting"
              + " the tls stage's")
  private String target;

  private final List<Stage> stages;

  /** {@code stages}: the application's stages; tls and ecdhe must be among them. */
  public DowngradeCommand(List<Stage> stages) {
    this.stages = List.copyOf(stages);
  }

  @Override
  public Integer call() throws ConfigException, IOException, InterruptedException {
    checkOptions();
    InetSocketAddress targetAddress = target == null ? null : parseTarget(target);
    boolean tls = stage == null ? victim == Victim.STRONG : stage.equals("tls");
    boolean ecdhe = stage == null ? target == null : stage.equals("ecdhe");
    PrintWriter out = spec.commandLine().getOut();
    Narrator narrator = options.narrator(out);
    List<Verdict> verdicts = new ArrayList<>();
    if (tls) {
      verdicts.add(tls(narrator, targetAddress));
    }
    if (ecdhe) {
      verdicts.add(ecdhe(narrator));
    }
    options.writeJson(verdicts, out);
    return 0;
  }

  private Verdict tls(Narrator narrator, InetSocketAddress targetAddress)
      throws ConfigException, IOException {
    TlsDowngrade attack = new TlsDowngrade(narrator);
    if (targetAddress != null) {
      String where = targetAddress.getHostString() + ":" + targetAddress.getPort();
      Verdict verdict =
          attack.probe(targetAddress, "TLS server on " + where, TlsDowngrade.WHY_REFUSED);
      narrator.verdict(verdict);
      return verdict;
    }
    Stage tlsStage = Stage.find(stages, "tls");
    try (Victims victims = new Victims(tlsStage, options.victimsDir("downgrade-tls"))) {
      narrator.aboutTo(
          "start a tls server on 127.0.0.1 with default options (lab server --stage tls)");
      Verdict verdict = attack.probe(victims.startServer(), "tls", TlsDowngrade.WHY_STAGE_REFUSED);
      narrator.verdict(verdict);
      if (!verdict.succeeded()) {
        narrator.note(
            "To watch this attack succeed, run a server that still allows TLS 1.2 and weak"
                + " suites and probe it: lab attack downgrade --stage tls --target"
                + " 127.0.0.1:4433 (the lab guide shows the openssl s_server command).");
      }
      return verdict;
    }
  }

  private Verdict ecdhe(Narrator narrator)
      throws ConfigException, IOException, InterruptedException {
    boolean weak = victim == Victim.WEAK;
    Verdict verdict =
        new EcdheDowngrade(narrator)
            .run(Stage.find(stages, "ecdhe"), options.victimsDir("downgrade-ecdhe"), weak);
    narrator.verdict(verdict);
    if (!weak) {
      narrator.note(
          "To watch this attack succeed, give alice's client --insecure-no-auth:"
              + " lab attack downgrade --stage ecdhe --victim weak");
    }
    return verdict;
  }

  /** Refuses combinations of options that mean nothing, before anything starts. */
  private void checkOptions() throws ConfigException {
    if (stage != null && !stage.equals("tls") && !stage.equals("ecdhe")) {
      throw new ConfigException(
          "the downgrade attack targets the tls and ecdhe stages, not '" + shown(stage) + "'",
          "use --stage tls or --stage ecdhe, or no --stage for both");
    }
    if (target != null && "ecdhe".equals(stage)) {
      throw new ConfigException(
          "--target names a TLS server to probe, so it goes with --stage tls, not ecdhe");
    }
    if (victim == Victim.WEAK && !"ecdhe".equals(stage)) {
      throw new ConfigException(
          "--victim weak chooses alice's ecdhe client, so it needs --stage ecdhe",
          "for tls the weak side is the server: probe one with --stage tls --target HOST:PORT");
    }
  }

  /**
   * The address in {@code --target HOST:PORT}, which must be on loopback.
   *
   * @throws ConfigException if it is not HOST:PORT, or not loopback
   */
  static InetSocketAddress parseTarget(String untrustedTarget) throws ConfigException {
    int colon = untrustedTarget.lastIndexOf(':');
    String host = colon > 0 ? untrustedTarget.substring(0, colon) : "";
    String port = colon > 0 ? untrustedTarget.substring(colon + 1) : "";
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1); // RFC 3986 §3.2.2: [::1]:4433
    }
    if (host.isEmpty() || !port.matches("[0-9]{1,5}") || !inRange(Integer.parseInt(port))) {
      throw new ConfigException(
          "--target must be HOST:PORT with a port from 1 to 65535, not '"
              + shown(untrustedTarget)
              + "'",
          "for example --target 127.0.0.1:4433");
    }
    return new InetSocketAddress(Loopback.require(host), Integer.parseInt(port));
  }

  private static boolean inRange(int port) {
    return port >= 1 && port <= 65_535;
  }

  private static String shown(String untrusted) {
    String printable = TerminalText.sanitize(untrusted);
    return printable.length() <= 40 ? printable : printable.substring(0, 40) + "...";
  }
}
