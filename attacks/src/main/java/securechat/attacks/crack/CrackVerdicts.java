package securechat.attacks.crack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import securechat.attacks.Outcome;
import securechat.attacks.Verdict;
import securechat.core.cli.ProgressBar;
import securechat.core.terminal.TerminalText;

/**
 * Turns a {@link CrackResult} into the verdict a student reads: SUCCEEDED when the whole list was
 * tried within the budget and passwords fell, REFUSED when the budget ran out first or no password
 * was in the list. The numbers in the text are the ones measured, never fixed ones.
 */
final class CrackVerdicts {
  static final String ATTACK = "crack";
  static final String UNSALTED_TARGET = "unsalted-sha256";
  static final String ARGON2ID_TARGET = "argon2id";

  private CrackVerdicts() {}

  /** The verdict on the unsalted SHA-256 file. */
  static Verdict unsaltedSha256(CrackResult result, WordList list, Duration budget) {
    String why =
        "SHA-256 is made to be fast: this machine computes about "
            + ProgressBar.rate(result.guessesPerSecond())
            + " of them a second, and a graphics card many times more. Without a salt the same"
            + " password always gives the same hash, so equal passwords show as equal lines in the"
            + " file, one hash of each word is compared with every account at once, and a table"
            + " of hashes computed once serves every file of this kind ever leaked. Any password"
            + " in a list falls in moments, however deep in the list it is. A password in no list,"
            + " such as 16 random characters, survives, and would survive any hash.";
    return verdict(UNSALTED_TARGET, result, list, budget, why);
  }

  /**
   * The verdict on the Argon2id accounts file.
   *
   * @param sha256Rate SHA-256's measured rate, when the same run measured it, for the comparison
   */
  static Verdict argon2id(
      CrackResult result, WordList list, Duration budget, OptionalDouble sha256Rate) {
    String first =
        result.cracked().isEmpty()
            ? "Argon2id does not make a weak password safe, even where none fell in this budget:"
                + " given time, every password in the list falls."
            : "Argon2id does not make a weak password safe: "
                + result.cracked().size()
                + " fell here too, the most common ones first.";
    String comparison =
        sha256Rate.isPresent()
            ? " against "
                + ProgressBar.rate(sha256Rate.getAsDouble())
                + " for SHA-256, about "
                + Figures.roughly(sha256Rate.getAsDouble() / result.guessesPerSecond())
                + " times fewer,"
            : ",";
    String why =
        first
            + " What it does is make every guess costly: about "
            + ProgressBar.rate(result.guessesPerSecond())
            + " guesses a second on this machine"
            + comparison
            + " and each guess fills the memory the hash asks for (19 MiB with our OWASP parameters),"
            + " which keeps graphics cards and custom chips from running thousands at once. The random salt in each hash means no table"
            + " computed in advance helps and each word must be hashed again for each user: "
            + String.format(
                Locale.ROOT,
                "%,d words × %,d users = %,d guesses",
                list.size(),
                result.users().size(),
                result.guessesForList())
            + " instead of "
            + String.format(Locale.ROOT, "%,d", list.size())
            + ". A password in no list, such as 16 random characters, survives both schemes: the"
            + " hash decides how fast the weak ones fall, only the password decides whether it"
            + " falls at all.";
    return verdict(ARGON2ID_TARGET, result, list, budget, why);
  }

  private static Verdict verdict(
      String target, CrackResult result, WordList list, Duration budget, String why) {
    Outcome outcome = result.succeeded() ? Outcome.SUCCEEDED : Outcome.REFUSED;
    return new Verdict(
        ATTACK,
        target,
        outcome,
        headline(result, list, budget),
        why,
        evidence(result),
        figures(result));
  }

  private static String headline(CrackResult result, WordList list, Duration budget) {
    int of = result.users().size();
    if (!result.listFinished()) {
      return String.format(
          Locale.ROOT,
          "the %s budget ran out after %.1f%% of the list (%,d of %,d guesses): %d of %d passwords"
              + " fell; the whole list would take about %s",
          Figures.duration(budget),
          100.0 * result.guesses() / result.guessesForList(),
          result.guesses(),
          result.guessesForList(),
          result.cracked().size(),
          of,
          ProgressBar.duration(result.projectedSecondsForList()));
    }
    if (result.cracked().isEmpty()) {
      return String.format(
          Locale.ROOT,
          "tried all %,d words of %s: none of the %d passwords is among them",
          list.size(),
          list.name(),
          of);
    }
    String extra =
        result.guesses() == list.size()
            ? ""
            : String.format(Locale.ROOT, " (%,d guesses)", result.guesses());
    return String.format(
        Locale.ROOT,
        "cracked %d of %d passwords by trying all %,d words of %s%s in %s",
        result.cracked().size(),
        of,
        list.size(),
        list.name(),
        extra,
        Figures.duration(result.elapsed()));
  }

  /** One line per user: the password found, or that it was not. */
  static List<String> evidence(CrackResult result) {
    List<String> lines = new ArrayList<>();
    for (String user : result.users()) {
      String password = result.cracked().get(user);
      lines.add(user + ": " + (password == null ? "not found" : TerminalText.sanitize(password)));
    }
    return lines;
  }

  private static Map<String, Number> figures(CrackResult result) {
    Map<String, Number> figures = new LinkedHashMap<>();
    figures.put("guesses_per_second", Figures.measured(result.guessesPerSecond()));
    figures.put("guesses", result.guesses());
    figures.put("cracked", result.cracked().size());
    figures.put("of", result.users().size());
    figures.put("projected_seconds_for_list", Figures.measured(result.projectedSecondsForList()));
    return figures;
  }
}
