package securechat.bench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import securechat.bench.compare.Figures;

/**
 * The report's load tests: each of issue 11's loopback targets run with {@code lab bench load} in a
 * JVM of its own (which starts the server in another), and a row per target: what was asked, what
 * was measured, met or missed.
 */
final class LoadPart implements ReportCommand.Part {
  /**
   * One load test and the figure it is judged by.
   *
   * @param what the target, in words
   * @param full the arguments after {@code lab bench load} for the page
   * @param quick smaller arguments for {@code --quick}
   * @param figure the figure, from the command's JSON
   * @param unit the figure's unit
   * @param target the least (or, with {@code atMost}, the most) the figure may be
   * @param atMost true when smaller is better (latency, heap)
   */
  record Scenario(
      String what,
      String full,
      String quick,
      ToDoubleFunction<JsonNode> figure,
      String unit,
      double target,
      boolean atMost) {}

  private static final List<Scenario> SCENARIOS =
      List.of(
          new Scenario(
              "plain: 10,000 logged-in clients, p99 delivery latency at 1,000 msgs/s (< 20 ms)",
              "--stage plain --clients 10000 --pattern whisper --rate 1000 --duration 30s",
              "--stage plain --clients 1000 --pattern whisper --rate 1000 --duration 5s",
              json -> json.at("/latency/p99Millis").asDouble(),
              "ms",
              20,
              true),
          new Scenario(
              "plain: 10,000 logged-in clients, server heap after a full GC (≤ 1 GiB)",
              "(the same run)",
              "(the same run)",
              json -> json.at("/server/heapLiveBytes").asDouble() / (1024 * 1024),
              "MiB",
              1024,
              true),
          new Scenario(
              "plain: broadcast to 100 clients, deliveries/s (≥ 300,000)",
              "--stage plain --clients 100 --pattern broadcast --rate 3100 --duration 10s",
              "--stage plain --clients 100 --pattern broadcast --rate 3100 --duration 3s",
              json -> json.at("/messages/deliveriesPerSecond").asDouble(),
              "deliveries/s",
              300_000,
              false),
          new Scenario(
              "e2e: private messages end to end, delivered/s (≥ 4,000)",
              "--stage e2e --clients 40 --pattern whisper --rate 4000 --duration 10s",
              "--stage e2e --clients 40 --pattern whisper --rate 4000 --duration 3s",
              json -> json.at("/messages/deliveriesPerSecond").asDouble(),
              "msgs/s",
              4_000,
              false),
          new Scenario(
              "ecdhe: complete handshakes over loopback, per second (≥ 2,000)",
              "--stage ecdhe --pattern connect --clients 4 --duration 10s",
              "--stage ecdhe --pattern connect --clients 4 --duration 3s",
              json -> json.at("/handshakes/perSecond").asDouble(),
              "handshakes/s",
              2_000,
              false));

  private final BenchCommand bench;

  LoadPart(BenchCommand bench) {
    this.bench = bench;
  }

  @Override
  public String name() {
    return "load";
  }

  @Override
  public String run(boolean quick, PrintWriter progress) throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    StringBuilder md = new StringBuilder();
    md.append("| target | command (`./lab bench load …`) | measured | met? |\n");
    md.append("|---|---|---:|---|\n");
    JsonNode previous = null;
    for (Scenario scenario : SCENARIOS) {
      String arguments = quick ? scenario.quick() : scenario.full();
      JsonNode json = previous;
      if (!arguments.startsWith("(")) {
        Path output = LabRun.temporaryFile(".json");
        List<String> args = new ArrayList<>(List.of("bench", "load"));
        args.addAll(List.of(arguments.split(" ")));
        args.addAll(List.of("--json", output.toString()));
        progress.println("   ./lab bench load " + arguments);
        progress.flush();
        try {
          LabRun.run(bench, args, Duration.ofMinutes(20), progress);
          json = mapper.readTree(output.toFile());
        } catch (Exception failed) {
          json = null;
          md.append(row(scenario, arguments, "failed: " + failed.getMessage(), ""));
          previous = null;
          continue;
        }
      }
      previous = json;
      if (json == null) {
        md.append(row(scenario, arguments, "not measured", ""));
        continue;
      }
      double value = scenario.figure().applyAsDouble(json);
      boolean met = scenario.atMost() ? value <= scenario.target() : value >= scenario.target();
      String lost =
          json.at("/messages/lost").asLong(0) + json.at("/errorCount").asLong(0) > 0
              ? String.format(
                  Locale.ROOT,
                  " (%d lost, %d errors)",
                  json.at("/messages/lost").asLong(0),
                  json.at("/errorCount").asLong(0))
              : "";
      md.append(
          row(
              scenario,
              arguments,
              Figures.rate(value) + " " + scenario.unit() + lost,
              met && lost.isEmpty() ? "met" : "**missed**"));
    }
    return md.toString();
  }

  private static String row(Scenario scenario, String arguments, String measured, String met) {
    String command = arguments.startsWith("(") ? arguments : "`" + arguments + "`";
    return "| " + scenario.what() + " | " + command + " | " + measured + " | " + met + " |\n";
  }
}
