package securechat.attacks.crack;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;
import securechat.core.account.AccountStore;
import securechat.core.account.PasswordHasher;
import securechat.core.account.PasswordPolicy;
import securechat.core.protocol.ProtocolException;
import securechat.core.protocol.Username;

/**
 * The crack attack's own victims: eight lab users whose passwords are stored twice, once as the old
 * seeds did ({@code sha256-hashes.txt}, unsalted SHA-256) and once as our server does ({@code
 * accounts}, Argon2id with OWASP's parameters, written by the real {@link AccountStore}).
 *
 * <p>Six passwords are words of the shipped list, from its top to its very end: at each of {@link
 * #POSITIONS}, the first word our {@link PasswordPolicy} accepts (8 characters or more; the policy
 * counts length only, so {@code password1} passes). Grace uses the same password as alice, as
 * people do. Heidi's is 16 random characters (80 bits) from {@link SecureRandom}, in no list.
 */
final class CrackVictims {
  /** Where in the list (0 = most common) the six list passwords are taken from. */
  static final int[] POSITIONS = {3, 79, 299, 699, 2499, 3499};

  private static final List<String> NAMES =
      List.of("alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi");
  private static final String RANDOM_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

  private CrackVictims() {}

  /**
   * One victim.
   *
   * @param listIndex where the password is in the shipped list; empty for heidi's random one
   */
  record Victim(Username name, String password, OptionalInt listIndex) {}

  /** Where the victims' two password files were written. */
  record Written(Path unsaltedFile, Path accountsFile) {}

  /** The eight victims, passwords from {@code list} and heidi's from {@code random}. */
  static List<Victim> choose(WordList list, RandomGenerator random) {
    List<Victim> victims = new ArrayList<>();
    for (int position : POSITIONS) {
      int index = firstAllowedFrom(list, position);
      victims.add(victim(victims.size(), list.word(index), OptionalInt.of(index)));
    }
    Victim alice = victims.get(0);
    victims.add(victim(victims.size(), alice.password(), alice.listIndex()));
    victims.add(victim(victims.size(), randomPassword(random), OptionalInt.empty()));
    return List.copyOf(victims);
  }

  /**
   * Writes {@code sha256-hashes.txt} and {@code accounts} into {@code folder}: the same passwords,
   * hashed the old way and ours.
   */
  static Written write(Path folder, List<Victim> victims) throws IOException {
    List<HashFiles.Unsalted> unsalted = new ArrayList<>();
    UnsaltedSha256Hasher sha256 = new UnsaltedSha256Hasher();
    AccountStore accounts = AccountStore.open(folder, PasswordHasher.withOwaspParameters());
    for (Victim victim : victims) {
      unsalted.add(new HashFiles.Unsalted(victim.name(), sha256.hashHex(victim.password())));
      register(accounts, victim);
    }
    Path unsaltedFile = folder.resolve(HashFiles.UNSALTED_FILE);
    HashFiles.writeUnsalted(unsaltedFile, unsalted);
    return new Written(unsaltedFile, accounts.file());
  }

  private static void register(AccountStore accounts, Victim victim) {
    try {
      accounts.register(victim.name(), victim.password());
    } catch (ProtocolException e) {
      throw new IllegalStateException("a fresh folder takes every victim: " + e.sentence(), e);
    }
  }

  private static int firstAllowedFrom(WordList list, int position) {
    for (int i = Math.min(position, list.size() - 1); i < list.size(); i++) {
      if (list.word(i).codePointCount(0, list.word(i).length()) >= PasswordPolicy.MIN_LENGTH) {
        return i;
      }
    }
    throw new IllegalStateException("no word of 8 characters or more after " + position);
  }

  private static Victim victim(int number, String password, OptionalInt listIndex) {
    return new Victim(new Username(NAMES.get(number)), password, listIndex);
  }

  /** Four groups of four from 32 letters and digits: 16 × 5 = 80 random bits. */
  private static String randomPassword(RandomGenerator random) {
    StringBuilder password = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      if (i > 0 && i % 4 == 0) {
        password.append('-');
      }
      password.append(RANDOM_ALPHABET.charAt(random.nextInt(RANDOM_ALPHABET.length())));
    }
    return password.toString();
  }
}
