package securechat.app.guide;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The info string of a fenced code block in the lab guide: its language, and for shell blocks how
 * the guide's doc test runs them. GitHub and the HTML guide show only the language; the rest is for
 * the test.
 *
 * <pre>
 * ```bash runnable                                  run; must exit 0
 * ```bash runnable expect="JOIN alice"             and its output must contain this (repeatable)
 * ```bash runnable input="/quit\n"                 with this on stdin (\n is a newline)
 * ```bash runnable exit=1 expect="unknown stage"   must fail with exactly this status
 * ```bash runnable background ready="listening"    a server: started, waited for until it prints
 *                                                  ready, stopped at the end of the chapter
 * ```bash runnable background name=capture         a name, so that a later block can stop it...
 * ```bash runnable stop=capture                    ...first (SIGTERM, as Ctrl-C), then runs
 * ```bash runnable timeout=300                     seconds before the block counts as hung (120)
 * ```bash norun reason="installs a JDK with brew"  shown, never run: the reason is required
 * </pre>
 *
 * <p>Every {@code bash} block must say {@code runnable} or {@code norun}; a block in {@code sh},
 * {@code shell} or {@code console} is refused, so no command can slip past the test.
 *
 * @param language the first word ({@code bash}, {@code text}, {@code java}...), or "" for none
 * @param flags the bare words after it ({@code runnable}, {@code norun}, {@code background})
 * @param values the {@code key=value} settings after it; {@code expect} may repeat
 */
public record FenceInfo(String language, Set<String> flags, Map<String, List<String>> values) {
  private static final Set<String> FLAGS = Set.of("runnable", "norun", "background");
  private static final Set<String> KEYS =
      Set.of("input", "ready", "expect", "exit", "timeout", "reason", "name", "stop");

  /** The languages the guide may not use: they look like commands but would not be run. */
  public static final Set<String> UNCHECKED_SHELLS = Set.of("sh", "shell", "console", "zsh");

  public FenceInfo {
    flags = Set.copyOf(flags);
    values = Map.copyOf(values);
  }

  /** Reads an info string; a setting this class does not know is an error, so typos fail. */
  public static FenceInfo parse(String info) {
    List<String> words = words(info == null ? "" : info.strip());
    String language = words.isEmpty() ? "" : words.get(0);
    Set<String> flags = new LinkedHashSet<>();
    Map<String, List<String>> values = new LinkedHashMap<>();
    for (String word : words.subList(Math.min(1, words.size()), words.size())) {
      int equals = word.indexOf('=');
      if (equals < 0) {
        if (!FLAGS.contains(word)) {
          throw new IllegalArgumentException(
              "unknown word \"" + word + "\" in ```" + info + " (known: " + FLAGS + ")");
        }
        flags.add(word);
        continue;
      }
      String key = word.substring(0, equals);
      if (!KEYS.contains(key)) {
        throw new IllegalArgumentException(
            "unknown setting \"" + key + "\" in ```" + info + " (known: " + KEYS + ")");
      }
      values.computeIfAbsent(key, k -> new ArrayList<>()).add(unquote(word.substring(equals + 1)));
    }
    return new FenceInfo(language, flags, values);
  }

  /** True for a block of shell commands the doc test runs. */
  public boolean runnable() {
    return flags.contains("runnable");
  }

  /** True for a shell block shown but never run ({@code norun reason="..."}). */
  public boolean norun() {
    return flags.contains("norun");
  }

  /** True for a long-running command (a server) that the test starts and later stops. */
  public boolean background() {
    return flags.contains("background");
  }

  /** The one value of {@code key}, if it was given. */
  public Optional<String> value(String key) {
    List<String> all = values.getOrDefault(key, List.of());
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  /** Every value of {@code key}, in order ({@code expect} may be given more than once). */
  public List<String> all(String key) {
    return values.getOrDefault(key, List.of());
  }

  /**
   * Splits at spaces outside double quotes; inside quotes, {@code \n} is a newline. (Markdown
   * itself turns {@code \"} into a plain quote before this sees it, so a value cannot hold a double
   * quote: write single quotes inside it.)
   */
  private static List<String> words(String info) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < info.length(); i++) {
      char c = info.charAt(i);
      if (quoted && c == '\\' && i + 1 < info.length()) {
        char next = info.charAt(++i);
        word.append(next == 'n' ? '\n' : next == 't' ? '\t' : next);
        continue;
      }
      if (c == '"') {
        quoted = !quoted;
        word.append('\u0000'); // marks where a quote was, removed by unquote
      } else if (c == ' ' && !quoted) {
        if (!word.isEmpty()) {
          words.add(word.toString());
          word.setLength(0);
        }
      } else {
        word.append(c);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("a quote is not closed in ```" + info);
    }
    if (!word.isEmpty()) {
      words.add(word.toString());
    }
    return words;
  }

  private static String unquote(String value) {
    return value.replace("\u0000", "");
  }
}
