package securechat.app.guide;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;

/**
 * Rewrites the relative links and images of one page so that they work in the HTML folder: {@code
 * 05-attacks.md#replay} becomes {@code 05-attacks.html#replay}, {@code ../docs/protocol.md} becomes
 * {@code project/docs/protocol.html}, and a link to a folder goes to its {@code README.md}. It
 * notes every Markdown page and every other file it links to, so that the renderer renders and
 * copies them.
 *
 * <p>Links to the web, to an anchor on the same page, and to files that do not exist or lie outside
 * the project are left exactly as written: the guide's link test then reports the broken ones.
 */
final class PageLinks extends AbstractVisitor {
  /** {@code https:}, {@code mailto:}...: RFC 3986 §3.1, a scheme is a letter, then these. */
  private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

  private final GuidePaths paths;
  private final Path source;
  private final String output;
  private final Set<Path> pages = new TreeSet<>();
  private final Set<Path> files = new TreeSet<>();

  private PageLinks(GuidePaths paths, Path source, String output) {
    this.paths = paths;
    this.source = source.toAbsolutePath().normalize();
    this.output = output;
  }

  /**
   * Rewrites the links of {@code document}, read from {@code source}, written to {@code output}.
   */
  static PageLinks rewrite(Node document, Path source, String output, GuidePaths paths) {
    PageLinks links = new PageLinks(paths, source, output);
    document.accept(links);
    return links;
  }

  /** The Markdown files this page links to, absolute. */
  Set<Path> pages() {
    return pages;
  }

  /** The other files (images, sources, captures) this page links to, absolute. */
  Set<Path> files() {
    return files;
  }

  @Override
  public void visit(Link link) {
    link.setDestination(rewrite(link.getDestination()));
    visitChildren(link);
  }

  @Override
  public void visit(Image image) {
    image.setDestination(rewrite(image.getDestination()));
    visitChildren(image);
  }

  private String rewrite(String destination) {
    if (destination.isEmpty()
        || destination.startsWith("#")
        || destination.startsWith("//")
        || SCHEME.matcher(destination).find()) {
      return destination;
    }
    int hash = destination.indexOf('#');
    String path = hash < 0 ? destination : destination.substring(0, hash);
    String fragment = hash < 0 ? "" : destination.substring(hash);
    Optional<Path> target = existingTarget(path);
    Optional<String> targetOutput = target.flatMap(paths::outputOf);
    if (targetOutput.isEmpty()) {
      return destination;
    }
    (GuidePaths.isMarkdown(target.get()) ? pages : files).add(target.get());
    return GuidePaths.link(output, targetOutput.get()) + fragment;
  }

  /** The file a relative link points to, if it exists; a folder stands for its README.md. */
  private Optional<Path> existingTarget(String path) {
    Path target;
    try {
      // A link is a URL: %20 is a space. "+" is a plus in a path, so keep URLDecoder off it.
      String decoded = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
      target = source.getParent().resolve(decoded).normalize();
    } catch (IllegalArgumentException e) { // a bad %-escape, or InvalidPathException
      return Optional.empty();
    }
    if (Files.isDirectory(target)) {
      target = target.resolve("README.md");
    }
    return Files.isRegularFile(target) ? Optional.of(target) : Optional.empty();
  }
}
