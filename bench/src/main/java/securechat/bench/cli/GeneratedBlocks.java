package securechat.bench.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import securechat.core.cli.ConfigException;

/**
 * The parts of a Markdown page that a program writes, between two HTML comments that Markdown does
 * not show:
 *
 * <pre>
 * &lt;!-- BEGIN GENERATED jmh (lab bench report) --&gt;
 * | benchmark | … |
 * &lt;!-- END GENERATED jmh --&gt;
 * </pre>
 *
 * <p>{@code lab bench report} replaces what lies between the comments and leaves every other line
 * of docs/performance.md as its authors wrote it: the figures are regenerated, the prose explaining
 * them is not.
 */
final class GeneratedBlocks {
  private GeneratedBlocks() {}

  /** The opening comment of block {@code name}. */
  static String begin(String name) {
    return "<!-- BEGIN GENERATED " + name + " (lab bench report) -->";
  }

  /** The closing comment of block {@code name}. */
  static String end(String name) {
    return "<!-- END GENERATED " + name + " -->";
  }

  /**
   * {@code page} with block {@code name}'s content replaced by {@code content}.
   *
   * @throws ConfigException if the page lacks the block's comments, or has them twice
   */
  static String replace(String page, String name, String content) throws ConfigException {
    Pattern block =
        Pattern.compile(
            Pattern.quote(begin(name)) + "\\R.*?" + Pattern.quote(end(name)), Pattern.DOTALL);
    Matcher matcher = block.matcher(page);
    if (!matcher.find()) {
      throw new ConfigException(
          "the page has no block '"
              + name
              + "': add the lines "
              + begin(name)
              + " and "
              + end(name));
    }
    int start = matcher.start();
    int stop = matcher.end();
    if (matcher.find()) {
      throw new ConfigException("the page has block '" + name + "' twice");
    }
    String replacement = begin(name) + "\n" + content.strip() + "\n" + end(name);
    return page.substring(0, start) + replacement + page.substring(stop);
  }
}
