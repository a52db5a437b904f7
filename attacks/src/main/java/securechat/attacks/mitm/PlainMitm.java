package securechat.attacks.mitm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import securechat.attacks.Narrator;
import securechat.attacks.Outcome;
import securechat.attacks.Verdict;
import securechat.attacks.wire.LineMitm;
import securechat.attacks.wire.LineRewriter;
import securechat.core.channel.HandshakeException;
import securechat.core.cli.ConfigException;
import securechat.core.cli.Stage;
import securechat.core.client.ScriptedPeer;
import securechat.core.protocol.Limits;
import securechat.plain.PlainSecurity;

/** plain: nothing to break. The proxy reads the password and rewrites the message in flight. */
final class PlainMitm implements StageMitm {
  private final Stage stage;
  private final Path dataDir;
  private final Narrator narrator;

  PlainMitm(Stage stage, Path dataDir, Narrator narrator) {
    this.stage = stage;
    this.dataDir = dataDir;
    this.narrator = narrator;
  }

  @Override
  public List<VictimSetup> setups() {
    return List.of(VictimSetup.WEAK);
  }

  @Override
  public Verdict attack(VictimSetup setup)
      throws ConfigException, IOException, InterruptedException {
    narrator.aboutTo(
        "start a plain server, connect bob to it and alice through the attacker's proxy, which"
            + " reads every line and changes \""
            + MitmRun.FIND
            + "\" into \""
            + MitmRun.REPLACEMENT
            + "\"");
    try (MitmRun run = MitmRun.start(stage, dataDir, narrator)) {
      Eavesdropper eve = new Eavesdropper(MitmRun.FIND, MitmRun.REPLACEMENT);
      run.attackWith(attacker(run.position(dataDir), eve, run.attackerEvents()));
      Optional<String> bobRead = converse(run);
      return verdict(eve, bobRead);
    } catch (HandshakeException | ScriptedPeer.ScriptFailure e) {
      throw new IOException("the plain chat itself failed: " + e.getMessage(), e);
    }
  }

  @Override
  public LineMitm attacker(AttackerPosition where, LineRewriter rewriter, Consumer<String> events) {
    PlainSecurity plain = new PlainSecurity(Limits.DEFAULTS);
    return new LineMitm(plain, plain, rewriter, events);
  }

  private Optional<String> converse(MitmRun run)
      throws ConfigException,
          IOException,
          HandshakeException,
          InterruptedException,
          ScriptedPeer.ScriptFailure {
    ScriptedPeer bob = run.direct("bob");
    run.victims().logIn(bob, "bob", true);
    ScriptedPeer alice = run.viaRelay("alice");
    run.victims().logIn(alice, "alice", true);
    return run.aliceSaysTheMessage(alice, bob);
  }

  private Verdict verdict(Eavesdropper eve, Optional<String> bobRead) {
    boolean changed = bobRead.map(line -> line.contains(MitmRun.REPLACEMENT)).orElse(false);
    List<String> evidence = new ArrayList<>(eve.passwords());
    evidence.addAll(eve.rewritten());
    evidence.add("bob read: " + bobRead.orElse("(nothing)"));
    boolean succeeded = changed || !eve.passwords().isEmpty();
    return new Verdict(
        "mitm",
        "plain",
        succeeded ? Outcome.SUCCEEDED : Outcome.REFUSED,
        succeeded
            ? "the proxy read alice's password and bob read \""
                + bobRead.orElse("")
                + "\""
                + " instead of what alice wrote"
            : "the proxy read nothing and changed nothing",
        "The plain stage sends every line as typed: whoever is on the path (a proxy, a router, a"
            + " Wi-Fi hotspot) reads passwords and messages and can change them, and neither end"
            + " can tell, because nothing on the line says who wrote it or whether it was"
            + " changed. Confidentiality needs encryption and integrity needs a MAC or an AEAD"
            + " tag, both keyed by a key the attacker does not have: the next stages.",
        evidence);
  }
}
