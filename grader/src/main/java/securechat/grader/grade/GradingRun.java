package securechat.grader.grade;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import securechat.grader.Limits;
import securechat.grader.grade.Outcome.Failure;
import securechat.grader.grade.Outcome.Verdict;

/**
 * Runs the selected tests in test JVMs and watches the clock: a test that runs past its limit, or
 * ends its JVM ({@code System.exit}, running out of memory, a crash), fails alone; the grader
 * starts a new JVM for the tests after it. The whole run has its own limit. Every selected test
 * gets an outcome, and each new JVM runs fewer tests than the one before, so the run ends.
 */
final class GradingRun {
  private final List<String> command;
  private final Map<String, byte[]> testClasses;
  private final Limits limits;

  GradingRun(List<String> command, Map<String, byte[]> testClasses, Limits limits) {
    this.command = command;
    this.testClasses = testClasses;
    this.limits = limits;
  }

  /** Runs {@code testIds}; an outcome for each of them. */
  Map<String, Outcome> run(List<String> testIds) throws IOException, InterruptedException {
    Map<String, Outcome> outcomes = new LinkedHashMap<>();
    Set<String> remaining = new LinkedHashSet<>(testIds);
    long runDeadline = System.nanoTime() + limits.total().toNanos();
    while (!remaining.isEmpty()) {
      if (System.nanoTime() >= runDeadline) {
        break;
      }
      int before = remaining.size();
      try (TestJvm jvm = TestJvm.start(command, remaining, testClasses)) {
        attempt(jvm, remaining, outcomes, runDeadline);
      }
      if (remaining.size() == before) {
        break; // the JVM made no progress at all: its outcome is recorded below
      }
    }
    String why = "not run: the whole run reached its limit of " + limits.total().toSeconds() + " s";
    for (String id : remaining) {
      outcomes.putIfAbsent(id, Outcome.of(Verdict.NOT_RUN, why));
    }
    return outcomes;
  }

  private void attempt(
      TestJvm jvm, Set<String> remaining, Map<String, Outcome> outcomes, long runDeadline)
      throws InterruptedException {
    String current = null;
    int finished = 0;
    long testDeadline = Long.MAX_VALUE;
    List<Failure> exitCaller = null;
    while (true) {
      long deadline = Math.min(runDeadline, testDeadline);
      Optional<JsonNode> next = jvm.next((deadline - System.nanoTime()) / 1_000_000);
      if (next.isEmpty()) {
        if (System.nanoTime() < deadline) {
          continue;
        }
        jvm.close();
        if (current != null) {
          boolean wholeRun = testDeadline > runDeadline;
          finish(
              current,
              Outcome.of(Verdict.TIMED_OUT, timeoutSentence(wholeRun)),
              remaining,
              outcomes);
        }
        return;
      }
      JsonNode event = next.get();
      switch (event.path("event").asText()) {
        case "start" -> {
          current = event.path("id").asText();
          testDeadline = System.nanoTime() + limits.perTest().toNanos();
        }
        case "end" -> {
          finish(event.path("id").asText(), ended(event), remaining, outcomes);
          finished++;
          current = null;
          testDeadline = Long.MAX_VALUE;
        }
        case "class-failed" -> classFailed(event, remaining, outcomes);
        case "exit" ->
            exitCaller =
                List.of(new Failure("", "System.exit", "", Outcome.frames(event.path("frames"))));
        case "error" -> {
          failAll(remaining, outcomes, Outcome.of(Verdict.CRASHED, event.path("message").asText()));
          return;
        }
        case "done" -> {
          failAll(
              remaining,
              outcomes,
              Outcome.of(Verdict.NOT_RUN, "not run: JUnit did not find this test"));
          return;
        }
        default -> { // "ended": the JVM is gone without saying done
          Outcome outcome = died(jvm, exitCaller);
          if (current != null) {
            finish(current, outcome, remaining, outcomes);
          } else if (finished == 0) {
            failAll(remaining, outcomes, outcome); // it never got to a test: nothing to retry
          }
          return;
        }
      }
    }
  }

  private Outcome died(TestJvm jvm, List<Failure> exitCaller) throws InterruptedException {
    int status = jvm.exitStatus();
    if (exitCaller != null) {
      return new Outcome(
          Verdict.EXITED,
          exitCaller,
          "",
          "System.exit("
              + status
              + ") was called: it ends the test JVM, so the grader went on with"
              + " the other tests in a new one");
    }
    if (jvm.stderrTail().contains("OutOfMemoryError")) {
      return Outcome.of(
          Verdict.OUT_OF_MEMORY,
          "ran out of memory (the limit is " + limits.memoryMb() + " MiB of heap)");
    }
    String tail = jvm.stderrTail().strip().lines().reduce((a, b) -> b).orElse("");
    return Outcome.of(
        Verdict.CRASHED,
        "the test JVM ended unexpectedly (exit status "
            + status
            + ")"
            + (tail.isEmpty() ? "" : ": " + tail));
  }

  private String timeoutSentence(boolean wholeRun) {
    return wholeRun
        ? "stopped: the whole run reached its limit of " + limits.total().toSeconds() + " s"
        : "did not finish within "
            + limits.perTest().toSeconds()
            + " s (an endless loop, or waiting for something that never comes?)";
  }

  private static Outcome ended(JsonNode event) {
    List<Failure> failures = new ArrayList<>();
    for (JsonNode failure : event.path("failures")) {
      failures.add(Failure.of(failure));
    }
    String output = event.path("output").asText("");
    return switch (event.path("status").asText()) {
      case "passed" -> Outcome.passed(output);
      case "skipped" ->
          new Outcome(
              Verdict.NOT_RUN,
              failures,
              output,
              "skipped: " + (failures.isEmpty() ? "" : failures.get(0).message()));
      default -> new Outcome(Verdict.FAILED, failures, output, "");
    };
  }

  private static void classFailed(
      JsonNode event, Set<String> remaining, Map<String, Outcome> outcomes) {
    String prefix = event.path("class").asText() + "#";
    Outcome outcome =
        new Outcome(Verdict.FAILED, List.of(Failure.of(event.path("failure"))), "", "");
    for (String id : List.copyOf(remaining)) {
      if (id.startsWith(prefix)) {
        finish(id, outcome, remaining, outcomes);
      }
    }
  }

  private static void failAll(
      Set<String> remaining, Map<String, Outcome> outcomes, Outcome outcome) {
    for (String id : List.copyOf(remaining)) {
      finish(id, outcome, remaining, outcomes);
    }
  }

  private static void finish(
      String id, Outcome outcome, Set<String> remaining, Map<String, Outcome> outcomes) {
    if (remaining.remove(id)) {
      outcomes.put(id, outcome);
    }
  }
}
