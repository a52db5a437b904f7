package securechat.attacks.crack;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
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
 * {@code lab attack crack}: a dictionary attack on stolen password hashes, unsalted SHA-256 (the
 * old seeds' way) against Argon2id (ours), with the guesses per second measured for each.
 *
 * <pre>
 * lab attack crack                                  eight victims of its own, both schemes
 * lab attack crack --hashes old.txt                 a file of name:hex-sha256 lines
 * lab attack crack --accounts lab-data/accounts     our server's accounts file
 * lab attack crack --wordlist words.txt --budget 1m --threads 4
 * </pre>
 *
 * Without {@code --hashes} or {@code --accounts} it makes its victims in {@code
 * DATA-DIR/attacks/crack/} ({@link CrackVictims}), files a student can open and compare.
 */
@Command(
    name = "crack",
    mixinStandardHelpOptions = true,
    description = {
      "Dictionary attack on stolen password hashes: unsalted SHA-256, as the old seeds stored"
          + " them, against our Argon2id. Measures the guesses per second of each and projects the"
          + " time for the whole word list.",
      ""
    })
public final class CrackCommand implements Callable<Integer> {
  static final String DEFAULT_BUDGET = "10s";

  @Spec private CommandSpec spec;
  @Mixin private AttackOptions options;

  @Option(
      names = "--hashes",
      paramLabel = "FILE",
      description = "Crack this file of name:hex-sha256 lines instead of our own victims")
  private Path hashes;

  @Option(
      names = "--accounts",
      paramLabel = "FILE",
      description = "Crack this Argon2id accounts file (as lab-data/accounts) instead")
  private Path accounts;

  @Option(
      names = "--wordlist",
      paramLabel = "FILE",
      description =
          "Guess from this list, most likely first (default: the 4,000 most common passwords)")
  private Path wordlist;

  @Option(
      names = "--budget",
      paramLabel = "DURATION",
      defaultValue = DEFAULT_BUDGET,
      converter = DurationConverter.class,
      description = "Time allowed for each scheme, e.g. 30s or 5m. Default: ${DEFAULT-VALUE}")
  private Duration budget;

  @Mixin private ThreadsOption threads;

  /** The two password files under attack; one may be empty. */
  private record Targets(List<HashFiles.Unsalted> unsalted, List<HashFiles.Argon2id> argon2id) {}

  @Override
  public Integer call() throws ConfigException, IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    Narrator narrator = options.narrator(out);
    int threadCount = threads.count();
    checkBudget();
    WordList list = wordlist == null ? WordList.shipped() : WordList.read(wordlist);
    Targets targets = hashes == null && accounts == null ? makeVictims(narrator) : readTargets();
    DictionaryAttack attack = new DictionaryAttack(list, threadCount, budget);
    List<Verdict> verdicts = new ArrayList<>();
    OptionalDouble sha256Rate = OptionalDouble.empty();
    if (!targets.unsalted().isEmpty()) {
      CrackResult result = crackUnsalted(narrator, attack, list, threadCount, targets.unsalted());
      sha256Rate = OptionalDouble.of(result.guessesPerSecond());
      verdicts.add(CrackVerdicts.unsaltedSha256(result, list, budget));
      narrator.verdict(verdicts.getLast());
    }
    if (!targets.argon2id().isEmpty()) {
      CrackResult result = crackArgon2id(narrator, attack, list, threadCount, targets.argon2id());
      verdicts.add(CrackVerdicts.argon2id(result, list, budget, sha256Rate));
      narrator.verdict(verdicts.getLast());
    }
    options.writeJson(verdicts, out);
    return 0;
  }

  private Targets makeVictims(Narrator narrator) throws IOException, ConfigException {
    List<CrackVictims.Victim> victims = CrackVictims.choose(WordList.shipped(), new SecureRandom());
    narrator.aboutTo(
        "create "
            + victims.size()
            + " lab users in "
            + options.dataDir().resolve("attacks").resolve("crack")
            + ": six with passwords from the shipped list, from its top to its end, grace with"
            + " alice's password, heidi with 16 random characters; store each password twice, the"
            + " old seeds' way (unsalted SHA-256) and our server's (Argon2id, m=19456 KiB, t=2,"
            + " p=1)");
    Path folder = options.victimsDir("crack");
    CrackVictims.Written written = CrackVictims.write(folder, victims);
    narrator.saw("wrote " + written.unsaltedFile() + "  name:hex(SHA-256(password)), no salt");
    narrator.saw(
        "warning: that file is INSECURE on purpose (UnsaltedSha256Hasher): never store passwords"
            + " this way");
    narrator.saw("wrote " + written.accountsFile() + "  name $argon2id$...$salt$hash");
    return new Targets(
        HashFiles.readUnsalted(written.unsaltedFile()),
        HashFiles.readArgon2id(written.accountsFile()));
  }

  private Targets readTargets() throws ConfigException {
    return new Targets(
        hashes == null ? List.of() : HashFiles.readUnsalted(hashes),
        accounts == null ? List.of() : HashFiles.readArgon2id(accounts));
  }

  private CrackResult crackUnsalted(
      Narrator narrator,
      DictionaryAttack attack,
      WordList list,
      int threadCount,
      List<HashFiles.Unsalted> targets)
      throws InterruptedException {
    narrator.aboutTo(
        String.format(
            Locale.ROOT,
            "hash each of the %,d words of %s once with SHA-256 and look the hash up among all"
                + " %d accounts at once (no salt: one hash serves every account), on %d threads,"
                + " for at most %s",
            list.size(),
            list.name(),
            targets.size(),
            threadCount,
            Figures.duration(budget)));
    ProgressBar bar = new ProgressBar(narrator.out(), "guesses", list.size(), options.onTerminal());
    CrackResult result = attack.unsaltedSha256(targets, bar::advance);
    bar.finish();
    if (result.elapsed().compareTo(DictionaryAttack.SHA256_MEASURING) < 0) {
      narrator.note(
          "the list took "
              + result.elapsed().toMillis()
              + " ms, too short to time: the same guessing ran again for up to "
              + Figures.duration(DictionaryAttack.SHA256_MEASURING)
              + " only to measure the rate");
    }
    return result;
  }

  private CrackResult crackArgon2id(
      Narrator narrator,
      DictionaryAttack attack,
      WordList list,
      int threadCount,
      List<HashFiles.Argon2id> targets)
      throws InterruptedException {
    long pairs = (long) list.size() * targets.size();
    narrator.aboutTo(
        String.format(
            Locale.ROOT,
            "try the same words against the %d Argon2id hashes, most common first, each word"
                + " hashed again with each user's own salt (%,d × %d = %,d guesses), on %d"
                + " threads, for at most %s",
            targets.size(),
            list.size(),
            targets.size(),
            pairs,
            threadCount,
            Figures.duration(budget)));
    ProgressBar bar = new ProgressBar(narrator.out(), "guesses", pairs, options.onTerminal());
    CrackResult result = attack.argon2id(targets, bar::advance);
    bar.finish();
    return result;
  }

  private void checkBudget() throws ConfigException {
    if (budget.isZero()) {
      throw new ConfigException("--budget must be more than 0");
    }
  }
}
