package securechat.attacks.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Which of the records a client sends is the attacker's target: the {@code number}th of those that
 * look like candidates. Shown every record in order, once each (it counts as it goes), by the one
 * thread that relays them.
 *
 * <pre>{@code
 * // TLS 1.3: alice's Finished, her /register line, then her first message
 * RecordPicker message = new RecordPicker(3, TlsRecord::isApplicationData,
 *     "alice's 3rd application_data record");
 * }</pre>
 */
public final class RecordPicker {
  private final int number;
  private final Predicate<byte[]> candidate;
  private final String description;
  private int seen;

  /**
   * @param number which candidate is the target, counted from 1
   * @param candidate which records count
   * @param description the target in words, for the narration
   */
  public RecordPicker(int number, Predicate<byte[]> candidate, String description) {
    if (number < 1) {
      throw new IllegalArgumentException("number counts from 1, not " + number);
    }
    this.number = number;
    this.candidate = Objects.requireNonNull(candidate, "candidate");
    this.description = Objects.requireNonNull(description, "description");
  }

  /** True for the target; counts {@code record} if it is a candidate. */
  public boolean isTarget(byte[] record) {
    if (!candidate.test(record)) {
      return false;
    }
    seen++;
    return seen == number;
  }

  /** The target in words: {@code alice's 3rd application_data record}. */
  public String description() {
    return description;
  }

  /** Candidates for a line-based stage: lines whose bytes start with {@code prefix} (ASCII). */
  public static Predicate<byte[]> lineStartingWith(String prefix) {
    byte[] start = prefix.getBytes(StandardCharsets.US_ASCII);
    return record ->
        record.length >= start.length
            && Arrays.equals(record, 0, start.length, start, 0, start.length);
  }
}
