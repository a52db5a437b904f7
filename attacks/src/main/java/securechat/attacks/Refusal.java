package securechat.attacks;

import java.util.Optional;

/**
 * Who refused an attacked record, as the victims' screens and the server's log show it, with the
 * line that shows it. Found from what happened, never from the stage's name.
 *
 * @param by who refused
 * @param evidence the line that shows it, as the victim printed or logged it
 */
public record Refusal(By by, String evidence) {
  /** The defences the record attacks can run into. */
  public enum By {
    /** Bob's client: it refused an e2e envelope the server had forwarded. */
    RECIPIENT,
    /** The server's check of each sealed line (ecdhe): {@code record refused (REASON)}. */
    RECORD_CHECK,
    /**
     * The server's TLS layer: a record failed to decrypt (or its clear header was wrong); a fatal
     * alert to alice, the connection aborted.
     */
    TLS,
    /** The server answered alice's line with an error, or ended her connection for a reason. */
    SERVER
  }

  /** What the victim said, without the log's time and peer: {@code connection lost: ...}. */
  public String said() {
    if (by == By.RECIPIENT || evidence.startsWith("ERR ")) {
      return evidence;
    }
    String[] timePeerRest = evidence.split(" ", 3);
    return timePeerRest.length == 3 ? timePeerRest[2] : evidence;
  }

  /** The refusal {@code seen} shows, the one closest to the attacked record first. */
  public static Optional<Refusal> in(Observed seen) {
    if (!seen.bobRefused().isEmpty()) {
      return Optional.of(new Refusal(By.RECIPIENT, seen.bobRefused().get(0)));
    }
    Optional<String> record = first(seen, "record refused");
    if (record.isPresent()) {
      return Optional.of(new Refusal(By.RECORD_CHECK, record.get()));
    }
    Optional<String> tls = first(seen, "bad_record_mac");
    if (tls.isPresent()) {
      return Optional.of(new Refusal(By.TLS, tls.get()));
    }
    Optional<String> alert =
        seen.aliceErrors().stream().filter(line -> line.contains("fatal alert")).findFirst();
    if (alert.isPresent()) {
      return Optional.of(
          new Refusal(By.TLS, seen.serverOnAlice().stream().findFirst().orElse(alert.get())));
    }
    if (!seen.serverOnAlice().isEmpty()) {
      return Optional.of(new Refusal(By.SERVER, seen.serverOnAlice().get(0)));
    }
    return seen.aliceErrors().stream().findFirst().map(line -> new Refusal(By.SERVER, line));
  }

  private static Optional<String> first(Observed seen, String text) {
    return seen.serverOnAlice().stream().filter(line -> line.contains(text)).findFirst();
  }
}
