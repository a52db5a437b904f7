package securechat.bench.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link ComparisonReport} as JSON, and back. Each row carries both figures with their commands,
 * the ratio, the target ({@code null} for an anchor) and the verdict:
 *
 * <pre>{@code
 * {"measuredAt": "2026-11-24T16:40:00Z", "machine": "...", "secondsPerMeasurement": 5.0,
 *  "comparisons": [{"part": "fernet", "figure": "Fernet encrypt, 100 B", "unit": "tokens/s",
 *    "ours": {"perSecond": 343296.0, "command": "..."}, "peerName": "Python cryptography",
 *    "peer": {"perSecond": 54220.0, "command": "..."}, "ratio": 6.33, "targetRatio": 20.0,
 *    "verdict": "missed", "skipped": null}]}
 * }</pre>
 */
public final class ComparisonJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ComparisonJson() {}

  public static String write(ComparisonReport report) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("measuredAt", report.measuredAt().toString());
    root.put("machine", report.machine());
    root.put("secondsPerMeasurement", report.measurement().toMillis() / 1000.0);
    ArrayNode rows = root.putArray("comparisons");
    for (Comparison row : report.rows()) {
      ObjectNode node = rows.addObject();
      node.put("part", row.part());
      node.put("figure", row.figure());
      node.put("unit", row.unit());
      node.set("ours", measurement(row.ours()));
      node.put("peerName", row.peerName());
      node.set("peer", measurement(row.peer()));
      node.put("ratio", row.ratio().orElse(null));
      node.put("targetRatio", row.target().isAnchor() ? null : row.target().minimumRatio());
      node.put("verdict", row.verdict());
      node.put("skipped", row.skipped().orElse(null));
    }
    try {
      return MAPPER.writeValueAsString(root) + System.lineSeparator();
    } catch (IOException e) {
      throw new IllegalStateException("a tree of strings and numbers always serialises", e);
    }
  }

  /**
   * Reads what {@link #write} wrote.
   *
   * @throws IOException if the text is not JSON or a field is missing or out of range
   */
  public static ComparisonReport read(String json) throws IOException {
    JsonNode root = MAPPER.readTree(json);
    List<Comparison> rows = new ArrayList<>();
    try {
      for (JsonNode node : root.required("comparisons")) {
        rows.add(row(node));
      }
      return new ComparisonReport(
          rows,
          Instant.parse(root.required("measuredAt").asText()),
          root.required("machine").asText(),
          Duration.ofMillis(Math.round(root.required("secondsPerMeasurement").asDouble() * 1000)));
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      throw new IOException("not a lab bench compare report: " + e.getMessage(), e);
    }
  }

  private static Comparison row(JsonNode node) {
    JsonNode target = node.required("targetRatio");
    JsonNode skipped = node.path("skipped");
    return new Comparison(
        node.required("part").asText(),
        node.required("figure").asText(),
        node.required("unit").asText(),
        measurement(node.path("ours")),
        node.required("peerName").asText(),
        measurement(node.path("peer")),
        target.isNull() ? Target.ANCHOR : Target.atLeast(target.asDouble()),
        skipped.isTextual() ? Optional.of(skipped.asText()) : Optional.empty());
  }

  private static JsonNode measurement(Optional<Measurement> measurement) {
    if (measurement.isEmpty()) {
      return MAPPER.nullNode();
    }
    ObjectNode node = MAPPER.createObjectNode();
    node.put("perSecond", measurement.get().perSecond());
    node.put("command", measurement.get().command());
    return node;
  }

  private static Optional<Measurement> measurement(JsonNode node) {
    if (!node.isObject()) {
      return Optional.empty();
    }
    return Optional.of(
        new Measurement(node.required("perSecond").asDouble(), node.required("command").asText()));
  }
}
