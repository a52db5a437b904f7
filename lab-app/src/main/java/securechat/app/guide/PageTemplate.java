package securechat.app.guide;

import java.util.List;

/**
 * The HTML around a page's content: its title, the one stylesheet, the list of chapters, the page's
 * contents, and links to the previous and next chapter. Nothing is loaded from the web (no fonts,
 * no scripts), so the folder works offline in a classroom and prints cleanly.
 *
 * <pre>
 *   nav.chapters    index + every chapter, in order; the current one marked
 *   main
 *     nav.contents  the page's sections (levels 2 and 3), when it has any
 *     (the page)
 *     nav.pager     previous / next chapter
 * </pre>
 */
final class PageTemplate {
  /** The stylesheet's name in the output folder. */
  static final String STYLESHEET = "guide.css";

  private final List<Page> chapters;

  /** {@code chapters}: the index first, then every chapter, in reading order. */
  PageTemplate(List<Page> chapters) {
    this.chapters = List.copyOf(chapters);
  }

  /** The whole HTML file for {@code page}. */
  String render(Page page) {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(escape(page.title()))
        .append("</title>\n")
        .append(linkTag(page))
        .append("</head>\n<body>\n");
    chapterList(page, html);
    html.append("<main>\n");
    contents(page, html);
    html.append(page.body());
    pager(page, html);
    html.append("</main>\n</body>\n</html>\n");
    return html.toString();
  }

  private static String linkTag(Page page) {
    return "<link rel=\"stylesheet\" href=\""
        + GuidePaths.link(page.output(), STYLESHEET)
        + "\">\n";
  }

  private void chapterList(Page page, StringBuilder html) {
    html.append("<nav class=\"chapters\" aria-label=\"Chapters\">\n<ol>\n");
    for (Page chapter : chapters) {
      String current = chapter == page ? " aria-current=\"page\"" : "";
      html.append("<li>").append(link(page, chapter, current, chapter.title())).append("</li>\n");
    }
    html.append("</ol>\n</nav>\n");
  }

  private static void contents(Page page, StringBuilder html) {
    if (page.contents().isEmpty()) {
      return;
    }
    html.append("<nav class=\"contents\" aria-label=\"On this page\">\n")
        .append("<p>On this page</p>\n<ul>\n");
    for (Headings.Entry entry : page.contents()) {
      html.append("<li class=\"level-")
          .append(entry.level())
          .append("\"><a href=\"#")
          .append(escape(entry.id()))
          .append("\">")
          .append(escape(entry.text()))
          .append("</a></li>\n");
    }
    html.append("</ul>\n</nav>\n");
  }

  /** Previous and next in reading order; a page that is not a chapter has neither. */
  private void pager(Page page, StringBuilder html) {
    int at = chapters.indexOf(page);
    if (at < 0) {
      return;
    }
    html.append("<nav class=\"pager\" aria-label=\"Previous and next\">\n");
    if (at > 0) {
      Page previous = chapters.get(at - 1);
      html.append(link(page, previous, " rel=\"prev\"", "← " + previous.title())).append('\n');
    }
    if (at + 1 < chapters.size()) {
      Page next = chapters.get(at + 1);
      html.append(link(page, next, " rel=\"next\"", next.title() + " →")).append('\n');
    }
    html.append("</nav>\n");
  }

  private static String link(Page from, Page to, String attributes, String text) {
    return "<a href=\""
        + GuidePaths.link(from.output(), to.output())
        + "\""
        + attributes
        + ">"
        + escape(text)
        + "</a>";
  }

  /** HTML's five special characters, for text and attribute values alike. */
  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
