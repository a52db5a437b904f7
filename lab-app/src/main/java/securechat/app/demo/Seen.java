package securechat.app.demo;

/** Whether a secret showed where the demo looked. */
public enum Seen {
  /** Found: readable by whoever holds what was searched. */
  VISIBLE("VISIBLE"),
  /** Searched for and not found. */
  HIDDEN("hidden"),
  /** Not searched: there was no capture (no capture rights, or the stage did not run). */
  NOT_MEASURED("not measured");

  private final String shown;

  Seen(String shown) {
    this.shown = shown;
  }

  /** How the table shows it. */
  public String shown() {
    return shown;
  }

  static Seen of(boolean found) {
    return found ? VISIBLE : HIDDEN;
  }
}
