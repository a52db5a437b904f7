package securechat.grader.grade;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import securechat.grader.grade.Outcome.Failure;
import securechat.grader.grade.Outcome.Frame;
import securechat.grader.grade.Outcome.Verdict;

/**
 * What a student may read about a test's result. For a public test: the failure message and the
 * student's own stack frames. For a hidden test: its name, its hint, and an exception only when the
 * student's code threw it (their frames come before the test's); never the test's assertion, its
 * values or its code.
 */
final class Explanation {
  private static final int MAX_LINES = 15;
  private static final int MAX_LINE_CHARS = 300;
  // The starter's stubs say this (securechat.grader.markers.Cutter): worth telling even when a
  // hidden test's assertion caught the exception.
  private static final String STUB = "not implemented yet: ";

  private final Set<String> studentClasses;

  /**
   * @param studentClasses the binary names of the classes compiled from the submission
   */
  Explanation(Set<String> studentClasses) {
    this.studentClasses = Set.copyOf(studentClasses);
  }

  /** The text shown under the test's name; empty for a pass without output. */
  String of(PlannedTest test, Outcome outcome) {
    List<String> lines = new ArrayList<>();
    if (!outcome.detail().isEmpty()) {
      lines.add(outcome.detail());
    }
    for (Failure failure : outcome.failures()) {
      if (outcome.verdict() == Verdict.EXITED) {
        studentFrames(failure, false).stream()
            .findFirst()
            .ifPresent(at -> lines.add("  called from " + at));
      } else {
        lines.addAll(test.hidden() ? hidden(failure) : visible(failure));
      }
    }
    if (!outcome.passed() && !test.hint().isEmpty()) {
      lines.add("hint: " + test.hint());
    }
    if (!test.hidden() && !outcome.output().isBlank()) {
      lines.add("your code printed:");
      outcome.output().strip().lines().limit(MAX_LINES).forEach(line -> lines.add("  " + line));
    }
    return String.join("\n", lines);
  }

  private List<String> visible(Failure failure) {
    List<String> lines = new ArrayList<>();
    String prefix = failure.caseName().isEmpty() ? "" : failure.caseName() + ": ";
    String type =
        failure.type().startsWith("org.opentest4j.")
                || failure.type().equals("java.lang.AssertionError")
            ? ""
            : shortName(failure.type()) + ": ";
    List<String> message =
        failure
            .message()
            .strip()
            .lines()
            .filter(line -> !isStackLine(line))
            .limit(MAX_LINES)
            .map(Explanation::cut)
            .toList();
    lines.add(prefix + type + (message.isEmpty() ? "" : message.get(0)));
    message.stream().skip(1).forEach(line -> lines.add("  " + line));
    studentFrames(failure, false).forEach(frame -> lines.add("  at " + frame));
    return lines;
  }

  private List<String> hidden(Failure failure) {
    List<Frame> own = studentFrames(failure, true);
    String prefix = failure.caseName().isEmpty() ? "" : failure.caseName() + ": ";
    if (own.isEmpty()) {
      int stub = failure.message().indexOf(STUB);
      if (stub >= 0) {
        String what = failure.message().substring(stub).lines().findFirst().orElse("");
        return List.of(
            prefix + "a hidden check failed: your code still says \"" + cut(what) + "\"");
      }
      return List.of(prefix + "a hidden check failed");
    }
    List<String> lines = new ArrayList<>();
    String message = cut(failure.message().strip().lines().findFirst().orElse(""));
    lines.add(
        prefix
            + "your code threw "
            + shortName(failure.type())
            + (message.isEmpty() || message.equals("null") ? "" : ": " + message));
    own.forEach(frame -> lines.add("  at " + frame));
    return lines;
  }

  // The student's frames. With thrownByStudent, none unless the exception started in the
  // student's code: walking down from where it was thrown, a student frame comes before any frame
  // that is neither the JDK's nor a library's (the test's assertion, the lab's own checks).
  private List<Frame> studentFrames(Failure failure, boolean thrownByStudent) {
    List<Frame> own = new ArrayList<>();
    for (Frame frame : failure.frames()) {
      String outer = frame.className().replaceAll("\\$.*", "");
      if (studentClasses.contains(outer)) {
        own.add(frame);
      } else if (thrownByStudent && own.isEmpty() && !isLibrary(outer)) {
        return List.of();
      }
    }
    return own;
  }

  // AssertJ quotes the stack of an unexpected exception inside its message.
  private static boolean isStackLine(String line) {
    String stripped = line.strip();
    return stripped.startsWith("at ") || stripped.startsWith("...(");
  }

  private static String cut(String line) {
    return line.length() <= MAX_LINE_CHARS ? line : line.substring(0, MAX_LINE_CHARS) + " […]";
  }

  private static boolean isLibrary(String className) {
    return className.startsWith("java.")
        || className.startsWith("javax.")
        || className.startsWith("jdk.")
        || className.startsWith("sun.")
        || className.startsWith("com.sun.")
        || className.startsWith("org.bouncycastle.");
  }

  private static String shortName(String type) {
    return type.substring(type.lastIndexOf('.') + 1);
  }
}
