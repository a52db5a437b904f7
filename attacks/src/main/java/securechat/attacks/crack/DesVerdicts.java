package securechat.attacks.crack;

import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import securechat.attacks.Outcome;
import securechat.attacks.Verdict;
import securechat.core.cli.ProgressBar;

/**
 * The verdict on a DES key search: SUCCEEDED when the key was found, REFUSED when the budget ran
 * out first; either way with the measured keys per second and the time all 2^56 keys would take
 * here.
 */
final class DesVerdicts {
  static final String ATTACK = "des";
  static final String TARGET = "des-ecb";

  private DesVerdicts() {}

  /** The verdict for {@code result}, a search of the last {@code unknownBits} key bits. */
  static Verdict of(DesKeySearch.Result result, int unknownBits, Duration budget) {
    double projected = projectedSeconds56Bits(result);
    Outcome outcome = result.key().isPresent() ? Outcome.SUCCEEDED : Outcome.REFUSED;
    return new Verdict(
        ATTACK,
        TARGET,
        outcome,
        headline(result, unknownBits, budget, projected),
        why(result, projected),
        evidence(result),
        figures(result, unknownBits, projected));
  }

  /** Seconds for all 2^56 keys at the measured rate; on average a search ends halfway. */
  static double projectedSeconds56Bits(DesKeySearch.Result result) {
    return Math.pow(2, DesKeyBits.KEY_BITS) / Math.max(1e-9, result.keysPerSecond());
  }

  private static String headline(
      DesKeySearch.Result result, int unknownBits, Duration budget, double projected) {
    if (result.key().isPresent()) {
      return String.format(
          Locale.ROOT,
          "found the key %s after %,d of 2^%d keys in %s; it turns both known blocks into"
              + " \"%s\"",
          hex(result.key().get()),
          result.keysTried(),
          unknownBits,
          Figures.duration(result.elapsed()),
          DesChallenge.MESSAGE);
    }
    return String.format(
        Locale.ROOT,
        "the %s budget ran out after %,d of 2^%d keys; at %s keys/s all 2^56 keys would take"
            + " about %s on this machine",
        Figures.duration(budget),
        result.keysTried(),
        unknownBits,
        ProgressBar.rate(result.keysPerSecond()),
        ProgressBar.duration(projected));
  }

  private static String why(DesKeySearch.Result result, double projected) {
    return "Each unknown bit doubles the work. This machine tries about "
        + ProgressBar.rate(result.keysPerSecond())
        + " keys a second, so all 2^56 keys would take it about "
        + ProgressBar.duration(projected)
        + " (half that on average). That is out of reach of a laptop, not of an attacker: the"
        + " EFF's DES Cracker (\"Deep Crack\"), built in 1998 for less than $250,000, found a DES"
        + " key in 56 hours, and hardware has only become cheaper since. Known plaintext is all"
        + " the search needs: a message whose start can be guessed lets each key be tested on one"
        + " block, and a second block rules out the 2^-8 false matches a full search expects on"
        + " one. The seed 004 replica is weaker still: its DES keys are 8 letters or digits from"
        + " java.util.Random (62^8, about 2^47.6 keys, from a generator whose state leaks), and"
        + " its signed_key hands the key to anyone who reads the package: 'lab attack legacy'"
        + " reads its messages without any search.";
  }

  private static List<String> evidence(DesKeySearch.Result result) {
    String found = result.key().map(key -> "key found: " + hex(key)).orElse("key not found");
    return List.of(found, String.format(Locale.ROOT, "keys tried: %,d", result.keysTried()));
  }

  private static Map<String, Number> figures(
      DesKeySearch.Result result, int unknownBits, double projected) {
    Map<String, Number> figures = new LinkedHashMap<>();
    figures.put("keys_per_second", Figures.measured(result.keysPerSecond()));
    figures.put("keys_tried", result.keysTried());
    figures.put("unknown_bits", unknownBits);
    figures.put("projected_seconds_56_bits", Figures.measured(projected));
    return figures;
  }

  static String hex(byte[] key) {
    return HexFormat.of().formatHex(key);
  }
}
