package securechat.grader;

import java.time.Duration;

/** How long and how big a graded run may get: each test, the whole run, and the test JVM's heap. */
public record Limits(Duration perTest, Duration total, int memoryMb) {
  /** The defaults: 10 s per test, 120 s in all, 256 MiB of heap. */
  public static final Limits DEFAULT =
      new Limits(Duration.ofSeconds(10), Duration.ofSeconds(120), 256);

  public Limits {
    if (perTest.isNegative() || perTest.isZero() || total.compareTo(perTest) < 0) {
      throw new IllegalArgumentException(
          "limits must be positive and total ≥ per test: " + perTest + ", " + total);
    }
    if (memoryMb < 32) {
      throw new IllegalArgumentException("memory must be at least 32 MiB, not " + memoryMb);
    }
  }

  /** One line for reports: {@code 10 s per test, 120 s in all, 256 MiB heap}. */
  public String describe() {
    return perTest.toSeconds()
        + " s per test, "
        + total.toSeconds()
        + " s in all, "
        + memoryMb
        + " MiB heap";
  }
}
