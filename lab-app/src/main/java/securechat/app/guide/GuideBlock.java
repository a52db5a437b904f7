package securechat.app.guide;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * One fenced code block of a lab guide chapter, with where it is, so that a failure can say {@code
 * 01-plain.md:42}.
 *
 * @param chapter the chapter's file name, e.g. {@code 01-plain.md}
 * @param line the line of the opening fence (1 = first line)
 * @param info what the fence's info string says (language, how to run it)
 * @param script the block's text: the commands
 */
public record GuideBlock(String chapter, int line, FenceInfo info, String script) {

  /** Where the block is, as {@code 01-plain.md:42}. */
  public String where() {
    return chapter + ":" + line;
  }

  /** The blocks of {@code markdown} in order; a fence with a bad info string is an error. */
  public static List<GuideBlock> in(Path markdown) throws IOException {
    String text = Files.readString(markdown, StandardCharsets.UTF_8);
    String chapter = markdown.getFileName().toString();
    Parser parser = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build();
    List<GuideBlock> blocks = new ArrayList<>();
    parser
        .parse(text)
        .accept(
            new AbstractVisitor() {
              @Override
              public void visit(FencedCodeBlock block) {
                int line = block.getSourceSpans().get(0).getLineIndex() + 1;
                FenceInfo info;
                try {
                  info = FenceInfo.parse(block.getInfo());
                } catch (IllegalArgumentException e) {
                  throw new IllegalArgumentException(chapter + ":" + line + ": " + e.getMessage());
                }
                blocks.add(new GuideBlock(chapter, line, info, block.getLiteral()));
              }
            });
    return blocks;
  }
}
