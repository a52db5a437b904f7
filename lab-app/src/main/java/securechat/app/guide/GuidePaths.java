package securechat.app.guide;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Where each source file goes in the HTML folder. The guide's own files keep their names, Markdown
 * becoming HTML ({@code 01-plain.md} becomes {@code 01-plain.html}, {@code README.md} becomes
 * {@code index.html}, {@code img/x.png} stays {@code img/x.png}). Files of the project around the
 * guide that a chapter links to ({@code ../docs/protocol.md}) go under {@code project/}, at their
 * path in the project ({@code project/docs/protocol.html}), so that the folder holds everything it
 * links to and can be copied anywhere.
 *
 * <p>Output paths are relative to the output folder and always use {@code /}, as URLs do.
 */
final class GuidePaths {
  /** The folder in the output that holds linked files from outside the guide. */
  static final String PROJECT = "project";

  private final Path guide;
  private final Path project;

  /** {@code guide} is the Markdown folder; its parent folder is the project it belongs to. */
  GuidePaths(Path guide) {
    this.guide = guide.toAbsolutePath().normalize();
    this.project = this.guide.getParent() == null ? this.guide : this.guide.getParent();
  }

  /** The guide's folder, absolute. */
  Path guide() {
    return guide;
  }

  /**
   * Where {@code source} goes in the output, or empty for a file outside the project (which is
   * never copied: a guide cannot pull arbitrary files from the machine into a published folder).
   */
  Optional<String> outputOf(Path source) {
    Path file = source.toAbsolutePath().normalize();
    if (file.equals(guide.resolve("README.md"))) {
      return Optional.of("index.html");
    }
    if (file.startsWith(guide)) {
      return Optional.of(asHtml(slashes(guide.relativize(file))));
    }
    if (file.startsWith(project)) {
      return Optional.of(PROJECT + "/" + asHtml(slashes(project.relativize(file))));
    }
    return Optional.empty();
  }

  /** The link from the page at output path {@code from} to output path {@code to}, URL-encoded. */
  static String link(String from, String to) {
    Path fromFolder = Path.of(from).getParent();
    Path relative = (fromFolder == null ? Path.of("") : fromFolder).relativize(Path.of(to));
    return encode(slashes(relative));
  }

  static boolean isMarkdown(Path file) {
    return file.getFileName() != null && file.getFileName().toString().endsWith(".md");
  }

  private static String asHtml(String path) {
    return path.endsWith(".md") ? path.substring(0, path.length() - 3) + ".html" : path;
  }

  private static String slashes(Path path) {
    return path.toString().replace(path.getFileSystem().getSeparator(), "/");
  }

  /** Percent-encodes what may not stand in a URL path (a space in a file name, say). */
  private static String encode(String path) {
    StringBuilder url = new StringBuilder();
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (c < 0x80 && (Character.isLetterOrDigit(c) || "/-._~".indexOf(c) >= 0)) {
        url.append(c);
      } else {
        url.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
      }
    }
    return url.toString();
  }
}
