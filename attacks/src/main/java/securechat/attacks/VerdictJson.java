package securechat.attacks;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Verdicts as JSON, for the notebooks, the lab guide's checks and the grader: an array with one
 * object per verdict, its fields named as in {@link Verdict} and {@code outcome} written as {@code
 * "succeeded"} or {@code "refused"}.
 *
 * <pre>{@code
 * [ { "attack": "replay", "target": "ecdhe", "outcome": "refused",
 *     "headline": "...", "why": "...", "evidence": [ "..." ], "figures": { } } ]
 * }</pre>
 */
public final class VerdictJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);

  private VerdictJson() {}

  /** Writes {@code verdicts} to {@code out}, which stays open. */
  public static void write(List<Verdict> verdicts, Writer out) throws IOException {
    ArrayNode array = MAPPER.createArrayNode();
    for (Verdict verdict : verdicts) {
      ObjectNode node = array.addObject();
      node.put("attack", verdict.attack());
      node.put("target", verdict.target());
      node.put("outcome", verdict.outcome().word());
      node.put("headline", verdict.headline());
      node.put("why", verdict.why());
      ArrayNode evidence = node.putArray("evidence");
      verdict.evidence().forEach(evidence::add);
      ObjectNode figures = node.putObject("figures");
      verdict.figures().forEach((name, value) -> figures.putPOJO(name, value));
    }
    MAPPER.writeValue(out, array);
  }
}
