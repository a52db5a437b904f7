package securechat.attacks.mitm;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.function.Consumer;
import securechat.attacks.Verdict;
import securechat.attacks.wire.LineMitm;
import securechat.attacks.wire.LineRewriter;
import securechat.core.cli.ConfigException;

/**
 * The man-in-the-middle attack on one stage, against a weak and (where there is one) a strong
 * victim.
 */
interface StageMitm {
  /** The victim setups worth comparing on this stage, weakest first. */
  List<VictimSetup> setups();

  /**
   * The attacker's proxy for one connection, placed as {@code where} says; {@code rewriter} sees
   * every line it can read (for e2e: use {@link E2eMitm#substitution}).
   */
  LineMitm attacker(AttackerPosition where, LineRewriter rewriter, Consumer<String> events)
      throws ConfigException, IOException, GeneralSecurityException;

  /** Runs the attack on fresh victims set up as {@code setup}. */
  Verdict attack(VictimSetup setup)
      throws ConfigException,
          IOException,
          InterruptedException,
          java.security.GeneralSecurityException;
}
