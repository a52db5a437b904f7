package securechat.app.guide;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import securechat.core.cli.ConfigException;

/**
 * Renders the lab guide (a folder of Markdown: {@code README.md} and chapters {@code 00-setup.md},
 * {@code 01-plain.md}...) into a folder of HTML that needs nothing else: open {@code index.html}
 * from a USB stick, publish it on a web server, or print it.
 *
 * <pre>
 *   GuideRenderer renderer = new GuideRenderer(labHome.resolve("lab-guide"));
 *   GuideRenderer.Result result = renderer.render(Path.of("lab-data/guide"));
 *   result.index();     // lab-data/guide/index.html
 * </pre>
 *
 * <p>Every chapter becomes a page; every Markdown file a page links to (in the guide or in the
 * project around it) becomes a page too, and every other file it links to is copied, so that no
 * link leaves the folder except links to the web. The output depends only on the input: no date, no
 * random order, so that rendering twice gives the same bytes and a published copy changes only when
 * the guide does. Files from an earlier rendering that are no longer produced stay (the renderer
 * never deletes in a folder the user named).
 */
public final class GuideRenderer {
  /** A chapter's file name: a number, a dash, a name ({@code 05-attacks.md}). */
  private static final Pattern CHAPTER = Pattern.compile("\\d+-[^/]+\\.md");

  /** What was written: the index page, and how many chapters it lists (the index not counted). */
  public record Result(Path index, int chapters) {}

  private final Path guide;
  private final GuidePaths paths;

  /** {@code guide}: the folder holding {@code README.md} and the chapters. */
  public GuideRenderer(Path guide) {
    this.guide = guide;
    this.paths = new GuidePaths(guide);
  }

  /** Writes the HTML folder {@code out}, made if needed; files in it are replaced. */
  public Result render(Path out) throws ConfigException, IOException {
    List<Page> chapters = readChapters();
    prepare(out);
    PageTemplate template = new PageTemplate(chapters);
    Deque<Page> pending = new ArrayDeque<>(chapters);
    Set<Path> seen = new HashSet<>(chapters.stream().map(Page::source).toList());
    Set<Path> files = new TreeSet<>();
    while (!pending.isEmpty()) {
      Page page = pending.removeFirst();
      write(out.resolve(page.output()), template.render(page));
      files.addAll(page.linkedFiles());
      for (Path linked : page.linkedPages()) {
        if (seen.add(linked)) {
          pending.addLast(Page.read(linked, paths));
        }
      }
    }
    for (Path file : files) {
      copy(file, out.resolve(paths.outputOf(file).orElseThrow()));
    }
    writeStylesheet(out.resolve(PageTemplate.STYLESHEET));
    return new Result(out.resolve("index.html"), chapters.size() - 1);
  }

  /** The index, then every chapter in the order of their numbers. */
  private List<Page> readChapters() throws ConfigException, IOException {
    if (!Files.isDirectory(guide)) {
      throw new ConfigException("no lab guide at " + guide + ": there is no such folder");
    }
    Path index = guide.resolve("README.md");
    if (!Files.isRegularFile(index)) {
      throw new ConfigException("no lab guide at " + guide + ": it has no README.md");
    }
    List<Page> chapters = new ArrayList<>();
    for (Path file : chapters(guide)) {
      chapters.add(Page.read(file, paths));
    }
    return chapters;
  }

  /** The guide's Markdown files in reading order: {@code README.md}, then the numbered chapters. */
  public static List<Path> chapters(Path guide) throws IOException {
    List<Path> files = new ArrayList<>();
    files.add(guide.resolve("README.md"));
    try (Stream<Path> all = Files.list(guide)) {
      all.filter(file -> CHAPTER.matcher(file.getFileName().toString()).matches())
          .sorted()
          .forEach(files::add);
    }
    return files;
  }

  /** Makes the output folder, or says in one line why it cannot be written. */
  private static void prepare(Path out) throws ConfigException {
    String cannot = "cannot write the guide to " + out + ": ";
    try {
      Files.createDirectories(out);
    } catch (FileAlreadyExistsException e) {
      throw new ConfigException(cannot + e.getFile() + " is a file, not a folder");
    } catch (AccessDeniedException e) {
      throw new ConfigException(cannot + "permission denied on " + e.getFile());
    } catch (FileSystemException e) {
      throw new ConfigException(cannot + (e.getReason() != null ? e.getReason() : e.getFile()));
    } catch (IOException e) {
      throw new ConfigException(cannot + e.getMessage());
    }
    if (!Files.isWritable(out)) {
      throw new ConfigException(cannot + "permission denied");
    }
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to.getParent());
    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
  }

  private static void writeStylesheet(Path file) throws IOException {
    try (InputStream css = GuideRenderer.class.getResourceAsStream(PageTemplate.STYLESHEET)) {
      if (css == null) {
        throw new IllegalStateException(PageTemplate.STYLESHEET + " is missing from lab.jar");
      }
      Files.write(file, css.readAllBytes());
    }
  }
}
