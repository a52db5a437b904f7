package securechat.app.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import securechat.app.LabHome;
import securechat.core.cli.ConfigException;

/**
 * {@code lab guide}'s rendering: first the real guide, which must stay whole (every chapter a page,
 * every link and anchor leading somewhere, nothing from the web), then a small made-up guide that
 * shows each rule on its own.
 */
class GuideRendererTest {
  private static final Path REAL_GUIDE = LabHome.find().resolve("lab-guide");

  /** The opening tags of a code block, as {@link CodeBlockRenderer} may write them and no other. */
  private static final Pattern CODE_BLOCK = Pattern.compile("<pre[^>]*>(<code[^>]*>)?");

  private static final Pattern ALLOWED_CODE_BLOCK =
      Pattern.compile(
          "<pre( class=\"checked\" title=\""
              + CodeBlockRenderer.CHECKED
              + "\")?>"
              + "<code( class=\"language-[A-Za-z0-9_+-]+\")?>");

  @TempDir Path out;

  @Test
  void everyChapterOfTheRealGuideHasAPage() throws Exception {
    GuideRenderer.Result result = new GuideRenderer(REAL_GUIDE).render(out);

    List<String> chapters = chapterNames(REAL_GUIDE);
    assertThat(chapters).isNotEmpty();
    assertThat(result.chapters()).isEqualTo(chapters.size());
    assertThat(result.index()).isEqualTo(out.resolve("index.html")).isRegularFile();
    for (String chapter : chapters) {
      assertThat(out.resolve(chapter.replace(".md", ".html"))).as(chapter).isRegularFile();
    }
  }

  @Test
  void everyLinkAndAnchorInTheRealGuideLeadsSomewhere() throws Exception {
    new GuideRenderer(REAL_GUIDE).render(out);

    assertThat(new HtmlFolder(out).brokenLinks())
        .as("links that lead nowhere in the rendered guide (page: link)")
        .isEmpty();
  }

  @Test
  void theRealGuideLoadsNothingFromTheWeb() throws Exception {
    new GuideRenderer(REAL_GUIDE).render(out);

    new HtmlFolder(out)
        .pages()
        .forEach(
            (name, html) ->
                assertThat(HtmlFolder.WEB_RESOURCE.matcher(html).find())
                    .as("%s loads a resource from the web", name)
                    .isFalse());
    String css = Files.readString(out.resolve(PageTemplate.STYLESHEET), StandardCharsets.UTF_8);
    assertThat(css).doesNotContain("@import", "url(", "http:", "https:");
  }

  @Test
  void theWebCheckTellsAResourceFromALink() {
    assertThat(HtmlFolder.WEB_RESOURCE.matcher("<img src=\"https://x.org/a.png\">").find())
        .isTrue();
    assertThat(HtmlFolder.WEB_RESOURCE.matcher("<link href=\"//cdn.net/a.css\">").find()).isTrue();
    assertThat(HtmlFolder.WEB_RESOURCE.matcher("<script src='http://x.org/a.js'>").find()).isTrue();
    assertThat(HtmlFolder.WEB_RESOURCE.matcher("<a href=\"https://x.org/\">").find()).isFalse();
    assertThat(HtmlFolder.WEB_RESOURCE.matcher("<img src=\"img/a.png\">").find()).isFalse();
  }

  @Test
  void theRealGuidesCodeBlocksShowOnlyTheirLanguage() throws Exception {
    new GuideRenderer(REAL_GUIDE).render(out);

    new HtmlFolder(out)
        .pages()
        .forEach(
            (name, html) -> {
              Matcher block = CODE_BLOCK.matcher(html);
              while (block.find()) {
                assertThat(block.group()).as(name).matches(ALLOWED_CODE_BLOCK);
              }
            });
  }

  @Test
  void renderingTwiceGivesTheSameBytes(@TempDir Path again) throws Exception {
    new GuideRenderer(REAL_GUIDE).render(out);
    new GuideRenderer(REAL_GUIDE).render(again);

    var first = new HtmlFolder(out).files();
    var second = new HtmlFolder(again).files();
    assertThat(second.keySet()).containsExactlyElementsOf(first.keySet());
    first.forEach((name, bytes) -> assertThat(second.get(name)).as(name).isEqualTo(bytes));
  }

  @Test
  void linksBetweenChaptersAndToTheProjectWorkInTheFolder(@TempDir Path project) throws Exception {
    Path guide = smallGuide(project);

    new GuideRenderer(guide).render(out);

    String intro = read("00-intro.html");
    assertThat(intro)
        .contains("<a href=\"01-next.html#the-wire-step-2\">")
        .contains("<a href=\"project/docs/spec.html#framing\">")
        .contains("<img src=\"img/wire%20diagram.png\"")
        .contains("<a href=\"https://www.rfc-editor.org/rfc/rfc8446\">");
    assertThat(out.resolve("img/wire diagram.png")).hasContent("not really a png");
    assertThat(read("project/docs/spec.html"))
        .contains("<h2 id=\"framing\">Framing</h2>")
        .contains("<a href=\"../../00-intro.html\">");
    assertThat(new HtmlFolder(out).brokenLinks()).isEmpty();
  }

