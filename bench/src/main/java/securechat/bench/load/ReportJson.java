package securechat.bench.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.HdrHistogram.Histogram;

/**
 * A {@link LoadReport} as JSON, every figure with its unit in its name ({@code p99Millis}, {@code
 * heapLiveBytes}), for {@code docs/performance.md} and for graders' scripts.
 */
final class ReportJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ReportJson() {}

  static String of(LoadReport report) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("tool", "lab bench load");
    setup(root.putObject("parameters"), report.setup());
    rate(root.putObject("connects"), report.connects());
    rate(root.putObject("logins"), report.logins());
    report.messages().ifPresent(m -> messages(root.putObject("messages"), m));
    report.handshakes().ifPresent(h -> rate(root.putObject("handshakes"), h));
    latency(root.putObject("latency"), report.latencyMicros(), report.setup().pattern());
    ObjectNode errors = root.putObject("errors");
    report.errors().forEach(errors::put);
    root.put("errorCount", report.errorCount());
    report.server().ifPresent(s -> server(root.putObject("server"), s));
    root.put("serverNote", report.serverNote());
    try {
      return MAPPER.writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a tree of numbers and strings always serialises", e);
    }
  }

  private static void setup(ObjectNode json, LoadReport.Setup setup) {
    json.put("stage", setup.stage());
    json.put("pattern", setup.pattern().label());
    json.put("clients", setup.clients());
    json.put("ratePerSecond", setup.ratePerSecond());
    json.put("durationSeconds", setup.duration().toMillis() / 1000.0);
    json.put("drainSeconds", setup.drain().toMillis() / 1000.0);
    json.put("messageChars", setup.messageChars());
    json.put("seed", setup.seed());
    json.put("server", setup.serverDescription());
    json.put("accounts", setup.accounts());
    ObjectNode machine = json.putObject("machine");
    machine.put("cores", setup.cores());
    machine.put("javaVersion", setup.javaVersion());
    machine.put("os", setup.os());
    json.put("started", setup.started().toString());
  }

  private static void rate(ObjectNode json, LoadReport.Rate rate) {
    json.put("count", rate.count());
    json.put("seconds", rate.seconds());
    json.put("perSecond", rate.perSecond());
  }

  private static void messages(ObjectNode json, LoadReport.Messages messages) {
    json.put("sent", messages.sent());
    json.put("sendSeconds", messages.sendSeconds());
    json.put("sentPerSecond", messages.sent() / messages.sendSeconds());
    json.put("expected", messages.expected());
    json.put("delivered", messages.delivered());
    json.put("deliverySeconds", messages.deliverySeconds());
    json.put("deliveriesPerSecond", messages.deliveriesPerSecond());
    json.put("lost", messages.lost());
    json.put("duplicates", messages.duplicates());
    json.put("outOfOrder", messages.outOfOrder());
    json.put("unsent", messages.unsent());
  }

  private static void latency(ObjectNode json, Histogram micros, LoadPattern pattern) {
    json.put(
        "of",
        pattern == LoadPattern.CONNECT
            ? "handshake, connect to WELCOME"
            : "delivery, from the message's due time");
    json.put("count", micros.getTotalCount());
    if (micros.getTotalCount() == 0) {
      return;
    }
    json.put("p50Millis", micros.getValueAtPercentile(50) / 1000.0);
    json.put("p90Millis", micros.getValueAtPercentile(90) / 1000.0);
    json.put("p99Millis", micros.getValueAtPercentile(99) / 1000.0);
    json.put("p999Millis", micros.getValueAtPercentile(99.9) / 1000.0);
    json.put("maxMillis", micros.getMaxValue() / 1000.0);
    json.put("meanMillis", micros.getMean() / 1000.0);
  }

  private static void server(ObjectNode json, ServerFigures server) {
    json.put("heapPeakBytes", server.heapPeakBytes());
    json.put("heapLiveBytes", server.heapLiveBytes());
    json.put("heapMaxBytes", server.heapMaxBytes());
    json.put("platformThreads", server.platformThreads());
    json.put("platformThreadsPeak", server.platformThreadsPeak());
    if (server.virtualThreads().isPresent()) {
      json.put("virtualThreads", server.virtualThreads().getAsLong());
    } else {
      json.putNull("virtualThreads");
    }
    json.put("cpuSeconds", server.cpuNanos() / 1e9);
    json.put("measuredSeconds", server.measuredNanos() / 1e9);
    json.put("gcCount", server.gcCount());
    json.put("gcMillis", server.gcMillis());
  }
}
