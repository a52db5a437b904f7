package securechat.bench.load;

import java.security.SecureRandom;

/**
 * The user names and passwords of a load run's clients: {@code load-0}, {@code load-1}... on a
 * server the run starts itself; with a prefix of random letters ({@code lqkz-0}) on a running
 * server, whose accounts from an earlier run must not collide.
 */
final class LoadNames {
  private final String prefix;

  private LoadNames(String prefix) {
    this.prefix = prefix;
  }

  /** Names for a fresh server of our own. */
  static LoadNames forOwnServer() {
    return new LoadNames("load-");
  }

  /** Names no earlier run on a shared server used: four random letters. */
  static LoadNames fresh() {
    SecureRandom random = new SecureRandom();
    StringBuilder prefix = new StringBuilder("l");
    for (int i = 0; i < 4; i++) {
      prefix.append((char) ('a' + random.nextInt(26)));
    }
    return new LoadNames(prefix.append('-').toString());
  }

  /** The name of client {@code index}: at most 16 characters, as {@code Username} requires. */
  String of(int index) {
    return prefix + index;
  }

  /** The password of client {@code index}: known to the run, long enough for the policy. */
  String passwordOf(int index) {
    return "load-password-" + index + "-" + prefix.length() * 7_919;
  }
}
