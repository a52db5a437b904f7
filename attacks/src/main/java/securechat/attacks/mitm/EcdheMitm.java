package securechat.attacks.mitm;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
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
import securechat.core.channel.HandshakeException;
import securechat.core.cli.ConfigException;
import securechat.core.cli.Stage;
import securechat.core.client.ScriptedPeer;
import securechat.core.identity.ServerIdentity;
import securechat.core.protocol.Limits;
import securechat.ecdhe.Curve;
import securechat.ecdhe.EcdheSecurity;

/**
 * ecdhe: two separate key exchanges, victim ↔ attacker and attacker ↔ server, the attacker signing
 * its half with its own Ed25519 key. A client run with {@code --insecure-no-auth} accepts anything;
 * a client that pinned the real server's key on an earlier, honest connection refuses.
 */
final class EcdheMitm implements StageMitm {
  private final Stage stage;
  private final Path dataDir;
  private final Narrator narrator;

  EcdheMitm(Stage stage, Path dataDir, Narrator narrator) {
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
    boolean weak = setup == VictimSetup.WEAK;
    String[] aliceArgs = weak ? new String[] {"--insecure-no-auth"} : new String[0];
    String target = "ecdhe client" + (weak ? " --insecure-no-auth" : " (pinned)");
    narrator.aboutTo(
        "start an ecdhe server (signed, the default), connect bob to it and alice ("
            + target
            + ") through a relay the attacker controls");
    try (MitmRun run = MitmRun.start(stage, dataDir.resolve(setup.word()), narrator)) {
      ScriptedPeer bob = run.direct("bob");
      run.victims().logIn(bob, "bob", true);
      if (!weak) {
        meetTheRealServer(run);
      }
      Eavesdropper eve = new Eavesdropper(MitmRun.FIND, MitmRun.REPLACEMENT);
      narrator.aboutTo(
          "take over alice's path: answer her ECDHE-HELLO with the attacker's own key exchange,"
              + " signed with the attacker's own Ed25519 key, and run a second exchange with the"
              + " real server");
      run.attackWith(attacker(run.position(dataDir), eve, run.attackerEvents()));
      List<String> evidence = new ArrayList<>();
      Optional<String> bobRead = Optional.empty();
      try {
        ScriptedPeer alice = run.viaRelay("alice", aliceArgs);
        run.victims().logIn(alice, "alice", weak);
        bobRead = run.aliceSaysTheMessage(alice, bob);
      } catch (HandshakeException | IOException e) {
        evidence.add("alice's client refused: " + e.getMessage());
      }
      return verdict(target, eve, bobRead, evidence);
    } catch (HandshakeException | ScriptedPeer.ScriptFailure e) {
      throw new IOException("the ecdhe chat itself failed: " + e.getMessage(), e);
    }
  }

  /** An honest first connection: alice registers and pins the real server's key, then leaves. */
  private void meetTheRealServer(MitmRun run)
      throws ConfigException, IOException, InterruptedException, ScriptedPeer.ScriptFailure {
    narrator.aboutTo(
        "let alice meet the real server once while the path is honest: her client pins the"
            + " server's key (trust on first use), she registers and leaves");
    try (ScriptedPeer alice = run.viaRelay("alice")) {
      run.victims().logIn(alice, "alice", true);
      alice.send("/quit");
      alice.expect("BYE");
    } catch (HandshakeException e) {
      throw new IOException("alice could not reach the real server: " + e.getMessage(), e);
    }
  }

  @Override
  public LineMitm attacker(AttackerPosition where, LineRewriter rewriter, Consumer<String> events)
      throws IOException, GeneralSecurityException {
    return new LineMitm(attackerServer(), realServerSide(where.serverPort()), rewriter, events);
  }

  private static EcdheSecurity attackerServer() throws IOException, GeneralSecurityException {
    return EcdheSecurity.server(
        Optional.of(ServerIdentity.generate()),
        List.of(Curve.values()),
        Limits.DEFAULTS,
        Clock.systemUTC(),
        Optional.empty());
  }

  /** Towards the real server the attacker checks nothing: it only wants to get through. */
  private static EcdheSecurity realServerSide(int serverPort) throws IOException {
    return EcdheSecurity.client(
        Curve.X25519,
        Optional.empty(),
        Victims.HOST + ":" + serverPort,
        Limits.DEFAULTS,
        Clock.systemUTC(),
        Optional.empty());
  }

  private static Verdict verdict(
      String target, Eavesdropper eve, Optional<String> bobRead, List<String> refusals) {
    List<String> evidence = new ArrayList<>(refusals);
    evidence.addAll(eve.passwords());
    evidence.addAll(eve.rewritten());
    bobRead.ifPresent(line -> evidence.add("bob read: " + line));
    boolean succeeded = !eve.passwords().isEmpty();
    String why =
        succeeded
            ? "Ephemeral ECDH gives a shared key to whoever is at the other end, and only a"
                + " signature by a key the client already trusts says who that is."
                + " --insecure-no-auth checks no signature and pins nothing, so alice agreed one"
                + " key with the attacker, the attacker another with the server, and every Fernet"
                + " token was decrypted, read, changed and re-sealed in between. A client meeting"
                + " a server for the very first time is in the same position (trust on first use):"
                + " compare the fingerprint the client prints with the one the server prints."
            : "alice's client had pinned the real server's Ed25519 key on an earlier honest"
                + " connection. The attacker can run a perfect key exchange, but can only sign it"
                + " with its own key, which is not the pinned one, so the client refused before"
                + " sending anything. The pin protects from the second connection on; the first"
                + " one is protected only if someone compares fingerprints.";
    return new Verdict(
        "mitm",
        target,
        succeeded ? Outcome.SUCCEEDED : Outcome.REFUSED,
        succeeded
            ? "alice accepted the attacker's key exchange; the proxy read her password and bob"
                + " read \""
                + bobRead.orElse("(nothing)")
                + "\""
            : "alice's client refused the attacker's key: it is not the one pinned for this server",
        why,
        evidence);
  }
}
