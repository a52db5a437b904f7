package securechat.sniffer.dissect;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import securechat.core.terminal.TerminalText;
import securechat.sniffer.dissect.WireMessage.Flag;
import securechat.sniffer.stream.Direction;

/**
 * What one chat line reveals, read with the grammar of docs/protocol.md ("Client commands", "Server
 * lines"): its kind, a printable summary and flags. Shared by the plain stage, where lines are on
 * the wire, and the ecdhe stage, where a key log recovers them.
 *
 * @param kind the command word ({@code /login}) or server keyword ({@code MSG}); {@code TEXT} for a
 *     broadcast; {@code ?} for a line the grammar does not know
 * @param summary the line, sanitised, cut to {@link #MAX_SUMMARY_CHARS}; a password is shown as
 *     {@code <password: …>}: it is on the wire, and seeing it is the lesson
 * @param flags what the line reveals
 */
record ChatLineReading(String kind, String summary, Set<Flag> flags) {
  /** The longest summary; longer lines end in {@code …}. */
  static final int MAX_SUMMARY_CHARS = 200;

  /** Reads {@code rawLine}, a line that travelled in {@code direction}. */
  static ChatLineReading of(String rawLine, Direction direction) {
    return direction == Direction.CLIENT_TO_SERVER ? ofClientLine(rawLine) : ofServerLine(rawLine);
  }

  private static ChatLineReading ofClientLine(String rawLine) {
    if (!rawLine.startsWith("/") || rawLine.startsWith("//")) {
      return reading("TEXT", rawLine, Flag.MESSAGE);
    }
    String[] words = rawLine.split(" ", 3);
    String command = words[0].toLowerCase(Locale.ROOT);
    return switch (command) {
      case "/register", "/login" -> withPassword(command, words);
      case "/whisper", "/w" -> reading(command, rawLine, Flag.MESSAGE, Flag.NAME);
      case "/file" -> reading(command, rawLine, Flag.FILE, Flag.NAME);
      case "/list", "/help", "/quit" -> reading(command, rawLine);
      default -> reading("?", rawLine);
    };
  }

  /** Shows {@code /login NAME <password: PASSWORD>}: the password is the rest of the line. */
  private static ChatLineReading withPassword(String command, String[] words) {
    if (words.length < 3) {
      return reading(command, String.join(" ", words), Flag.NAME);
    }
    String summary =
        command
            + " "
            + TerminalText.sanitize(words[1])
            + " <password: "
            + TerminalText.sanitize(words[2])
            + ">";
    return new ChatLineReading(command, cut(summary), EnumSet.of(Flag.PASSWORD, Flag.NAME));
  }

  private static ChatLineReading ofServerLine(String rawLine) {
    int space = rawLine.indexOf(' ');
    String keyword = space < 0 ? rawLine : rawLine.substring(0, space);
    return switch (keyword) {
      case "MSG", "WHISPER" -> reading(keyword, rawLine, Flag.MESSAGE, Flag.NAME);
      case "FILE" -> reading(keyword, rawLine, Flag.FILE, Flag.NAME);
      case "JOIN", "LEAVE", "LIST" -> reading(keyword, rawLine, Flag.NAME);
      case "WELCOME", "OK", "ERR", "NOTICE", "ADMIN", "HELP", "BYE" -> reading(keyword, rawLine);
      default -> reading("?", rawLine);
    };
  }

  private static ChatLineReading reading(String kind, String rawLine, Flag... flags) {
    Set<Flag> set = EnumSet.noneOf(Flag.class);
    set.addAll(List.of(flags));
    return new ChatLineReading(kind, cut(TerminalText.sanitize(rawLine)), set);
  }

  /** Cuts {@code text} to {@link #MAX_SUMMARY_CHARS}, ending it with {@code …} if it was longer. */
  static String cut(String text) {
    if (text.length() <= MAX_SUMMARY_CHARS) {
      return text;
    }
    return text.substring(0, MAX_SUMMARY_CHARS - 1) + "…";
  }
}
