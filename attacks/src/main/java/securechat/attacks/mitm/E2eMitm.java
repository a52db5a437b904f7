package securechat.attacks.mitm;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
import securechat.core.identity.ServerIdentity;
import securechat.core.protocol.Limits;
import securechat.core.protocol.Username;
import securechat.core.terminal.PrintOnlyConsole;
import securechat.e2e.PublicIdentity;
import securechat.e2e.SafetyNumber;

/**
 * e2e: a malicious server. The operator holds the server's keys, so the attacker stands in the
 * server's place on alice's path with the server's own TLS certificate and signs a directory entry
 * that gives bob's name the attacker's keys. If alice meets bob for the first time through it, her
 * whisper to "bob" is sealed to the attacker; if she already knew bob's key, her client warns that
 * it changed and sends nothing. Either way the safety numbers no longer match.
 */
final class E2eMitm implements StageMitm {
  static final String WHISPER = "meet me at the back door at 5";

  private final Stage stage;
  private final Stage transport;
  private final Path dataDir;
  private final Narrator narrator;

  /**
   * @param transport the stage that carries e2e lines by default (tls)
   */
  E2eMitm(Stage stage, Stage transport, Path dataDir, Narrator narrator) {
    this.stage = stage;
    this.transport = transport;
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
    boolean weak = setup == VictimSetup.WEAK;
    String target = "e2e client" + (weak ? " (first contact with bob)" : " (knew bob's key)");
    narrator.aboutTo(
        "start an e2e server (over TLS, the default), connect bob to it and alice ("
            + target
            + ") through the server operator's own proxy");
    try (MitmRun run = MitmRun.start(stage, dataDir.resolve(setup.word()), narrator)) {
      ScriptedPeer bob = run.direct("bob");
      run.victims().logIn(bob, "bob", true);
      if (!weak) {
        meetBobHonestly(run, bob);
      }
      KeySubstitution substitution = substitution(run.victims().dataDir(), new Username("bob"));
      narrator.aboutTo(
          "turn the server malicious on alice's path: keep its TLS certificate and e2e handshake,"
              + " but answer every request for bob's key with the attacker's key, signed with the"
              + " server's own identity key");
      run.attackWith(attacker(run.position(dataDir), substitution, run.attackerEvents()));
      ScriptedPeer alice = run.viaRelay("alice");
      run.victims().logIn(alice, "alice", weak);
      if (!weak) {
        bobComesBack(run, bob, alice);
      }
      narrator.aboutTo("let alice whisper \"" + WHISPER + "\" to bob");
      alice.send("/whisper bob " + WHISPER);
      Optional<String> opened = awaitOpened(substitution, weak);
      return verdict(target, run, substitution, opened);
    } catch (HandshakeException | ScriptedPeer.ScriptFailure e) {
      throw new IOException("the e2e chat itself failed: " + e.getMessage(), e);
    }
  }

  /** Alice registers and whispers to bob while the server is honest: her client keeps bob's key. */
  private void meetBobHonestly(MitmRun run, ScriptedPeer bob)
      throws ConfigException,
          IOException,
          InterruptedException,
          HandshakeException,
          ScriptedPeer.ScriptFailure {
    narrator.aboutTo(
        "let alice meet bob while the server is honest: she registers and whispers to him, so"
            + " her client keeps bob's real key");
    try (ScriptedPeer alice = run.viaRelay("alice")) {
      run.victims().logIn(alice, "alice", true);
      alice.send("/whisper bob hello bob");
      bob.expectContaining("hello bob");
      alice.send("/quit");
      alice.expect("BYE");
    }
  }

  /**
   * A client asks the directory only for keys it does not know, so the malicious server pushes the
   * fake one when bob comes back online: {@code KEY bob …} goes to everyone before {@code JOIN
   * bob}.
   */
  private void bobComesBack(MitmRun run, ScriptedPeer bob, ScriptedPeer alice)
      throws ConfigException,
          IOException,
          InterruptedException,
          HandshakeException,
          ScriptedPeer.ScriptFailure {
    narrator.aboutTo(
        "let bob leave and come back: the malicious server announces him to alice with the"
            + " attacker's key");
    bob.send("/quit");
    bob.expect("BYE");
    bob.close();
    run.victims().logIn(run.direct("bob"), "bob", false);
    alice.expect("JOIN bob");
  }

