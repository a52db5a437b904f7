package securechat.attacks.crack;

import java.io.IOException;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.random.RandomGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import securechat.attacks.AttackOptions;
import securechat.attacks.Narrator;
import securechat.attacks.Verdict;
import securechat.core.cli.ConfigException;
import securechat.core.cli.DurationConverter;
import securechat.core.cli.ProgressBar;

/**
 * {@code lab attack des}: a reduced DES key search. A random key encrypts "hello bob" with DES-ECB
 * as the seed 004 replica does; the attacker is told every key bit but the last {@code --bits N}
 * and tries all 2^N values on every core, then projects the time for all 56 bits from the measured
 * rate.
 *
 * <pre>
 * lab attack des                          24 unknown bits: seconds
 * lab attack des --bits 56 --budget 2s    the real thing: the budget runs out, the projection stays
 * lab attack des --bits 20 --seed 7       the same key every run
 * </pre>
 */
@Command(
    name = "des",
    mixinStandardHelpOptions = true,
    description = {
      "Reduced DES key search: a random DES key, a known plaintext, and all but --bits N of the"
          + " key's 56 bits given away. Searches the rest on every core and projects the time for"
          + " all 56 bits.",
      ""
    })
public final class DesCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;
  @Mixin private AttackOptions options;
  @Mixin private ThreadsOption threads;

  @Option(
      names = "--bits",
      paramLabel = "N",
      defaultValue = "24",
      description = "Key bits the attacker must search, 1 to 56. Default: ${DEFAULT-VALUE}")
  private int bits;

  @Option(
      names = "--budget",
      paramLabel = "DURATION",
      defaultValue = "60s",
      converter = DurationConverter.class,
      description = "Time allowed for the search, e.g. 30s or 5m. Default: ${DEFAULT-VALUE}")
  private Duration budget;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "Make the key from N, the same every run (for the lab guide; not secret)")
  private Long seed;

  @Override
  public Integer call() throws ConfigException, IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    Narrator narrator = options.narrator(out);
    int threadCount = threads.count();
    checkOptions();
    DesChallenge challenge = encrypt(narrator);
    byte[] knownKey = DesKeyBits.withUnknownCleared(challenge.key(), bits);
    DesKeySearch search =
        new DesKeySearch(knownKey, bits, DesChallenge.knownPlaintext(), challenge.ciphertext());
    narrator.aboutTo(
        String.format(
            Locale.ROOT,
            "try all 2^%d = %,d values of the unknown bits on %d threads, for at most %s: each"
                + " candidate key encrypts \"hello bo\" and is compared with the first ciphertext"
                + " block; a match must also give the second block",
            bits,
            search.keyCount(),
            threadCount,
            Figures.duration(budget)));
    ProgressBar bar =
        new ProgressBar(narrator.out(), "keys", search.keyCount(), options.onTerminal());
    DesKeySearch.Result result = search.run(threadCount, budget, bar::advance);
    bar.finish();
    Verdict verdict = DesVerdicts.of(result, bits, budget);
    narrator.verdict(verdict);
    options.writeJson(List.of(verdict), out);
    return 0;
  }

  private DesChallenge encrypt(Narrator narrator) {
    narrator.aboutTo(
        "make a random DES key and encrypt \""
            + DesChallenge.MESSAGE
            + "\" with DES-ECB, as the seed 004 replica does (LegacyDesEcb)");
    // A fixed seed makes the lab guide's run repeatable; the key is then anyone's to compute.
    RandomGenerator random = seed == null ? new SecureRandom() : new Random(seed);
    DesChallenge challenge = DesChallenge.random(random);
    narrator.saw("ciphertext: " + DesVerdicts.hex(challenge.ciphertext()));
    narrator.saw("the key (the victim's secret): " + DesVerdicts.hex(challenge.key()));
    narrator.saw(
        "what the attacker is told, 7 key bits a byte, ? for the "
            + bits
            + " to search: "
            + DesKeyBits.pattern(challenge.key(), bits));
    return challenge;
  }

  private void checkOptions() throws ConfigException {
    if (bits < 1 || bits > DesKeyBits.KEY_BITS) {
      throw new ConfigException("--bits must be 1 to 56, not " + bits);
    }
    if (budget.isZero()) {
      throw new ConfigException("--budget must be more than 0");
    }
  }
}
