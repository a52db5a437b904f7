package securechat.attacks.mitm;

import java.io.IOException;
import java.util.List;
import securechat.attacks.Verdict;
import securechat.core.cli.ConfigException;

/**
 * The man-in-the-middle attack on one stage, against a weak and (where there is one) a strong
 * victim.
 */
interface StageMitm {
  /** The victim setups worth comparing on this stage, weakest first. */
  List<VictimSetup> setups();

  /** Runs the attack on fresh victims set up as {@code setup}. */
  Verdict attack(VictimSetup setup)
      throws ConfigException,
          IOException,
          InterruptedException,
          java.security.GeneralSecurityException;
}
