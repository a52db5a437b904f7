package securechat.attacks.crack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import securechat.core.account.PasswordHash;
import securechat.core.account.PasswordHasher;
import securechat.core.account.PasswordMismatchException;

/**
 * A dictionary attack: hash each word of a list as the victim's server would, and compare with the
 * stolen hashes. The two schemes differ in what one guess costs and in how many guesses the list
 * needs:
 *
 * <pre>
 *                   one guess costs            guesses for the whole list
 * unsalted SHA-256  one SHA-256 (~0.1 µs)      words           one hash, compared with every account
 * Argon2id          19 MiB, 2 passes (~40 ms)  words × users   each user's salt needs its own hash
 * </pre>
 *
 * <pre>{@code
 * DictionaryAttack attack = new DictionaryAttack(WordList.shipped(), 2, Duration.ofSeconds(10));
 * CrackResult fast = attack.unsaltedSha256(HashFiles.readUnsalted(file), bar::advance);
 * }</pre>
 *
 * Both spread the work over {@code threads} threads with {@link SharedWork} and stop at the budget.
 */
final class DictionaryAttack {
  /** Words per batch for SHA-256: big enough that threads rarely meet at the counter. */
  private static final int SHA256_BATCH = 512;

  /** One pass of a short list is over in a millisecond, too short to time: measure this long. */
  static final Duration SHA256_MEASURING = Duration.ofMillis(500);

  private final WordList words;
  private final int threads;
  private final Duration budget;

  DictionaryAttack(WordList words, int threads, Duration budget) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, not " + threads);
    }
    this.words = words;
    this.threads = threads;
    this.budget = budget;
  }

  /**
   * Hashes each word once and looks the hash up among all accounts at once, which is what the
   * missing salt allows. {@code progress} counts words.
   */
  CrackResult unsaltedSha256(List<HashFiles.Unsalted> accounts, LongConsumer progress)
      throws InterruptedException {
    Map<String, List<String>> usersByHash = new HashMap<>();
    for (HashFiles.Unsalted account : accounts) {
      usersByHash
          .computeIfAbsent(account.hex(), hex -> new ArrayList<>())
          .add(account.name().value());
    }
    Map<String, String> cracked = new ConcurrentHashMap<>();
    SharedWork work = new SharedWork(words.size(), SHA256_BATCH, budget, progress);
    SharedWork.Finished pass =
        work.run(threads, "sha256 guesser", w -> guessSha256(w, usersByHash, cracked));
    double rate = pass.perSecond();
    if (pass.elapsed().compareTo(SHA256_MEASURING) < 0) {
      rate = measureSha256(usersByHash);
    }
    List<String> users = accounts.stream().map(account -> account.name().value()).toList();
    return new CrackResult(
        users, cracked, pass.itemsDone(), words.size(), rate, pass.elapsed(), pass.allDone());
  }

  /**
   * Tries word after word, most likely first, against each user not yet cracked: each guess is one
   * Argon2id computation with that user's salt and parameters. {@code progress} counts word-user
   * pairs, {@code words × users} in all.
   */
  CrackResult argon2id(List<HashFiles.Argon2id> accounts, LongConsumer progress)
      throws InterruptedException {
    Map<String, String> cracked = new ConcurrentHashMap<>();
    AtomicLong guesses = new AtomicLong();
    long pairs = (long) words.size() * accounts.size();
    // One pair per batch: a guess takes tens of milliseconds, far longer than taking the counter.
    SharedWork work = new SharedWork(pairs, 1, budget, progress);
    SharedWork.Finished run =
        work.run(threads, "argon2id guesser", w -> guessArgon2id(w, accounts, cracked, guesses));
    double rate = guesses.get() / Math.max(1e-9, run.elapsed().toNanos() / 1e9);
    List<String> users = accounts.stream().map(account -> account.name().value()).toList();
    return new CrackResult(
        users, cracked, guesses.get(), pairs, rate, run.elapsed(), run.allDone());
  }

  private void guessSha256(
      SharedWork work, Map<String, List<String>> usersByHash, Map<String, String> cracked) {
    UnsaltedSha256Hasher hasher = new UnsaltedSha256Hasher();
    for (Optional<SharedWork.Batch> batch = work.claim(); batch.isPresent(); batch = work.claim()) {
      for (long i = batch.get().start(); i < batch.get().end(); i++) {
        // Past the end only when timing: the list again from the top.
        String word = words.word((int) (i % words.size()));
        for (String user : usersByHash.getOrDefault(hasher.hashHex(word), List.of())) {
          cracked.putIfAbsent(user, word);
        }
      }
      work.done(batch.get().size());
    }
  }

  /**
   * Runs the same guessing code over the list again and again for {@link #SHA256_MEASURING}, only
   * to time it; what it finds is already known.
   */
  private double measureSha256(Map<String, List<String>> usersByHash) throws InterruptedException {
    Duration measuring = budget.compareTo(SHA256_MEASURING) < 0 ? budget : SHA256_MEASURING;
    SharedWork timing = new SharedWork(Long.MAX_VALUE, SHA256_BATCH, measuring, done -> {});
    Map<String, String> again = new ConcurrentHashMap<>();
    return timing.run(threads, "sha256 timer", w -> guessSha256(w, usersByHash, again)).perSecond();
  }

  private void guessArgon2id(
      SharedWork work,
      List<HashFiles.Argon2id> accounts,
      Map<String, String> cracked,
      AtomicLong guesses) {
    PasswordHasher hasher = PasswordHasher.withOwaspParameters();
    for (Optional<SharedWork.Batch> batch = work.claim(); batch.isPresent(); batch = work.claim()) {
      long pair = batch.get().start();
      String word = words.word((int) (pair / accounts.size()));
      HashFiles.Argon2id account = accounts.get((int) (pair % accounts.size()));
      String user = account.name().value();
      if (!cracked.containsKey(user)) {
        guesses.incrementAndGet();
        if (matches(hasher, word, account.hash())) {
          cracked.putIfAbsent(user, word);
        }
      }
      work.done(1);
    }
  }

  /** One guess: the hasher uses the salt and parameters stored in the user's hash. */
  private static boolean matches(PasswordHasher hasher, String word, PasswordHash hash) {
    try {
      hasher.verify(word, hash);
      return true;
    } catch (PasswordMismatchException wrongGuess) {
      return false; // the usual case: this word is not this user's password
    }
  }
}
