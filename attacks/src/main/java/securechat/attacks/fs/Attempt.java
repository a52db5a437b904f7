package securechat.attacks.fs;

/**
 * One line of what the attacker tried on a recording with what it holds.
 *
 * @param description what was tried or found, and what came of it, one line for people
 * @param derivedSecret whether a candidate secret was computed and tested
 * @param opened whether it decrypted anything
 */
record Attempt(String description, boolean derivedSecret, boolean opened) {
  /** A fact about the recording that is not itself a try. */
  static Attempt fact(String description) {
    return new Attempt(description, false, false);
  }

  /** A candidate secret computed and tested. */
  static Attempt tested(String description, boolean opened) {
    return new Attempt(description, true, opened);
  }
}
