package securechat.bench.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import securechat.core.cli.ConfigException;

/**
 * {@code lab bench jmh [FILTER]}: the JMH benchmarks (Fernet, HKDF, the ecdhe handshake, HPKE,
 * Ed25519, envelopes, the line parser, the sniffer's reassembly), each in its own JVM, and a table
 * of their scores. What each one measures is in its class's Javadoc.
 */
@Command(
    name = "jmh",
    mixinStandardHelpOptions = true,
    description = {
      "Run the JMH benchmarks (all, or the classes matching FILTER) and print their scores.",
      "Quick: about 5 s per benchmark; --full: about 13 s (the figures in docs/performance.md)."
    })
final class JmhCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(
      arity = "0..1",
      paramLabel = "FILTER",
      description = "Only benchmark classes whose name contains this (a regular expression)")
  private String filter = "";

  @Option(names = "--full", description = "Longer runs, as for docs/performance.md")
  private boolean full;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    JmhSuite.Length length = full ? JmhSuite.Length.FULL : JmhSuite.Length.QUICK;
    List<JmhSuite.Row> rows;
    try {
      rows = JmhSuite.run(filter, length, out);
    } catch (java.util.regex.PatternSyntaxException e) {
      throw new ConfigException("FILTER is not a regular expression: " + e.getDescription());
    }
    if (rows.isEmpty()) {
      throw new ConfigException(
          "no benchmark class matches '" + filter + "'; there are: " + JmhSuite.CLASSES);
    }
    out.println();
    out.println(table(rows));
    out.println("JMH settings: " + length.jmhArguments());
    out.flush();
    return 0;
  }

  /** The scores as an aligned text table. */
  static String table(List<JmhSuite.Row> rows) {
    int width = rows.stream().mapToInt(row -> row.label().length()).max().orElse(10);
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "%-" + width + "s  %15s  %12s  %s%n",
            "benchmark",
            "score",
            "± error",
            "unit"));
    for (JmhSuite.Row row : rows) {
      text.append(
          String.format(
              Locale.ROOT,
              "%-" + width + "s  %,15.1f  %12s  %s%n",
              row.label(),
              row.score(),
              Double.isNaN(row.error()) ? "" : String.format(Locale.ROOT, "%,.1f", row.error()),
              row.unit()));
    }
    return text.toString().stripTrailing();
  }
}
