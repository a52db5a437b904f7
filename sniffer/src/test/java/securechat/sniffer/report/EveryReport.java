package securechat.sniffer.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import securechat.sniffer.capture.CaptureCounts;
import securechat.sniffer.dissect.EcdheKeyLog;
import securechat.sniffer.stream.TcpStream;

/**
 * A test helper for the fuzz tests: runs what {@code lab sniff} runs on reassembled streams (the
 * analysis with a secret to search for, then the terminal, JSON and HTML reports) and checks that
 * the terminal report, which prints what the capture carried, holds no control character that could
 * drive the user's terminal, and that the JSON report is JSON.
 */
public final class EveryReport {
  private static final ObjectMapper JSON = new ObjectMapper();

  private EveryReport() {}

  /** Analyses {@code streams} as {@code lab sniff --read} does and writes every report. */
  public static void of(CaptureCounts counts, List<TcpStream> streams, Optional<EcdheKeyLog> keyLog)
      throws JsonProcessingException {
    Analysis analysis =
        Analysis.of(counts, streams, Optional.empty(), keyLog, Optional.of("alice"));
    StringWriter terminal = new StringWriter();
    new TerminalReport(new PrintWriter(terminal), false).print(analysis);
    assertThat(terminal.toString().chars().filter(c -> Character.isISOControl(c) && c != '\n'))
        .as("control characters in the terminal report")
        .isEmpty();
    assertThat(JSON.readTree(JsonReport.of(analysis)).isObject()).isTrue();
    assertThat(HtmlReport.of(analysis)).contains("</html>");
  }
}
