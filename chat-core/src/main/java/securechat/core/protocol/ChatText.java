package securechat.core.protocol;

import java.nio.charset.StandardCharsets;

/**
 * The rules for text a user sends: chat text may hold no control characters but TAB, and a file
 * travels on one line with its line breaks escaped ({@code docs/protocol.md} §Text and §Files).
 *
 * <p><b>Protects</b> every reader's terminal: ESC (the start of every ANSI sequence), BEL, NUL and
 * the C1 controls never reach another user, so no one can clear a screen, move a cursor or forge a
 * line. Clients still sanitise what they print, because a server could be hostile.
 */
public final class ChatText {
  private ChatText() {}

  /**
   * Checks chat text: not blank, and no control characters but TAB. ESC in particular is refused:
   * it starts the ANSI sequences that could rewrite another user's terminal.
   */
  public static String checkText(String untrustedText) throws ProtocolException {
    if (untrustedText.isBlank()) {
      throw new ProtocolException(ErrorCode.USAGE, "empty message: there is nothing to send");
    }
    int bad = firstControl(untrustedText, "\t");
    if (bad >= 0) {
      throw new ProtocolException(
          ErrorCode.BAD_TEXT,
          String.format(
              "text contains control character U+%04X at position %d; only printable text and"
                  + " tabs are allowed",
              untrustedText.codePointAt(bad), bad + 1));
    }
    return untrustedText;
  }

  /** The index of the first control character not in {@code allowed}, or -1. */
  private static int firstControl(String text, String allowed) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) && allowed.indexOf(c) < 0) {
        return i;
      }
    }
    return -1;
  }

  /**
   * File content travels on one line: backslash becomes {@code \\}, line feed {@code \n} and
   * carriage return {@code \r}. Everything else is sent as it is, so a capture stays readable.
   */
  public static String escapeFile(String content) {
    StringBuilder out = new StringBuilder(content.length() + 16);
    for (int i = 0; i < content.length(); i++) {
      char c = content.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** Reverses {@link #escapeFile} and checks the result with {@link #checkFile}. */
  static String unescapeFile(String escaped, int maxFileBytes) throws ProtocolException {
    StringBuilder out = new StringBuilder(escaped.length());
    for (int i = 0; i < escaped.length(); i++) {
      char c = escaped.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      int backslashPosition = i + 1;
      char next = i + 1 < escaped.length() ? escaped.charAt(++i) : ' ';
      switch (next) {
        case '\\' -> out.append('\\');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        default ->
            throw new ProtocolException(
                ErrorCode.NOT_TEXT,
                "file content has an unknown escape at position "
                    + backslashPosition
                    + "; only \\\\, \\n and \\r are defined");
      }
    }
    return checkFile(out.toString(), maxFileBytes);
  }

  /** Checks file content: at most {@code maxFileBytes} of UTF-8, no controls but TAB, CR, LF. */
  public static String checkFile(String content, int maxFileBytes) throws ProtocolException {
    int bytes = content.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > maxFileBytes) {
      throw new ProtocolException(
          ErrorCode.FILE_TOO_LARGE, "file is " + bytes + " bytes; the maximum is " + maxFileBytes);
    }
    int bad = firstControl(content, "\t\n\r");
    if (bad >= 0) {
      throw new ProtocolException(
          ErrorCode.NOT_TEXT,
          String.format(
              "file contains control character U+%04X; only UTF-8 text files can be sent",
              content.codePointAt(bad)));
    }
    return content;
  }
}
