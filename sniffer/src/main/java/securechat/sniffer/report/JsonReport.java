package securechat.sniffer.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import securechat.sniffer.dissect.SecretSearch;
import securechat.sniffer.dissect.WireMessage;
import securechat.sniffer.stream.Direction;
import securechat.sniffer.stream.TcpStream;

/**
 * The analysis as one JSON document, for the demo and the notebooks:
 *
 * <pre>
 * {"packets": N, "tcpSegments": N, "skipped": N,
 *  "streams": [{"index", "client", "server", "stage", "bytes": {"clientToServer", "serverToClient"},
 *               "entropy": {...}, "messages": [{"frame", "direction", "offset", "length", "time",
 *               "kind", "summary", "details": [...], "flags": [...]}]}],
 *  "secret": {"text", "found", "hits": [{"stream", "direction", "offset", "frame", "decrypted"}]}}
 * </pre>
 */
public final class JsonReport {
  private JsonReport() {}

  public static String of(Analysis analysis) {
    List<String> streams = new ArrayList<>();
    for (TcpStream stream : analysis.streams()) {
      streams.add(stream(analysis, stream));
    }
    StringBuilder json = new StringBuilder("{");
    json.append("\"packets\": ").append(analysis.counts().packets());
    json.append(", \"tcpSegments\": ").append(analysis.counts().tcpSegments());
    json.append(", \"skipped\": ").append(analysis.counts().skipped());
    json.append(", \"streams\": [").append(String.join(", ", streams)).append(']');
    if (analysis.secret().isPresent()) {
      String hits = analysis.hits().stream().map(JsonReport::hit).collect(Collectors.joining(", "));
      json.append(", \"secret\": {\"text\": ").append(Json.string(analysis.secret().get()));
      json.append(", \"found\": ").append(!analysis.hits().isEmpty());
      json.append(", \"hits\": [").append(hits).append("]}");
    }
    return json.append("}\n").toString();
  }

  private static String stream(Analysis analysis, TcpStream stream) {
    String messages =
        analysis.messages(stream).stream()
            .map(JsonReport::message)
            .collect(Collectors.joining(", "));
    return String.format(
        Locale.ROOT,
        "{\"index\": %d, \"client\": %s, \"server\": %s, \"stage\": %s, \"packets\": %d,"
            + " \"bytes\": {\"clientToServer\": %d, \"serverToClient\": %d},"
            + " \"entropy\": {\"clientToServer\": %.3f, \"serverToClient\": %.3f},"
            + " \"messages\": [%s]}",
        stream.index(),
        Json.string(stream.client().toString()),
        Json.string(stream.server().toString()),
        Json.string(analysis.stages().get(stream.index())),
        stream.packets(),
        stream.length(Direction.CLIENT_TO_SERVER),
        stream.length(Direction.SERVER_TO_CLIENT),
        Analysis.entropy(stream, Direction.CLIENT_TO_SERVER),
        Analysis.entropy(stream, Direction.SERVER_TO_CLIENT),
        messages);
  }

  private static String message(WireMessage message) {
    String details = message.details().stream().map(Json::string).collect(Collectors.joining(", "));
    String flags =
        message.flags().stream()
            .map(flag -> Json.string(flag.name().toLowerCase(Locale.ROOT)))
            .sorted()
            .collect(Collectors.joining(", "));
    return String.format(
        Locale.ROOT,
        "{\"frame\": %d, \"direction\": %s, \"offset\": %d, \"length\": %d, \"time\": %s,"
            + " \"kind\": %s, \"summary\": %s, \"details\": [%s], \"flags\": [%s]}",
        message.frame(),
        Json.string(direction(message.direction())),
        message.offset(),
        message.length(),
        Json.string(message.time().toString()),
        Json.string(message.kind()),
        Json.string(message.summary()),
        details,
        flags);
  }

  private static String hit(SecretSearch.Hit hit) {
    return String.format(
        Locale.ROOT,
        "{\"stream\": %d, \"direction\": %s, \"offset\": %d, \"frame\": %d, \"decrypted\": %b}",
        hit.stream(),
        Json.string(direction(hit.direction())),
        hit.offset(),
        hit.frame(),
        hit.decrypted());
  }

  static String direction(Direction direction) {
    return direction == Direction.CLIENT_TO_SERVER ? "clientToServer" : "serverToClient";
  }
}
