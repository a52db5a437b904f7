package securechat.attacks.mitm;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import securechat.attacks.Narrator;
import securechat.attacks.Outcome;
import securechat.attacks.Verdict;
import securechat.attacks.wire.LineMitm;
import securechat.attacks.wire.LineRewriter;
import securechat.attacks.wire.Relay;
import securechat.core.cli.ConfigException;
import securechat.core.cli.ProgressBar;
import securechat.core.cli.Stage;
import securechat.core.protocol.Username;

/**
 * The man in the middle for a lab session: the student runs the server and the clients in their own
 * terminals and points the victim's client at the proxy's port. Ends after a number of connections
 * or a time limit, whichever comes first.
 */
final class MitmProxy {
  private final Stage stage;
  private final StageMitm attack;
  private final Narrator narrator;
  private final List<String> events = Collections.synchronizedList(new ArrayList<>());

  MitmProxy(Stage stage, StageMitm attack, Narrator narrator) {
    this.stage = stage;
    this.attack = attack;
    this.narrator = narrator;
  }

  /**
   * Listens on 127.0.0.1:{@code listenPort} in front of the server on 127.0.0.1:{@code targetPort}
   * until {@code connections} victims have come and gone or {@code limit} has passed.
   *
   * @param substitute for the e2e stage: whose key the malicious server replaces
   */
  Verdict run(
      AttackerPosition where, int listenPort, int connections, Duration limit, Username substitute)
      throws ConfigException, IOException, InterruptedException, GeneralSecurityException {
    Eavesdropper eve = new Eavesdropper(MitmRun.FIND, MitmRun.REPLACEMENT);
    KeySubstitution substitution =
        stage.name().equals("e2e") ? E2eMitm.substitution(where.serverDataDir(), substitute) : null;
    LineRewriter rewriter = substitution != null ? substitution : eve;
    Consumer<String> said =
        event -> {
          events.add(event);
          narrator.saw("attacker: " + event);
        };
    LineMitm mitm = attack.attacker(where, rewriter, said);
    CountDownLatch ended = new CountDownLatch(connections);
    InetSocketAddress target = new InetSocketAddress("127.0.0.1", where.serverPort());
    try (Relay relay =
        Relay.start(
            target,
            listenPort,
            (victim, server) -> {
              try {
                mitm.handle(victim, server);
              } finally {
                ended.countDown();
              }
            },
            said)) {
      narrator.aboutTo(
          "wait on 127.0.0.1:"
              + relay.port()
              + " for "
              + connections
              + " victim connection(s),"
              + " at most "
              + ProgressBar.duration(limit.toSeconds())
              + "; in another terminal: ./lab client --stage "
              + stage.name()
              + " --port "
              + relay.port()
              + " (the server is on "
              + where.serverPort()
              + ")");
      ended.await(limit.toMillis(), TimeUnit.MILLISECONDS);
    }
    return verdict(eve, substitution);
  }

  private Verdict verdict(Eavesdropper eve, KeySubstitution substitution) {
    List<String> evidence = new ArrayList<>(events);
    evidence.addAll(eve.passwords());
    evidence.addAll(eve.rewritten());
    if (substitution != null && substitution.opened().isDone()) {
      evidence.add("opened a whisper: " + substitution.opened().join());
    }
    boolean succeeded =
        !eve.passwords().isEmpty()
            || !eve.rewritten().isEmpty()
            || (substitution != null && substitution.opened().isDone());
    return new Verdict(
        "mitm",
        stage.name() + " (proxy)",
        succeeded ? Outcome.SUCCEEDED : Outcome.REFUSED,
        succeeded
            ? "the proxy read what the victim sent through it"
            : "the proxy read nothing: the victim refused it, or sent nothing it could read",
        "The victims were the programs you started, so the why is in their own words above:"
            + " compare what the attacker saw with what each client printed. `lab attack mitm"
            + " --stage "
            + stage.name()
            + "` runs the weak and the strong victim side by side.",
        evidence);
  }

  static Path attackerDir(Path dataDir, Stage stage) {
    return dataDir.resolve("attacks").resolve("mitm-proxy-" + stage.name());
  }
}
