package securechat.attacks.fs;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import securechat.attacks.AttackOptions;
import securechat.attacks.Narrator;
import securechat.attacks.Verdict;
import securechat.core.cli.ConfigException;
import securechat.core.cli.Stage;

/**
 * {@code lab attack fs}: does a long-term key, stolen after the fact, decrypt a recording? Four
 * rows, each a real session on loopback recorded by a relay, then a leak of the keys its owners
 * keep, then a real attempt to decrypt the recording with exactly those keys:
 *
 * <pre>
 *   legacy RSA (seed 004), the recipient's RSA key          SUCCEEDED: no forward secrecy
 *   ecdhe, the server's Ed25519 identity                    REFUSED:   ephemeral X25519
 *   e2e over TLS, the server's TLS and identity keys        REFUSED:   TLS 1.3 (EC)DHE
 *   e2e over plain, the recipient's identity key            SUCCEEDED: HPKE to a static key
 * </pre>
 *
 * <p>Exits 0 whatever the verdicts.
 */
@Command(
    name = "fs",
    mixinStandardHelpOptions = true,
    description = {
      "Forward secrecy: record real sessions first, leak long-term keys afterwards, and try to"
          + " decrypt the recordings with them. The seed 004 replica and e2e's envelopes open;"
          + " ecdhe and TLS sessions do not."
    })
public final class ForwardSecrecyCommand implements Callable<Integer> {
  /** What alice whispers to bob in every row. */
  static final String SECRET = "the spare key is under the blue flowerpot";

  /** What bob answers: sealed to alice, so bob's leaked key must not open it. */
  static final String REPLY = "thanks, I will water the plants";

  private final List<Stage> stages;

  @Spec private CommandSpec spec;

  @Mixin private AttackOptions options;

  /**
   * {@code stages} must include {@code ecdhe} and {@code e2e}, as {@code lab server} knows them.
   */
  public ForwardSecrecyCommand(List<Stage> stages) {
    this.stages = List.copyOf(stages);
  }

  @Override
  public Integer call() throws ConfigException, IOException, InterruptedException {
    Stage ecdhe = Stage.find(stages, "ecdhe");
    Stage e2e = Stage.find(stages, "e2e");
    PrintWriter out = spec.commandLine().getOut();
    Narrator narrator = options.narrator(out);
    Path folder = options.victimsDir("fs");
    narrator.note(
        "Four recordings of real sessions. Each time: record first; only after the session has"
            + " ended, leak the long-term keys from where their owners keep them; then try to"
            + " decrypt the recording with exactly those keys.");
    List<Verdict> verdicts = new ArrayList<>();
    verdicts.add(show(LegacyRsaLeak.run(SECRET, REPLY, narrator), narrator));
    verdicts.add(
        show(EcdheLeak.run(ecdhe, folder.resolve("ecdhe"), SECRET, REPLY, narrator), narrator));
    verdicts.add(
        show(
            E2eServerKeysLeak.run(e2e, folder.resolve("e2e-tls"), SECRET, REPLY, narrator),
            narrator));
    verdicts.add(
        show(
            E2eRecipientKeyLeak.run(e2e, folder.resolve("e2e-plain"), SECRET, REPLY, narrator),
            narrator));
    summary(verdicts, narrator);
    options.writeJson(verdicts, out);
    return 0;
  }

  private static Verdict show(Verdict verdict, Narrator narrator) {
    narrator.verdict(verdict);
    return verdict;
  }

  private static void summary(List<Verdict> verdicts, Narrator narrator) {
    narrator.note("Forward secrecy, row by row:");
    for (Verdict verdict : verdicts) {
      narrator.saw(String.format("%-46s %s", verdict.target(), verdict.outcome()));
    }
    narrator.out().println();
    narrator.out().flush();
  }
}
