package securechat.attacks.crack;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a dictionary attack on one password file ended.
 *
 * @param users every account's user name, in the file's order
 * @param cracked the passwords found, by user name
 * @param guesses how many hashes the attack computed
 * @param guessesForList how many the whole list needs: one per word without a salt, one per word
 *     and user with one
 * @param guessesPerSecond the measured rate on this machine, all threads together
 * @param elapsed how long the attack ran
 * @param listFinished true if every word was tried before the budget ran out
 */
record CrackResult(
    List<String> users,
    Map<String, String> cracked,
    long guesses,
    long guessesForList,
    double guessesPerSecond,
    Duration elapsed,
    boolean listFinished) {
  CrackResult {
    users = List.copyOf(users);
    cracked = Collections.unmodifiableMap(new TreeMap<>(cracked));
  }

  /** The attack got what it was after: it went through the whole list and found passwords. */
  boolean succeeded() {
    return listFinished && !cracked.isEmpty();
  }

  /** Seconds the whole list takes at the measured rate. */
  double projectedSecondsForList() {
    return guessesForList / Math.max(1e-9, guessesPerSecond);
  }
}
