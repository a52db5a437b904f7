package securechat.app.notebooks;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why {@code jupyter-nbconvert --execute} failed, in two short lines for a person: the first line
 * of the cell that failed, and the error's one-line message, read from nbconvert's output.
 *
 * <p>nbconvert ends a failed run with a Python traceback whose last exception holds what we want
 * (nbclient's {@code exceptions.py} fixes its text): {@code CellExecutionError} quotes the cell's
 * source between two lines of dashes, then the kernel's traceback (for this kernel, the Java
 * exception or the compiler's message); {@code CellTimeoutError} says after how many seconds and
 * previews the cell. Anything else (a kernel that did not start or died, a missing kernel spec) is
 * shown as the Python exception's last line, without the module path. The Python traceback itself
 * is never shown: it is about nbconvert, not about the notebook.
 *
 * @param kind what went wrong
 * @param cellFirstLine the failing cell's first non-blank line; empty when no cell was running
 * @param message one line: the Java exception, the compiler's complaint, the time limit...
 */
record RunFailure(Kind kind, String cellFirstLine, String message) {
  /** What went wrong; only a kernel that did not start is worth trying again. */
  enum Kind {
    CELL_ERROR,
    CELL_TIMEOUT,
    KERNEL_DID_NOT_START,
    OTHER
  }

  private static final Pattern ANSI_ESCAPE = Pattern.compile("\u001B\\[[0-9;]*[A-Za-z]");
  private static final String CELL_ERROR =
      "CellExecutionError: An error occurred while executing the following cell:";
  private static final Pattern CELL_TIMEOUT =
      Pattern.compile(
          "CellTimeoutError: A cell timed out while it was being executed, after (\\d+)");
  private static final Pattern DASHES = Pattern.compile("-{18,19}");
  private static final Pattern KERNEL_LOG = Pattern.compile("\\[\\d{4}-\\d\\d-\\d\\d .*");
  private static final Pattern PYTHON_EXCEPTION = Pattern.compile("(?:[a-z_][\\w]*\\.)+(\\w+: .*)");
  private static final List<String> KERNEL_START_FAILURES =
      List.of("Kernel didn't respond in", "Kernel died before replying to kernel_info");

  /** Reads nbconvert's output (stdout and stderr together) after it exited with a failure. */
  static RunFailure fromNbconvertOutput(String output, int exitStatus) {
    List<String> lines = ANSI_ESCAPE.matcher(output).replaceAll("").lines().toList();
    int cellError = lastIndexOf(lines, CELL_ERROR);
    if (cellError >= 0) {
      return cellError(lines.subList(cellError + 1, lines.size()));
    }
    for (int i = lines.size() - 1; i >= 0; i--) {
      Matcher timeout = CELL_TIMEOUT.matcher(lines.get(i));
      if (timeout.find()) {
        String firstLine = sourceBetweenDashes(lines.subList(i + 1, lines.size())).orElse("");
        String message = "the cell did not finish within " + timeout.group(1) + " s (--timeout)";
        return new RunFailure(Kind.CELL_TIMEOUT, firstLineOfPreview(firstLine), message);
      }
    }
    return otherFailure(lines, exitStatus);
  }

  private static RunFailure cellError(List<String> block) {
    String firstLine = sourceBetweenDashes(block).orElse("");
    int closingDashes = indexOfDashes(block, indexOfDashes(block, 0) + 1);
    List<String> traceback =
        block.subList(closingDashes < 0 ? 0 : closingDashes + 1, block.size()).stream()
            .map(String::strip)
            .filter(line -> !line.isEmpty() && !KERNEL_LOG.matcher(line).matches())
            .toList();
    return new RunFailure(Kind.CELL_ERROR, firstLine, javaMessage(traceback));
  }

  /**
   * The kernel's error in one line. A compile error is "Compile error:", the offending source lines
   * (starting with {@code |}), then the compiler's sentence; an exception starts with its class and
   * message; the last line is always nbclient's {@code ename: evalue}.
   */
  private static String javaMessage(List<String> traceback) {
    if (traceback.isEmpty()) {
      return "the cell failed without a message";
    }
    if (traceback.get(0).equals("Compile error:")) {
      return traceback.stream()
          .skip(1)
          .filter(line -> !line.startsWith("|") && !line.equals("^"))
          .findFirst()
          .map(sentence -> "compile error: " + sentence)
          .orElse("compile error");
    }
    String first = traceback.get(0);
    return first.endsWith(":") && traceback.size() > 1 ? first + " " + traceback.get(1) : first;
  }

  private static RunFailure otherFailure(List<String> lines, int exitStatus) {
    String last =
        lines.stream()
            .map(String::strip)
            .filter(line -> !line.isEmpty() && !KERNEL_LOG.matcher(line).matches())
            .reduce((first, second) -> second)
            .orElse("");
    Matcher python = PYTHON_EXCEPTION.matcher(last);
    String message = python.matches() ? python.group(1) : last;
    if (message.isEmpty()) {
      message = "jupyter-nbconvert exited with status " + exitStatus;
    }
    Kind kind =
        KERNEL_START_FAILURES.stream().anyMatch(message::contains)
            ? Kind.KERNEL_DID_NOT_START
            : Kind.OTHER;
    return new RunFailure(kind, "", message);
  }

  /** The first non-blank line between the first two lines of dashes (nbclient quotes the cell). */
  private static Optional<String> sourceBetweenDashes(List<String> block) {
    int open = indexOfDashes(block, 0);
    int close = indexOfDashes(block, open + 1);
    if (open < 0 || close < 0) {
      return Optional.empty();
    }
    return block.subList(open + 1, close).stream().filter(line -> !line.isBlank()).findFirst();
  }

  /**
   * nbclient previews a cell of more than ten lines as a Python list of its first five lines:
   * {@code ['first line', 'second line', ...]}; this returns the first.
   */
  private static String firstLineOfPreview(String line) {
    if (line.startsWith("['") || line.startsWith("[\"")) {
      char quote = line.charAt(1);
      int end = line.indexOf(quote + ", ", 2);
      String first = end < 0 ? line.substring(2) : line.substring(2, end);
      return first.replace("\\'", "'").replace("\\\\", "\\");
    }
    return line;
  }

  private static int indexOfDashes(List<String> lines, int from) {
    for (int i = Math.max(from, 0); i < lines.size(); i++) {
      if (DASHES.matcher(lines.get(i)).matches()) {
        return i;
      }
    }
    return -1;
  }

  private static int lastIndexOf(List<String> lines, String fragment) {
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (lines.get(i).contains(fragment)) {
        return i;
      }
    }
    return -1;
  }
}
