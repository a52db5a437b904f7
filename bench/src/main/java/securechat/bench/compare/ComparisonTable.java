package securechat.bench.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Prints a {@link ComparisonReport} as a table: aligned columns for a terminal, or a Markdown
 * fragment (the table, then the exact command of every figure) that {@code docs/performance.md} can
 * include as it is.
 *
 * <pre>
 * figure                      unit      ours     peer                   ratio  target  result
 * Fernet encrypt, 100 B       tokens/s  343,296  54,220 (Python crypto)  6.33×  ≥ 20×   missed
 * </pre>
 */
public final class ComparisonTable {
  private static final List<String> HEADINGS =
      List.of("figure", "unit", "ours", "peer", "ratio", "target", "result");

  private ComparisonTable() {}

  /** Aligned columns, one row per comparison, for a terminal. */
  public static String text(ComparisonReport report) {
    List<List<String>> cells = new ArrayList<>();
    cells.add(HEADINGS);
    report.rows().forEach(row -> cells.add(cells(row)));
    int[] widths = new int[HEADINGS.size()];
    for (List<String> line : cells) {
      for (int column = 0; column < widths.length - 1; column++) {
        widths[column] = Math.max(widths[column], line.get(column).length());
      }
    }
    StringBuilder text = new StringBuilder();
    for (List<String> line : cells) {
      for (int column = 0; column < widths.length; column++) {
        String cell = line.get(column);
        boolean last = column == widths.length - 1;
        text.append(last ? cell : cell + " ".repeat(widths[column] - cell.length() + 2));
      }
      text.append(System.lineSeparator());
    }
    return text.toString();
  }

  /** A Markdown fragment: a heading line, the table, then each figure's commands. */
  public static String markdown(ComparisonReport report) {
    StringBuilder md = new StringBuilder();
    md.append("Measured ")
        .append(report.measuredAt())
        .append(" by `./lab bench compare --seconds ")
        .append(Figures.ratio(report.measurement().toMillis() / 1000.0))
        .append("`; ")
        .append(report.machine())
        .append(".\n\n");
    md.append("| ").append(String.join(" | ", HEADINGS)).append(" |\n");
    md.append("|---|---|---:|---:|---:|---|---|\n");
    for (Comparison row : report.rows()) {
      List<String> escaped = cells(row).stream().map(cell -> cell.replace("|", "\\|")).toList();
      md.append("| ").append(String.join(" | ", escaped)).append(" |\n");
    }
    md.append("\nCommands ($WORK is the run's temporary folder, deleted at its end):\n\n");
    for (Comparison row : report.rows()) {
      md.append("- ")
          .append(row.figure())
          .append(": ours `")
          .append(row.ours().map(Measurement::command).orElse("not run"))
          .append("`; ")
          .append(row.peerName())
          .append(" `")
          .append(row.peer().map(Measurement::command).orElse("not run"))
          .append("`\n");
    }
    return md.toString();
  }

  /** One row's cells, in the order of {@link #HEADINGS}. */
  private static List<String> cells(Comparison row) {
    return List.of(
        row.figure(),
        row.unit(),
        rate(row.ours()),
        rate(row.peer()) + " (" + row.peerName() + ")",
        row.ratio().map(ratio -> Figures.ratio(ratio) + "×").orElse("-"),
        row.target().toString(),
        row.verdict());
  }

  private static String rate(Optional<Measurement> measurement) {
    return measurement.map(m -> Figures.rate(m.perSecond())).orElse("-");
  }
}
