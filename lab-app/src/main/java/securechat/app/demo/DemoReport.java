package securechat.app.demo;

import static securechat.sniffer.report.HtmlReport.escape;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.Locale;
import securechat.core.terminal.TerminalText;
import securechat.sniffer.dissect.WireMessage;
import securechat.sniffer.report.HtmlReport;

/**
 * The demo's results as one self-contained HTML page (the table, then per stage the excerpts, what
 * alice and bob saw, and the sniffer's full view of the capture) and as JSON for programs.
 */
final class DemoReport {
  private DemoReport() {}

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  static String html(Demo.Outcome outcome) {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>securechat-lab demo</title><style>")
        .append(HtmlReport.STYLE)
        .append(".ok{color:#070}.bad{color:#a00;font-weight:bold}")
        .append("</style></head><body>\n<h1>securechat-lab demo: before and after</h1>\n")
        .append("<p>alice and bob registered with passwords; alice said <code>")
        .append(escape(Scenario.MESSAGE))
        .append("</code> to everyone, whispered <code>")
        .append(escape(Scenario.WHISPER))
        .append("</code> to bob and sent him <code>")
        .append(escape(Scenario.FILE_NAME))
        .append("</code> (<code>")
        .append(escape(Scenario.FILE_SECRET))
        .append("</code>). Every cell below is a search of the stage's capture file, or of the")
        .append(" lines the server read.</p>\n");
    outcome
        .captureUnavailable()
        .ifPresent(
            reason ->
                html.append("<p class=\"bad\">No capture: ")
                    .append(escape(reason))
                    .append("</p>\n"));
    html.append(table(outcome));
    html.append("<h2>What the next stage fixes</h2>\n<ul>\n");
    for (StageResult result : outcome.results()) {
      html.append("<li><b>")
          .append(escape(result.stage().name()))
          .append("</b>: ")
          .append(escape(result.stage().nextFixes()))
          .append("</li>\n");
    }
    html.append("</ul>\n");
    for (StageResult result : outcome.results()) {
      html.append(stage(result));
    }
    return html.append("</body></html>\n").toString();
  }

  private static String table(Demo.Outcome outcome) {
    StringBuilder html = new StringBuilder("<table>\n<tr>");
    for (String heading : DemoTable.HEADINGS) {
      html.append("<th>").append(escape(heading)).append("</th>");
    }
    html.append("</tr>\n");
    for (StageResult result : outcome.results()) {
      html.append("<tr>");
      for (String cell : DemoTable.cells(result)) {
        boolean visible = cell.equals(Seen.VISIBLE.shown());
        html.append(visible ? "<td class=\"leak\">" : "<td>").append(escape(cell)).append("</td>");
      }
      html.append("</tr>\n");
    }
    return html.append("</table>\n").toString();
  }

  private static String stage(StageResult result) {
    StringBuilder html = new StringBuilder();
    html.append("<h2>")
        .append(escape(result.stage().name()))
        .append(": ")
        .append(escape(result.stage().stage().summary()))
        .append("</h2>\n<p>port ")
        .append(result.port())
        .append("; capture ")
        .append(escape(result.capture().map(Object::toString).orElse("none")))
        .append("</p>\n");
    if (result.behaved()) {
      html.append("<p class=\"ok\">✓ as this stage promises</p>\n");
    }
    for (String problem : result.problems()) {
      html.append("<p class=\"bad\">✗ ").append(escape(problem)).append("</p>\n");
    }
    result
        .wire()
        .ifPresent(
            wire -> {
              html.append("<h3>What an eavesdropper sees (excerpts)</h3>\n<table>")
                  .append(
                      "<tr><th>frame</th><th>dir</th><th>kind</th><th>what it shows</th></tr>\n");
              for (WireMessage message : wire.excerpts()) {
                html.append(HtmlReport.row(message));
              }
              html.append("</table>\n");
            });
    html.append("<h3>What the server read from alice</h3>\n<pre>");
    for (String line : result.serverView()) {
      html.append(escape(abbreviate(TerminalText.sanitize(line)))).append('\n');
    }
    html.append("</pre>\n<h3>What alice and bob saw</h3>\n<pre>");
    for (String line : result.transcript()) {
      html.append(escape(abbreviate(TerminalText.sanitize(line)))).append('\n');
    }
    html.append("</pre>\n");
    result
        .wire()
        .ifPresent(
            wire ->
                html.append(
                        "<details><summary>The whole capture, as lab sniff reads it</summary>\n")
                    .append(HtmlReport.body(wire.analysis()))
                    .append("</details>\n"));
    return html.toString();
  }

  private static String abbreviate(String line) {
    return line.length() <= 160 ? line : line.substring(0, 157) + "...";
  }

  static String json(Demo.Outcome outcome) {
    ObjectNode root = JSON.createObjectNode();
    root.put("exitStatus", outcome.exitStatus());
    root.put("tookMillis", outcome.took().toMillis());
    root.put("captureUnavailable", outcome.captureUnavailable().orElse(null));
    root.put("report", outcome.report().toString());
    ArrayNode stages = root.putArray("stages");
    for (StageResult result : outcome.results()) {
      ObjectNode stage = stages.addObject();
      stage.put("stage", result.stage().name());
      stage.put("port", result.port());
      stage.put("capture", result.capture().map(Object::toString).orElse(null));
      stage.put("password", name(result.password()));
      stage.put("message", name(result.message()));
      stage.put("file", name(result.file()));
      stage.put("serverReads", name(result.serverReads()));
      ArrayNode leaks = stage.putArray("leaks");
      result.leaks().forEach(leaks::add);
      stage.put("behaved", result.behaved());
      ArrayNode problems = stage.putArray("problems");
      result.problems().forEach(problems::add);
      stage.put("nextFixes", result.stage().nextFixes());
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String name(Seen seen) {
    return seen.name().toLowerCase(Locale.ROOT);
  }
}