  private static Optional<String> awaitOpened(KeySubstitution substitution, boolean weak)
      throws InterruptedException {
    try {
      // A refused send never reaches the attacker: wait less for what should not come.
      long seconds = weak ? MitmRun.WAIT.toSeconds() : 2;
      return Optional.of(substitution.opened().get(seconds, TimeUnit.SECONDS));
    } catch (TimeoutException | ExecutionException e) {
      return Optional.empty();
    }
  }

  /**
   * The malicious operator's proxy: the server's own transport (its TLS certificate) towards the
   * victim, an ordinary client towards the server.
   */
  @Override
  public LineMitm attacker(AttackerPosition where, LineRewriter rewriter, Consumer<String> events)
      throws ConfigException, IOException {
    ChannelSecurity towardVictim = transport.serverWith().security(context(where, "127.0.0.1"));
    ChannelSecurity towardServer = transport.clientWith().security(context(where, Victims.HOST));
    return new LineMitm(towardVictim, towardServer, rewriter, events);
  }

  /** The operator's rewriter: gives {@code target}'s name the attacker's keys. */
  static KeySubstitution substitution(Path serverDataDir, Username target)
      throws IOException, GeneralSecurityException {
    return new KeySubstitution(
        ServerIdentity.loadOrCreate(serverDataDir, "e2e", line -> {}), target);
  }

  private static StageContext context(AttackerPosition where, String host) {
    return new StageContext(
        Limits.DEFAULTS,
        where.serverDataDir(),
        new PrintOnlyConsole(),
        host,
        where.serverPort(),
        Optional.empty());
  }

  private static Verdict verdict(
      String target, MitmRun run, KeySubstitution substitution, Optional<String> opened) {
    List<String> evidence = new ArrayList<>();
    opened.ifPresent(text -> evidence.add("the attacker opened alice's whisper to bob: " + text));
    evidence.addAll(run.screen("alice", "[e2e]"));
    safetyNumbers(substitution).ifPresent(evidence::add);
    if (!substitution.problem().isEmpty()) {
      evidence.add("attacker: " + substitution.problem());
    }
    boolean succeeded = opened.isPresent();
    return new Verdict(
        "mitm",
        target,
        succeeded ? Outcome.SUCCEEDED : Outcome.REFUSED,
        succeeded
            ? "alice's client took the substituted key as bob's; the malicious server read her"
                + " whisper, and the safety numbers alice and bob would compare differ"
            : run.screen("alice", "HAS CHANGED").isEmpty()
                ? "the attacker opened nothing"
                : "alice's client noticed that bob's key changed, warned, and sent nothing",
        succeeded
            ? "End-to-end encryption moves trust from the server to the keys, but someone must"
                + " check the keys: the server signs the directory, and a malicious server signs"
                + " a lie as easily as the truth. On a first contact alice's client can only"
                + " trust what the directory says, so her whisper was sealed to the attacker. The"
                + " attack is visible to anyone who looks: the safety number alice sees for bob is"
                + " not the one bob sees, so comparing them (in person, by phone: /safety bob)"
                + " catches it, and /verify makes the client hold bob's key from then on."
            : "alice's client keeps the keys of everyone it has talked to. When the directory"
                + " suddenly gave bob another key, the client did not trust the server's"
                + " signature over its own memory: it warned in capitals and refused to send"
                + " anything to bob until alice compares safety numbers and types /verify bob."
                + " The server can still see who talks to whom, when and how much.",
        evidence);
  }

  /** The safety number each side would read out: they differ when a key was substituted. */
  private static Optional<String> safetyNumbers(KeySubstitution substitution) {
    Optional<PublicIdentity> alice = substitution.victimKeys();
    Optional<PublicIdentity> bob = substitution.targetKeys();
    if (alice.isEmpty() || bob.isEmpty()) {
      return Optional.empty();
    }
    Username a = new Username("alice");
    Username b = new Username("bob");
    SafetyNumber alicesView = SafetyNumber.of(a, alice.get(), b, substitution.attackerKeys());
    SafetyNumber bobsView = SafetyNumber.of(a, alice.get(), b, bob.get());
    return Optional.of(
        "safety number alice sees for bob: "
            + alicesView.grouped()
            + "; bob sees: "
            + bobsView.grouped()
            + (alicesView.equals(bobsView) ? " (the same)" : " (different)"));
  }
}
