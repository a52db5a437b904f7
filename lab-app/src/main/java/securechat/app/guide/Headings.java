package securechat.app.guide;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.renderer.html.AttributeProvider;

/**
 * The headings of one page: the page's title (its first heading), an {@code id} for every heading,
 * and the table of contents. The ids are GitHub's ("Step 1: talk" is {@code #step-1-talk}, a second
 * one {@code #step-1-talk-1}), so that a link written for GitHub, {@code 05-attacks.md#questions},
 * finds the same heading in the HTML folder.
 *
 * <p>Ids are computed once, here, and given to the renderer as an {@link AttributeProvider}, so the
 * contents and the headings cannot disagree.
 */
final class Headings {
  /** The levels listed in a page's contents: sections and subsections, not the title. */
  private static final int FIRST_LISTED = 2;

  private static final int LAST_LISTED = 3;

  /** One line of the contents. */
  record Entry(int level, String text, String id) {}

  private final Map<Heading, String> ids = new IdentityHashMap<>();
  private final List<Entry> contents = new ArrayList<>();
  private String title;

  private Headings() {}

  /** Finds every heading of {@code document}, in order. */
  static Headings of(Node document) {
    Headings headings = new Headings();
    IdGenerator idGenerator = IdGenerator.builder().build();
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Heading heading) {
            headings.add(heading, idGenerator);
          }
        });
    return headings;
  }

  private void add(Heading heading, IdGenerator idGenerator) {
    String text = textOf(heading);
    String id = idGenerator.generateId(text);
    ids.put(heading, id);
    if (title == null) {
      title = text;
    }
    if (heading.getLevel() >= FIRST_LISTED && heading.getLevel() <= LAST_LISTED) {
      contents.add(new Entry(heading.getLevel(), text, id));
    }
  }

  /** The text of the first heading, if the page has one. */
  Optional<String> title() {
    return Optional.ofNullable(title);
  }

  /** The headings a reader jumps to: levels 2 and 3, in page order. */
  List<Entry> contents() {
    return List.copyOf(contents);
  }

  /** Gives every heading its id when the page is rendered. */
  AttributeProvider idProvider() {
    return (node, tagName, attributes) -> {
      if (node instanceof Heading heading && ids.containsKey(heading)) {
        attributes.put("id", ids.get(heading));
      }
    };
  }

  /** What a reader sees of a heading: its words and code, without markup. */
  private static String textOf(Node node) {
    StringBuilder text = new StringBuilder();
    for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
      switch (child) {
        case Text t -> text.append(t.getLiteral());
        case Code c -> text.append(c.getLiteral());
        case SoftLineBreak b -> text.append(' ');
        case HtmlInline tag -> {} // <br>, <kbd>: markup, not words
        default -> text.append(textOf(child));
      }
    }
    return text.toString();
  }
}
