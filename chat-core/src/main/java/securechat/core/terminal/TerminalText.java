package securechat.core.terminal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The sanitizer for untrusted text shown on a terminal: every character that a terminal would obey
 * instead of show becomes visible notation.
 *
 * <p><b>Protects</b> the person reading the chat. A terminal treats ESC ({@code U+001B}) as the
 * start of a command: {@code ESC[2J} clears the screen, {@code ESC[1A} moves the cursor up to
 * rewrite an earlier line, {@code ESC]0;…BEL} sets the window title, {@code ESC]8;;URL} hides a
 * link behind harmless text and {@code ESC]52;c;…} writes the clipboard. The C1 byte {@code U+009B}
 * is a one-character ESC[ on some terminals. Unicode bidi controls reorder what is shown, so that
 * text reads differently from what it is ("Trojan Source", CVE-2021-42574). After {@link #sanitize}
 * none of these can act:
 *
 * <pre>
 *   what arrives      what is printed   rule
 *   ESC [ 2 J         ^[[2J             C0 controls (U+0000-U+001F): caret notation
 *   DEL               ^?                DEL (U+007F): caret notation
 *   U+009B 3 1 m      &#92;u009b31m         C1 controls (U+0080-U+009F): escape notation
 *   U+202E            &lt;U+202E&gt;          bidi controls: their code point
 *   TAB               one space
 * </pre>
 *
 * <p><b>Does not protect</b> against look-alike characters (Cyrillic {@code а} for Latin {@code
 * a}): names are restricted to ASCII by {@code Username} for that reason.
 */
public final class TerminalText {

  private TerminalText() {}

  /** Returns {@code untrusted} with every terminal control made visible; see the class comment. */
  public static String sanitize(String untrusted) {
    Objects.requireNonNull(untrusted, "untrusted");
    StringBuilder out = new StringBuilder(untrusted.length() + 8);
    untrusted.codePoints().forEach(codePoint -> appendVisible(out, codePoint));
    return out.toString();
  }

  private static void appendVisible(StringBuilder out, int codePoint) {
    if (codePoint == '\t') {
      out.append(' ');
    } else if (codePoint < 0x20) {
      // Caret notation, as `cat -v` shows it: ESC (27) is ^[ because '[' is 27 + 64.
      out.append('^').append((char) (codePoint + 0x40));
    } else if (codePoint == 0x7f) {
      out.append("^?");
    } else if (codePoint >= 0x80 && codePoint <= 0x9f) {
      out.append(String.format("\\u%04x", codePoint));
    } else if (isBidiControl(codePoint)) {
      out.append(String.format("<U+%04X>", codePoint));
    } else {
      out.appendCodePoint(codePoint);
    }
  }

  /** The explicit directional formatting characters of Unicode Standard Annex #9, §2. */
  private static boolean isBidiControl(int codePoint) {
    return (codePoint >= 0x202a && codePoint <= 0x202e) // LRE, RLE, PDF, LRO, RLO
        || (codePoint >= 0x2066 && codePoint <= 0x2069) // LRI, RLI, FSI, PDI
        || codePoint == 0x200e // LRM
        || codePoint == 0x200f // RLM
        || codePoint == 0x061c; // ALM
  }

  /**
   * {@code text} in lines of at most {@code width} characters, broken between words (a word longer
   * than {@code width} gets a line of its own): for the paragraphs the demo and the attacks print.
   */
  public static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (!line.isEmpty() && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.isEmpty() ? "" : " ").append(word);
    }
    lines.add(line.toString());
    return lines;
  }
}
