package securechat.sniffer.dissect;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import securechat.core.cli.ConfigException;

/**
 * Fuzzes the reading of an ecdhe key log ({@code lab sniff --keylog FILE}, {@link
 * EcdheKeyLog#parse}): the documented failure is a {@link ConfigException} naming the line;
 * anything else is a bug.
 *
 * <p>Seeds: {@code EcdheKeyLogFuzzTestInputs/keyLogs/}, the committed capture's key log and broken
 * ones.
 */
class EcdheKeyLogFuzzTest {
  @FuzzTest
  void keyLogs(byte[] untrustedBytes) {
    List<String> lines = new String(untrustedBytes, StandardCharsets.UTF_8).lines().toList();
    try {
      EcdheKeyLog.parse(lines);
    } catch (ConfigException expected) {
      // Refused, naming the line.
    }
  }
}
