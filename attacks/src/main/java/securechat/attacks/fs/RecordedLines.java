package securechat.attacks.fs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One recorded direction of a line-based stage (plain, ecdhe, e2e over plain) as its lines, the way
 * the chat's framer reads them: UTF-8, each ending at {@code \n}; bytes after the last {@code \n}
 * are not a line.
 */
final class RecordedLines {
  private RecordedLines() {}

  static List<String> of(byte[] untrustedBytes) {
    String text = new String(untrustedBytes, StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      lines.add(text.substring(start, end));
      start = end + 1;
    }
    return lines;
  }
}
