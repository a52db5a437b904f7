package securechat.bench.load;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a soak did and what the server looked like afterwards, with the verdict: {@link #problems()}
 * lists every check that failed, and the soak passed when it is empty.
 *
 * @param stage the stage soaked
 * @param clients users taking turns (anchors included)
 * @param sessionsAtOnce sessions running at once
 * @param seconds how long the churn lasted
 * @param sessions sessions that connected, logged in, chatted and said goodbye (warm-up included)
 * @param kills handshakes whose process was killed with SIGKILL in the middle
 * @param slowStarted clients that logged in and stopped reading
 * @param slowDropped of those, the ones the server dropped as too slow
 * @param sent whispers sent to the anchors (always online)
 * @param delivered of those, delivered (each counted once)
 * @param duplicates whispers delivered again
 * @param outOfOrder whispers delivered after a later one of the same sender
 * @param errors what went wrong, by kind, with counts
 * @param before the server's resources after the warm-up, full GC first
 * @param after the same once the soak had ended and its connections had closed
 * @param loginAfter whether a login after the soak succeeded
 * @param bugLines lines the server logged as BUG
 */
record SoakReport(
    String stage,
    int clients,
    int sessionsAtOnce,
    double seconds,
    long sessions,
    long kills,
    long slowStarted,
    long slowDropped,
    long sent,
    long delivered,
    long duplicates,
    long outOfOrder,
    Map<String, Long> errors,
    ServerResources before,
    ServerResources after,
    boolean loginAfter,
    long bugLines) {

  private static final long MIB = 1024 * 1024;

  /** How much more live heap than before still counts as "back to baseline": 16 MiB or 25 %. */
  static long heapMarginBytes(long beforeBytes) {
    return Math.max(16 * MIB, beforeBytes / 4);
  }

  /** Platform threads that come and go on their own (JMX's RMI connection threads). */
  static final int PLATFORM_THREAD_MARGIN = 2;

  long lost() {
    return Math.max(0, sent - delivered);
  }

  /**
   * What the server holds now that it did not hold before, beyond the stated margins: one sentence
   * per resource that grew; empty when it is back to its baseline.
   */
  static List<String> growth(ServerResources after, ServerResources before) {
    List<String> problems = new ArrayList<>();
    check(problems, after.openFiles() <= before.openFiles(), "open files grew");
    check(problems, after.virtualThreads() <= before.virtualThreads(), "virtual threads grew");
    check(
        problems,
        after.platformThreads() <= before.platformThreads() + PLATFORM_THREAD_MARGIN,
        "platform threads grew by more than " + PLATFORM_THREAD_MARGIN);
    long margin = heapMarginBytes(before.heapLiveBytes());
    check(
        problems,
        after.heapLiveBytes() <= before.heapLiveBytes() + margin,
        "live heap grew by more than " + margin / MIB + " MiB");
    return problems;
  }

  /** Every check that failed, one sentence each; empty when the soak passed. */
  List<String> problems() {
    List<String> problems = new ArrayList<>();
    check(problems, sessions > 0, "no session completed");
    check(problems, sent > 0, "no message was sent");
    check(problems, lost() == 0, lost() + " messages to online recipients were lost");
    check(problems, duplicates == 0, duplicates + " messages were delivered twice");
    check(problems, outOfOrder == 0, outOfOrder + " messages arrived out of order");
    long errorCount = errors.values().stream().mapToLong(Long::longValue).sum();
    check(problems, errorCount == 0, errorCount + " errors (listed above)");
    check(
        problems,
        slowDropped == slowStarted,
        (slowStarted - slowDropped) + " slow consumers" + " were not dropped");
    problems.addAll(growth(after, before));
    check(problems, loginAfter, "the server refused a login after the soak");
    check(problems, bugLines == 0, "the server logged " + bugLines + " BUG line(s)");
    return problems;
  }

  private static void check(List<String> problems, boolean ok, String problem) {
    if (!ok) {
      problems.add(problem);
    }
  }

  /** The figures and the verdict, for people. */
  void print(PrintWriter out) {
    out.println();
    out.printf(
        Locale.ROOT,
        "lab bench soak: %s stage, %s clients (%d at once) for %.0f s%n",
        stage,
        count(clients),
        sessionsAtOnce,
        seconds);
    row(out, "sessions", count(sessions) + " connected, chatted and left (warm-up included)");
    row(out, "killed handshakes", count(kills) + " (SIGKILL of the client's process)");
    row(out, "slow consumers", count(slowDropped) + " of " + count(slowStarted) + " dropped");
    row(
        out,
        "messages",
        count(sent) + " sent to online recipients, " + count(delivered) + " delivered");
    row(
        out,
        "lost / dup / late",
        lost() + " lost, " + duplicates + " duplicated, " + outOfOrder + " out of order");
    errors.forEach((kind, n) -> row(out, "error", count(n) + " × " + kind));
    row(out, "open files", before.openFiles() + " before, " + after.openFiles() + " after");
    row(
        out,
        "platform threads",
        before.platformThreads() + " before, " + after.platformThreads() + " after");
    row(
        out,
        "virtual threads",
        before.virtualThreads() + " before, " + after.virtualThreads() + " after");
    row(
        out,
        "live heap",
        mib(before.heapLiveBytes())
            + " before, "
            + mib(after.heapLiveBytes())
            + " after (margin "
            + heapMarginBytes(before.heapLiveBytes()) / MIB
            + " MiB)");
    row(out, "login after", loginAfter ? "accepted" : "REFUSED");
    List<String> problems = problems();
    row(out, "verdict", problems.isEmpty() ? "PASS" : "FAIL: " + String.join("; ", problems));
    out.flush();
  }

  private static String mib(long bytes) {
    return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) MIB);
  }

  private static String count(long n) {
    return ReportTable.count(n);
  }

  private static void row(PrintWriter out, String label, String value) {
    ReportTable.row(out, label, value);
  }
}
