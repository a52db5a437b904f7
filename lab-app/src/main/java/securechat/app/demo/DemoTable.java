package securechat.app.demo;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** The before/after table on the terminal: one row per stage, every cell from a measurement. */
final class DemoTable {
  private DemoTable() {}

  static final List<String> HEADINGS =
      List.of(
          "stage", "password", "message", "file", "server reads", "what still leaks", "capture");

  private static final String ROW = "%-6s  %-12s  %-12s  %-12s  %-12s  %-32s  %s%n";

  static void print(Demo.Outcome outcome, PrintWriter out) {
    out.println(" ".repeat(8) + span("on the wire (eavesdropper)", 3 * 12 + 2 * 2));
    out.printf(Locale.ROOT, ROW, HEADINGS.toArray());
    for (StageResult result : outcome.results()) {
      out.printf(Locale.ROOT, ROW, cells(result).toArray());
    }
    out.flush();
  }

  /** A heading over several columns: {@code ┌─ title ───┐}, {@code width} characters wide. */
  private static String span(String title, int width) {
    String start = "┌─ " + title + " ";
    return start + "─".repeat(Math.max(0, width - start.length() - 1)) + "┐";
  }

  /** One row's cells, in the order of {@link #HEADINGS}; the HTML report shows the same. */
  static List<String> cells(StageResult result) {
    return List.of(
        result.stage().name(),
        result.password().shown(),
        result.message().shown(),
        result.file().shown(),
        result.serverReads().shown(),
        leaks(result),
        result.capture().map(Object::toString).orElse("none"));
  }

  static String leaks(StageResult result) {
    if (result.wire().isEmpty()) {
      return Seen.NOT_MEASURED.shown();
    }
    return result.leaks().isEmpty() ? "nothing found" : String.join(", ", result.leaks());
  }
}
