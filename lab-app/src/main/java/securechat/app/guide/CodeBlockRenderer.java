package securechat.app.guide;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Renders a fenced code block showing only its language: the rest of the info string ({@code
 * runnable input="/quit\n" expect="JOIN"}) tells the guide's doc test how to run the block and is
 * not for readers. A block the test runs gets the class {@code checked} and a tooltip saying so;
 * the stylesheet draws a quiet mark from it, outside the text, so that copying a command never
 * copies the mark.
 *
 * <p>The info string is read as {@link GuideBlock} reads it for the doc test, so that the mark says
 * exactly what the test does.
 */
final class CodeBlockRenderer implements NodeRenderer {
  /** The tooltip of a block the doc test runs. */
  static final String CHECKED = "checked by the guide's test";

  private final HtmlNodeRendererContext context;
  private final HtmlWriter html;

  CodeBlockRenderer(HtmlNodeRendererContext context) {
    this.context = context;
    this.html = context.getWriter();
  }

  @Override
  public Set<Class<? extends Node>> getNodeTypes() {
    return Set.of(FencedCodeBlock.class);
  }

  @Override
  public void render(Node node) {
    FencedCodeBlock block = (FencedCodeBlock) node;
    FenceInfo info = fenceInfo(block);
    Map<String, String> preAttributes = new LinkedHashMap<>();
    if (info.runnable()) {
      preAttributes.put("class", "checked");
      preAttributes.put("title", CHECKED);
    }
    Map<String, String> codeAttributes = new LinkedHashMap<>();
    if (!info.language().isEmpty()) {
      codeAttributes.put("class", "language-" + info.language());
    }
    html.line();
    html.tag("pre", context.extendAttributes(block, "pre", preAttributes));
    html.tag("code", context.extendAttributes(block, "code", codeAttributes));
    html.text(block.getLiteral());
    html.tag("/code");
    html.tag("/pre");
    html.line();
  }

  /**
   * The block's settings. A mistyped setting is the doc test's to report (it fails there, with the
   * chapter and line); the page still shows the block, with its language only.
   */
  private FenceInfo fenceInfo(FencedCodeBlock block) {
    String info = block.getInfo() == null ? "" : block.getInfo();
    try {
      return FenceInfo.parse(info);
    } catch (IllegalArgumentException e) {
      String language = info.strip().split("\\s+", 2)[0];
      return new FenceInfo(language, Set.of(), Map.of());
    }
  }
}
