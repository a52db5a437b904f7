package securechat.app.guide;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A rendered guide read back as a browser would follow it: the link checker that keeps the guide
 * from rotting. Every {@code href} and {@code src} that is not a web address must name a file in
 * the folder, and its {@code #fragment} an {@code id} in that file. Regular expressions suffice
 * because the HTML is ours: commonmark and {@link PageTemplate} quote every attribute.
 */
final class HtmlFolder {
  private static final Pattern LINK = Pattern.compile("\\s(href|src)=(\"([^\"]*)\"|'([^']*)')");
  private static final Pattern ID = Pattern.compile("\\sid=\"([^\"]*)\"");
  private static final Pattern WEB = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*:|//)");

  /** A tag other than {@code <a>} whose src, href... loads something from another host. */
  static final Pattern WEB_RESOURCE =
      Pattern.compile(
          "<(?!a[\\s>])[a-zA-Z][^>]*\\s(src|href|srcset|poster|data)=[\"']?\\s*(https?:)?//",
          Pattern.CASE_INSENSITIVE);

  private final Path root;

  HtmlFolder(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /** Every file, by its path relative to the folder ({@code project/docs/protocol.html}). */
  TreeMap<String, byte[]> files() {
    TreeMap<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  /** The HTML pages, by relative path, as text. */
  TreeMap<String, String> pages() {
    TreeMap<String, String> pages = new TreeMap<>();
    files()
        .forEach(
            (name, bytes) -> {
              if (name.endsWith(".html")) {
                pages.put(name, new String(bytes, StandardCharsets.UTF_8));
              }
            });
    return pages;
  }

  /** Each link that leads nowhere, as "page: link". Web links are not followed. */
  List<String> brokenLinks() {
    List<String> broken = new ArrayList<>();
    pages()
        .forEach(
            (name, html) -> {
              Matcher link = LINK.matcher(html);
              while (link.find()) {
                String url = (link.group(3) != null ? link.group(3) : link.group(4));
                url = url.replace("&amp;", "&");
                if (!WEB.matcher(url).find() && !resolves(root.resolve(name), url)) {
                  broken.add(name + ": " + url);
                }
              }
            });
    return broken;
  }

  private boolean resolves(Path page, String url) {
    int hash = url.indexOf('#');
    String path = hash < 0 ? url : url.substring(0, hash);
    String fragment = hash < 0 ? "" : decode(url.substring(hash + 1));
    Path target = path.isEmpty() ? page : page.getParent().resolve(decode(path)).normalize();
    if (!target.startsWith(root) || !Files.isRegularFile(target)) {
      return false;
    }
    return fragment.isEmpty()
        || !target.toString().endsWith(".html")
        || idsOf(target).contains(fragment);
  }

  private static Set<String> idsOf(Path page) {
    Set<String> ids = new HashSet<>();
    try {
      Matcher id = ID.matcher(Files.readString(page, StandardCharsets.UTF_8));
      while (id.find()) {
        ids.add(id.group(1).replace("&amp;", "&"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ids;
  }

  private static String decode(String urlPart) {
    return URLDecoder.decode(urlPart.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
