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
}
