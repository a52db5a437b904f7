package securechat.grader.grade;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What happened to one graded test, as the test JVM (or the grader, when that JVM could not say)
 * reported it. Nothing here is shown to a student as is: {@link Explanation} decides what may be.
 *
 * @param verdict passed, failed, or one of the ways a run goes wrong
 * @param failures the exceptions, one per failing case
 * @param output what the submission printed during the test
 * @param detail the grader's own sentence for a verdict other than passed or failed
 */
public record Outcome(Verdict verdict, List<Failure> failures, String output, String detail) {
  /** How a test ended. */
  public enum Verdict {
    PASSED,
    FAILED,
    TIMED_OUT,
    EXITED,
    OUT_OF_MEMORY,
    CRASHED,
    NOT_RUN
  }

  /** One stack frame. */
  public record Frame(String className, String method, String file, int line) {
    @Override
    public String toString() {
      return className + "." + method + "(" + file + ":" + line + ")";
    }
  }

  /** An exception a test ended with; {@code caseName} names the case of a parameterized test. */
  public record Failure(String caseName, String type, String message, List<Frame> frames) {
    static Failure of(JsonNode json) {
      return new Failure(
          json.path("case").asText(""),
          json.path("type").asText(""),
          json.path("message").asText(""),
          Outcome.frames(json.path("frames")));
    }
  }

  public Outcome {
    failures = List.copyOf(failures);
  }

  static Outcome passed(String output) {
    return new Outcome(Verdict.PASSED, List.of(), output, "");
  }

  static Outcome of(Verdict verdict, String detail) {
    return new Outcome(verdict, List.of(), "", detail);
  }

  static List<Frame> frames(JsonNode array) {
    List<Frame> frames = new ArrayList<>();
    for (JsonNode frame : array) {
      frames.add(
          new Frame(
              frame.path("class").asText(),
              frame.path("method").asText(),
              frame.path("file").asText(),
              frame.path("line").asInt()));
    }
    return frames;
  }

  /** True when the test earned its points. */
  public boolean passed() {
    return verdict == Verdict.PASSED;
  }
}
