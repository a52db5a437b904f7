package securechat.bench.load;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** Prints a {@link LoadReport} as a table for people: one figure per line, units written out. */
final class ReportTable {
  private static final long MIB = 1024 * 1024;

  private ReportTable() {}

  static void print(LoadReport report, PrintWriter out) {
    LoadReport.Setup setup = report.setup();
    out.println();
    out.println(title(setup));
    row(out, "server", setup.serverDescription());
    row(out, "accounts", setup.accounts());
    row(out, "machine", setup.cores() + " cores, Java " + setup.javaVersion() + ", " + setup.os());
    out.println();
    row(out, "connect + handshake", rate(report.connects(), "clients"));
    if (report.logins().count() > 0) {
      row(out, "login", rate(report.logins(), "clients"));
    }
    report.messages().ifPresent(messages -> printMessages(out, messages));
    report.handshakes().ifPresent(h -> row(out, "complete handshakes", rate(h, "handshakes")));
    row(out, latencyLabel(setup), percentiles(report.latencyMicros()));
    printErrors(out, report.errors());
    out.println();
    report.server().ifPresent(server -> printServer(out, server));
    if (!report.serverNote().isEmpty()) {
      row(out, "server note", report.serverNote());
    }
    out.flush();
  }

  private static String title(LoadReport.Setup setup) {
    String what =
        setup.pattern() == LoadPattern.CONNECT
            ? setup.clients() + " clients connecting at once"
            : count(setup.clients())
                + " clients, "
                + count((long) setup.ratePerSecond())
                + " msgs/s";
    return "lab bench load: "
        + setup.stage()
        + " stage, "
        + setup.pattern().label()
        + ", "
        + what
        + " for "
        + setup.duration().toSeconds()
        + " s";
  }

  private static void printMessages(PrintWriter out, LoadReport.Messages messages) {
    row(
        out,
        "sent",
        count(messages.sent())
            + " msgs, "
            + count(Math.round(messages.sent() / messages.sendSeconds()))
            + " msgs/s"
            + (messages.unsent() > 0 ? " (" + count(messages.unsent()) + " never sent)" : ""));
    row(
        out,
        "delivered",
        count(messages.delivered())
            + " of "
            + count(messages.expected())
            + " expected, "
            + count(Math.round(messages.deliveriesPerSecond()))
            + " deliveries/s");
    row(
        out,
        "lost / dup / late",
        count(messages.lost())
            + " lost, "
            + count(messages.duplicates())
            + " duplicated, "
            + count(messages.outOfOrder())
            + " out of order");
  }

  private static String latencyLabel(LoadReport.Setup setup) {
    return setup.pattern() == LoadPattern.CONNECT ? "handshake time" : "latency from due time";
  }

  private static void printErrors(PrintWriter out, Map<String, Long> errors) {
    if (errors.isEmpty()) {
      row(out, "errors", "none");
      return;
    }
    errors.forEach((kind, n) -> row(out, "errors", count(n) + "  " + kind));
  }

  private static void printServer(PrintWriter out, ServerFigures server) {
    row(
        out,
        "server heap",
        "peak "
            + server.heapPeakBytes() / MIB
            + " MiB, live after a full GC "
            + server.heapLiveBytes() / MIB
            + " MiB (limit "
            + server.heapMaxBytes() / MIB
            + " MiB)");
    row(
        out,
        "server threads",
        server.platformThreads()
            + " platform (peak "
            + server.platformThreadsPeak()
            + "), "
            + (server.virtualThreads().isPresent()
                ? count(server.virtualThreads().getAsLong()) + " virtual"
                : "virtual not counted (this JDK's thread dump does not mark them)"));
    double seconds = server.measuredNanos() / 1e9;
    row(
        out,
        "server CPU",
        String.format(
            Locale.ROOT,
            "%.1f s in %.0f s (%.2f cores); GC: %d collections, %d ms",
            server.cpuNanos() / 1e9,
            seconds,
            server.cpuNanos() / 1e9 / seconds,
            server.gcCount(),
            server.gcMillis()));
  }

  private static String rate(LoadReport.Rate rate, String unit) {
    return String.format(
        Locale.ROOT,
        "%s %s in %.2f s, %s/s",
        count(rate.count()),
        unit,
        rate.seconds(),
        count(Math.round(rate.perSecond())));
  }

  /** p50, p90, p99, p99.9 and max in milliseconds. */
  static String percentiles(Histogram micros) {
    if (micros.getTotalCount() == 0) {
      return "no samples";
    }
    return String.format(
        Locale.ROOT,
        "p50 %s  p90 %s  p99 %s  p99.9 %s  max %s ms",
        millis(micros.getValueAtPercentile(50)),
        millis(micros.getValueAtPercentile(90)),
        millis(micros.getValueAtPercentile(99)),
        millis(micros.getValueAtPercentile(99.9)),
        millis(micros.getMaxValue()));
  }

  private static String millis(long micros) {
    return String.format(Locale.ROOT, micros < 10_000 ? "%.2f" : "%.0f", micros / 1000.0);
  }

  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  static void row(PrintWriter out, String label, String value) {
    out.printf(Locale.ROOT, "  %-22s %s%n", label, value);
  }
}
