package securechat.app.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import securechat.app.Lab;
import securechat.app.LabHome;

/** {@code lab guide} as a student types it: one line of output, one line per error. */
class GuideCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @TempDir Path temp;

  private int run(String... args) {
    CommandLine lab = Lab.commandLine(new ByteArrayInputStream(new byte[0]));
    return lab.setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
  }

  @Test
  void printsWhereTheIndexIsAndHowManyChapters() throws IOException {
    Path site = temp.resolve("site");

    assertThat(run("guide", "--out", site.toString())).isZero();

    Path index = site.resolve("index.html").toAbsolutePath();
    assertThat(out.toString())
        .isEqualTo("lab guide: " + chapterCount() + " chapters, open " + index + "\n");
    assertThat(err.toString()).isEmpty();
    assertThat(index).isRegularFile();
  }

  @Test
  void aMissingSourceIsOneLineAndExitStatus1() {
    Path missing = temp.resolve("no-guide");

    assertThat(run("guide", "--source", missing.toString(), "--out", temp.toString())).isEqualTo(1);

    assertThat(err.toString())
        .isEqualTo("error: no lab guide at " + missing + ": there is no such folder\n");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void anOutputFolderThatIsAFileIsOneLineAndExitStatus1() throws IOException {
    Path file = Files.writeString(temp.resolve("taken"), "not a folder");

    assertThat(run("guide", "--out", file.toString())).isEqualTo(1);

    assertThat(err.toString())
        .isEqualTo(
            "error: cannot write the guide to "
                + file
                + ": "
                + file
                + " is a file, not a folder\n");
  }

  @Test
  void theLabListsTheCommand() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("guide");
    assertThat(run("guide", "--help")).isZero();
    assertThat(out.toString()).contains("--out=DIR", "--source=DIR", "--open", "lab-data/guide");
  }

  private static long chapterCount() throws IOException {
    try (Stream<Path> files = Files.list(LabHome.find().resolve("lab-guide"))) {
      return files.filter(file -> file.getFileName().toString().matches("\\d+-.+\\.md")).count();
    }
  }

  @Test
  void checkRunsTheChosenChaptersCommandsAndKeepsTheFolderOfAFailedOne() throws IOException {
    Path guide = Files.createDirectories(temp.resolve("guide"));
    Files.writeString(guide.resolve("README.md"), "# Guide\n");
    Files.writeString(
        guide.resolve("01-works.md"), "# One\n```bash runnable expect=hello\necho hello\n```\n");
    Files.writeString(
        guide.resolve("02-broken.md"), "# Two\n```bash runnable\nls no-such-file\n```\n");

    assertThat(run("guide", "--check", "--source", guide.toString(), "01-works.md")).isZero();
    assertThat(out.toString())
        .contains("01-works.md: 1 run, 0 failed, 0 not run")
        .endsWith("lab guide: every command works\n")
        .doesNotContain("02-broken");

    out.getBuffer().setLength(0);
    assertThat(run("guide", "--check", "--source", guide.toString())).isEqualTo(1);
    assertThat(out.toString())
        .contains("FAILED")
        .contains("02-broken.md:2")
        .contains("exit status 2, expected 0")
        .contains("no-such-file")
        .contains("its folder is kept: ")
        .endsWith("lab guide: some commands failed\n");
  }

  @Test
  void chaptersAreNamedOnlyWithCheck() {
    assertThat(run("guide", "01-plain.md")).isEqualTo(1);
    assertThat(err.toString()).isEqualTo("error: chapters are named only with --check\n");
  }
}
