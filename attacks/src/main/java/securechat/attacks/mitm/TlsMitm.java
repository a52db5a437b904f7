package securechat.attacks.mitm;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import securechat.attacks.Narrator;
import securechat.attacks.Outcome;
import securechat.attacks.Verdict;
import securechat.attacks.Victims;
import securechat.attacks.wire.LineMitm;
import securechat.attacks.wire.LineRewriter;
import securechat.core.channel.ChannelSecurity;
import securechat.core.channel.HandshakeException;
import securechat.core.cli.ConfigException;
import securechat.core.cli.Stage;
import securechat.core.cli.StageContext;
import securechat.core.client.ScriptedPeer;
import securechat.core.protocol.Limits;
import securechat.core.terminal.PrintOnlyConsole;
import securechat.tls.TlsSecurity;
import securechat.tls.pki.Identity;
import securechat.tls.pki.LabPki;
import securechat.tls.pki.PkiException;

/**
 * tls: the proxy ends TLS itself with a certificate for "localhost" from its own CA, and opens a
 * second TLS connection to the real server. A client that checks the certificate against the lab CA
 * refuses; one run with {@code --insecure-trust-all} accepts and is read.
 */
final class TlsMitm implements StageMitm {
  private final Stage stage;
  private final Path dataDir;
  private final Narrator narrator;

  TlsMitm(Stage stage, Path dataDir, Narrator narrator) {
    this.stage = stage;
    this.dataDir = dataDir;
    this.narrator = narrator;
  }

  @Override
  public List<VictimSetup> setups() {
    return List.of(VictimSetup.WEAK, VictimSetup.STRONG);
  }

  @Override
  public Verdict attack(VictimSetup setup)
      throws ConfigException, IOException, InterruptedException, GeneralSecurityException {
    String[] aliceArgs =
        setup == VictimSetup.WEAK ? new String[] {"--insecure-trust-all"} : new String[0];
    String target = "tls client" + (aliceArgs.length == 0 ? "" : " " + aliceArgs[0]);
    narrator.aboutTo(
        "start a tls server, make the attacker its own CA and a certificate for \"localhost\","
            + " and put the attacker's TLS proxy between alice ("
            + target
            + ") and the server");
    Path folder = dataDir.resolve(setup.word());
    try (MitmRun run = MitmRun.start(stage, folder.resolve("victims"), narrator)) {
      Eavesdropper eve = new Eavesdropper(MitmRun.FIND, MitmRun.REPLACEMENT);
      run.attackWith(attacker(run.position(folder.resolve("attacker")), eve, run.attackerEvents()));
      ScriptedPeer bob = run.direct("bob");
      run.victims().logIn(bob, "bob", true);
      narrator.aboutTo("connect alice (" + target + ") to what she thinks is the server");
      Optional<String> bobRead = Optional.empty();
      List<String> evidence = new ArrayList<>();
      try {
        ScriptedPeer alice = run.viaRelay("alice", aliceArgs);
        run.victims().logIn(alice, "alice", true);
        bobRead = run.aliceSaysTheMessage(alice, bob);
      } catch (HandshakeException | IOException e) {
        evidence.add("alice's client refused: " + e.getMessage());
      }
      return verdict(target, eve, bobRead, evidence);
    } catch (HandshakeException | ScriptedPeer.ScriptFailure e) {
      throw new IOException("the tls chat itself failed: " + e.getMessage(), e);
    }
  }

  @Override
  public LineMitm attacker(AttackerPosition where, LineRewriter rewriter, Consumer<String> events)
      throws ConfigException, IOException, GeneralSecurityException {
    try {
      return new LineMitm(
          attackerServer(where.attackerDir()), realServerSide(where), rewriter, events);
    } catch (PkiException e) {
      throw new IOException("the attacker could not make its certificate: " + e.getMessage(), e);
    }
  }

  /** The attacker's own CA and "localhost" certificate: what any attacker can make. */
  private ChannelSecurity attackerServer(Path attackerDir)
      throws IOException, PkiException, GeneralSecurityException {
    Identity fake =
        LabPki.in(attackerDir)
            .ensureServerIdentity(
                Victims.HOST, line -> narrator.saw("attacker's own PKI: " + line));
    return TlsSecurity.server(fake, Optional.empty(), Limits.DEFAULTS);
  }

  /** Towards the real server the attacker is an ordinary client; the lab CA is public. */
  private ChannelSecurity realServerSide(AttackerPosition where)
      throws ConfigException, IOException {
    StageContext context =
        new StageContext(
            Limits.DEFAULTS,
            where.serverDataDir(),
            new PrintOnlyConsole(),
            Victims.HOST,
            where.serverPort(),
            Optional.empty());
    return stage.clientWith().security(context);
  }

  private Verdict verdict(
      String target, Eavesdropper eve, Optional<String> bobRead, List<String> refusals) {
    List<String> evidence = new ArrayList<>(refusals);
    evidence.addAll(eve.passwords());
    evidence.addAll(eve.rewritten());
    bobRead.ifPresent(line -> evidence.add("bob read: " + line));
    boolean succeeded = !eve.passwords().isEmpty();
    String why =
        succeeded
            ? "TLS protects only as far as the client checks who it talks to."
                + " --insecure-trust-all accepts any certificate, so the attacker's own one (for"
                + " \"localhost\", from a CA it made itself a second ago) was as good as the real"
                + " server's: alice negotiated keys with the attacker, who decrypted, read, changed"
                + " and re-encrypted every line towards the real server. The encryption was"
                + " perfect; it was with the wrong party."
            : "alice's client checked the certificate chain against the lab CA and the name"
                + " \"localhost\". The attacker can make a certificate for any name, but cannot"
                + " make the lab CA sign it without the CA's private key, so the handshake failed"
                + " before a single chat line was sent. This holds as long as the CA key stays"
                + " secret and clients keep verifying (never --insecure-trust-all).";
    return new Verdict(
        "mitm",
        target,
        succeeded ? Outcome.SUCCEEDED : Outcome.REFUSED,
        succeeded
            ? "alice accepted the attacker's certificate; the proxy read her password and bob read"
                + " \""
                + bobRead.orElse("(nothing)")
                + "\""
            : "alice's client refused the attacker's certificate; the proxy read nothing",
        why,
        evidence);
  }
}
