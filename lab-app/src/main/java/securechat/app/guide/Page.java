package securechat.app.guide;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * One Markdown file of the guide, read, its links rewritten for the HTML folder, ready to render: a
 * chapter, the index, or a project file a chapter links to ({@code docs/protocol.md}).
 */
final class Page {
  /** GitHub's tables; the guide uses them for its overviews. */
  private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());

  private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();

  private final Path source;
  private final String output;
  private final Node document;
  private final Headings headings;
  private final PageLinks links;

  private Page(Path source, String output, String markdown, GuidePaths paths) {
    this.source = source;
    this.output = output;
    this.document = PARSER.parse(markdown);
    this.headings = Headings.of(document);
    this.links = PageLinks.rewrite(document, source, output, paths);
  }

  /** Reads {@code source}, which must be a file {@code paths} has a place for. */
  static Page read(Path source, GuidePaths paths) throws IOException {
    Path file = source.toAbsolutePath().normalize();
    String output =
        paths
            .outputOf(file)
            .orElseThrow(() -> new IllegalArgumentException(file + " is outside the project"));
    return new Page(file, output, Files.readString(file, StandardCharsets.UTF_8), paths);
  }

  /** The Markdown file, absolute. */
  Path source() {
    return source;
  }

  /** Where the page goes, relative to the output folder ({@code 01-plain.html}). */
  String output() {
    return output;
  }

  /** Its first heading, or else its file name. */
  String title() {
    return headings.title().orElse(source.getFileName().toString());
  }

  List<Headings.Entry> contents() {
    return headings.contents();
  }

  /** The Markdown pages it links to (absolute paths), which must be rendered too. */
  Set<Path> linkedPages() {
    return links.pages();
  }

  /** The other files it links to (absolute paths), which must be copied. */
  Set<Path> linkedFiles() {
    return links.files();
  }

  /** The page's content as HTML, without the navigation around it. */
  String body() {
    return HtmlRenderer.builder()
        .extensions(EXTENSIONS)
        .attributeProviderFactory(context -> headings.idProvider())
        .nodeRendererFactory(context -> new CodeBlockRenderer(context))
        .build()
        .render(document);
  }
}
