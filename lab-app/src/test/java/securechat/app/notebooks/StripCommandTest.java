package securechat.app.notebooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lab notebooks strip} and {@code strip --check} on a lab folder with notebooks in it. */
class StripCommandTest {
  @TempDir Path labHome;
  private NotebooksCli cli;
  private Path notebooks;

  @BeforeEach
  void aLabWithOneExecutedAndOneStrippedNotebook() throws Exception {
    NotebooksCli.fakeLab(labHome);
    notebooks = labHome.resolve("notebooks");
    Files.copy(
        NotebooksCli.resource("strip/executed.ipynb"), notebooks.resolve("01-executed.ipynb"));
    Files.copy(
        NotebooksCli.resource("strip/executed.stripped.ipynb"),
        notebooks.resolve("02-clean.ipynb"));
    cli = new NotebooksCli(Map.of(), labHome);
  }

  @Test
  void checkNamesTheNotebookWithOutputsAndChangesNothing() throws Exception {
    byte[] before = Files.readAllBytes(notebooks.resolve("01-executed.ipynb"));

    assertThat(cli.run("strip", "--check")).isEqualTo(1);

    assertThat(cli.out.toString())
        .isEqualTo(
            "  notebooks/01-executed.ipynb: has outputs or execution counts\n"
                + "  notebooks/02-clean.ipynb: stripped already\n");
    assertThat(cli.err.toString())
        .isEqualTo(
            "error: not stripped: notebooks/01-executed.ipynb\n"
                + "hint: run ./lab notebooks strip, then commit the notebooks\n");
    assertThat(Files.readAllBytes(notebooks.resolve("01-executed.ipynb"))).isEqualTo(before);
  }

  @Test
  void stripRewritesOnlyTheNotebookWithOutputsThenCheckPasses() throws Exception {
    assertThat(cli.run("strip")).isZero();

    assertThat(cli.out.toString())
        .isEqualTo(
            "  notebooks/01-executed.ipynb: stripped\n"
                + "  notebooks/02-clean.ipynb: stripped already\n");
    assertThat(Files.readString(notebooks.resolve("01-executed.ipynb"), StandardCharsets.UTF_8))
        .isEqualTo(Files.readString(notebooks.resolve("02-clean.ipynb"), StandardCharsets.UTF_8));
    assertThat(cli.run("strip", "--check")).isZero();
    assertThat(cli.err.toString()).isEmpty();
  }

  @Test
  void checkAlsoFailsForANotebookWrittenDifferentlyFromJupyter() throws Exception {
    Path clean = notebooks.resolve("02-clean.ipynb");
    Files.writeString(clean, Files.readString(clean).replace("\n ", "\n  ").strip());

    assertThat(cli.run("strip", "--check", "02-clean")).isEqualTo(1);

    assertThat(cli.out.toString()).contains("02-clean.ipynb: is not written the way Jupyter");
  }

  @Test
  void aNotebookNamedByPathOutsideTheLabIsStrippedToo(@TempDir Path elsewhere) throws Exception {
    Path file = Files.copy(notebooks.resolve("01-executed.ipynb"), elsewhere.resolve("x.ipynb"));

    assertThat(cli.run("strip", file.toString())).isZero();

    assertThat(cli.out.toString()).isEqualTo("  " + file + ": stripped\n");
  }

  @Test
  void brokenJsonIsOneLineNamingTheFile() throws Exception {
    Files.writeString(notebooks.resolve("03-broken.ipynb"), "{\"cells\": [\n");

    assertThat(cli.run("strip", "03-broken")).isEqualTo(1);

    assertThat(cli.err.toString())
        .startsWith("error: " + notebooks.resolve("03-broken.ipynb") + " is not valid JSON: ")
        .contains("(line ")
        .hasLineCount(1);
  }

  @Test
  void anUnknownNameListsTheNotebooks() {
    assertThat(cli.run("strip", "nope")).isEqualTo(1);

    assertThat(cli.err.toString())
        .isEqualTo(
            "error: no notebook 'nope' in "
                + notebooks
                + "\nhint: the notebooks are: [01-executed.ipynb, 02-clean.ipynb]\n");
  }

  @Test
  void noNotebooksYetIsNotAnError() throws Exception {
    Files.delete(notebooks.resolve("01-executed.ipynb"));
    Files.delete(notebooks.resolve("02-clean.ipynb"));

    assertThat(cli.run("strip", "--check")).isZero();

    assertThat(cli.out.toString())
        .isEqualTo("no notebooks: " + notebooks + " holds no .ipynb file yet\n");
  }
}
