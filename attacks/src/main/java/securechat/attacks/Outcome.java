package securechat.attacks;

/** The machine-checkable half of a {@link Verdict}: did the attack get what it was after? */
public enum Outcome {
  /** The attacker read, changed or forged what the target was meant to protect. */
  SUCCEEDED,
  /** A defence noticed and refused: the target kept what it protects. */
  REFUSED;

  /** The word printed and written to JSON: {@code succeeded} or {@code refused}. */
  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