  @Test
  void aBrokenLinkIsLeftAsWrittenSoTheCheckerFindsIt(@TempDir Path project) throws Exception {
    Path guide = smallGuide(project);
    Files.writeString(guide.resolve("02-last.md"), "# Last\n\nSee [later](07-missing.md#x).\n");

    new GuideRenderer(guide).render(out);

    assertThat(new HtmlFolder(out).brokenLinks()).containsExactly("02-last.html: 07-missing.md#x");
  }

  @Test
  void eachPageHasItsTitleTheChaptersContentsAndPreviousNext(@TempDir Path project)
      throws Exception {
    new GuideRenderer(smallGuide(project)).render(out);

    String intro = read("00-intro.html");
    assertThat(intro)
        .contains("<title>Lab 0: intro</title>")
        .contains("<link rel=\"stylesheet\" href=\"guide.css\">")
        .containsSubsequence(
            "<li><a href=\"index.html\">The guide</a></li>",
            "<li><a href=\"00-intro.html\" aria-current=\"page\">Lab 0: intro</a></li>",
            "<li><a href=\"01-next.html\">Lab 1: next</a></li>")
        .contains("<li class=\"level-2\"><a href=\"#first-steps\">First steps</a></li>")
        .contains("<li class=\"level-3\"><a href=\"#details--more\">Details &amp; more</a>")
        .contains("<a href=\"index.html\" rel=\"prev\">← The guide</a>")
        .contains("<a href=\"01-next.html\" rel=\"next\">Lab 1: next →</a>");
    assertThat(read("01-next.html")).doesNotContain("rel=\"next\"");
    assertThat(read("project/docs/spec.html"))
        .contains("<title>The spec</title>")
        .contains("<link rel=\"stylesheet\" href=\"../../guide.css\">")
        .doesNotContain("rel=\"prev\"");
  }

  @Test
  void aRunnableBlockShowsItsLanguageAndAMarkButNotItsSettings(@TempDir Path project)
      throws Exception {
    new GuideRenderer(smallGuide(project)).render(out);

    String next = read("01-next.html");
    assertThat(next)
        .contains(
            "<pre class=\"checked\" title=\"checked by the guide's test\">"
                + "<code class=\"language-bash\">./lab client --stage plain\n</code></pre>")
        .contains("<pre><code class=\"language-sh\">./lab test\n</code></pre>")
        .contains("<pre><code class=\"language-bash\">brew install x\n</code></pre>")
        .contains("<pre><code class=\"language-text\">JOIN alice\n</code></pre>")
        .doesNotContain("runnable", "norun", "expect", "input=", "/quit", "timeout", "brew says")
        .doesNotContain("say &quot;hi&quot;", "unknwn");
  }

  @Test
  void aFolderWithoutAGuideIsRefusedInOneLine(@TempDir Path empty) {
    assertThat(empty.resolve("nothing")).doesNotExist();
    assertThatThrownBy(() -> new GuideRenderer(empty.resolve("nothing")).render(out))
        .isInstanceOf(ConfigException.class)
        .hasMessage("no lab guide at " + empty.resolve("nothing") + ": there is no such folder");
    assertThatThrownBy(() -> new GuideRenderer(empty).render(out))
        .isInstanceOf(ConfigException.class)
        .hasMessage("no lab guide at " + empty + ": it has no README.md");
  }

  private String read(String name) throws IOException {
    return Files.readString(out.resolve(name), StandardCharsets.UTF_8);
  }

  private static List<String> chapterNames(Path guide) throws IOException {
    try (Stream<Path> files = Files.list(guide)) {
      return files
          .map(file -> file.getFileName().toString())
          .filter(name -> name.matches("\\d+-.+\\.md"))
          .sorted()
          .toList();
    }
  }

  /** A project with a three-page guide, an image, and a spec outside the guide. */
  private static Path smallGuide(Path project) throws IOException {
    write(project, "lab-guide/README.md", "# The guide\n\n[Lab 0](00-intro.md)\n");
    write(
        project,
        "lab-guide/00-intro.md",
        """
        # Lab 0: intro

        See [step 2](01-next.md#the-wire-step-2), [framing](../docs/spec.md#framing),
        [TLS 1.3](https://www.rfc-editor.org/rfc/rfc8446) and ![the wire](img/wire%20diagram.png).

        ## First steps

        ### Details & more
        """);
    write(
        project,
        "lab-guide/01-next.md",
        """
        # Lab 1: next

        ## The wire, step 2

        ```bash runnable input="/quit\\n" expect="say \\"hi\\"" timeout=30
        ./lab client --stage plain
        ```

        ```sh
        ./lab test
        ```

        ```bash norun reason="brew says so"
        brew install x
        ```

        ```text unknwn=1
        JOIN alice
        ```
        """);
    write(project, "lab-guide/img/wire diagram.png", "not really a png");
    write(
        project,
        "docs/spec.md",
        "# The spec\n\n## Framing\n\nBack to [the intro](../lab-guide/00-intro.md).\n");
    return project.resolve("lab-guide");
  }

  private static void write(Path project, String name, String text) throws IOException {
    Path file = project.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
