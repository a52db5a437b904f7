package securechat.app.notebooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import securechat.app.notebooks.RunFailure.Kind;

/**
 * The two lines {@code lab notebooks run} shows for a failure, read from nbconvert's real output
 * ({@code src/test/resources/nbconvert-output/README.md} says where each file comes from).
 */
class RunFailureTest {
  private static RunFailure read(String log) throws Exception {
    String output =
        Files.readString(NotebooksCli.resource("nbconvert-output/" + log), StandardCharsets.UTF_8);
    return RunFailure.fromNbconvertOutput(output, 1);
  }

  @Test
  void aThrownExceptionGivesTheCellAndTheJavaException() throws Exception {
    assertThat(read("cell-error.log"))
        .isEqualTo(
            new RunFailure(
                Kind.CELL_ERROR,
                "if (keySizeBytes != 32) {",
                "java.lang.IllegalStateException: key must be 32 bytes, not 31"));
  }

  @Test
  void aCompileErrorGivesTheCompilersSentence() throws Exception {
    assertThat(read("compile-error.log"))
        .isEqualTo(
            new RunFailure(
                Kind.CELL_ERROR,
                "int y = \"text\";",
                "compile error: incompatible types: java.lang.String cannot be converted to int"));
  }

  @Test
  void aFailedMagicGivesItsMessage() throws Exception {
    assertThat(read("magic-error.log"))
        .isEqualTo(
            new RunFailure(
                Kind.CELL_ERROR,
                "%jar ../nosuchdir",
                "MagicEvalException: Provided path does not exist:/tmp/nbcmd-nb/../nosuchdir"));
  }

  @Test
  void aTimeoutGivesTheCellAndTheLimit() throws Exception {
    assertThat(read("cell-timeout.log"))
        .isEqualTo(
            new RunFailure(
                Kind.CELL_TIMEOUT,
                "var neverCountedDown = new java.util.concurrent.CountDownLatch(1);",
                "the cell did not finish within 5 s (--timeout)"));
  }

  @Test
  void aMissingKernelIsThePythonExceptionWithoutItsModule() throws Exception {
    assertThat(read("no-such-kernel.log"))
        .isEqualTo(
            new RunFailure(Kind.OTHER, "", "NoSuchKernel: No such kernel named no-such-kernel"));
  }

  @Test
  void aKernelThatNeverAnsweredIsWorthAnotherTry() throws Exception {
    assertThat(read("kernel-did-not-start.log"))
        .isEqualTo(
            new RunFailure(
                Kind.KERNEL_DID_NOT_START,
                "",
                "RuntimeError: Kernel didn't respond in 60 seconds"));
  }

  @Test
  void aLongCellIsPreviewedAsAPythonListAndItsFirstLineIsShown() {
    String output =
        """
        nbclient.exceptions.CellTimeoutError: A cell timed out while it was being executed, \
        after 7 seconds.
        The message was: Cell execution timed out.
        Here is a preview of the cell contents:
        -------------------
        ['var it\\'s = 1;', 'b', 'c', 'd', 'e']
        ...
        ['g', 'h', 'i', 'j', 'k']
        -------------------
        """;

    assertThat(RunFailure.fromNbconvertOutput(output, 1))
        .isEqualTo(
            new RunFailure(
                Kind.CELL_TIMEOUT,
                "var it's = 1;",
                "the cell did not finish within 7 s (--timeout)"));
  }

  @Test
  void noOutputAtAllStillGivesASentence() {
    assertThat(RunFailure.fromNbconvertOutput("\n\n", 137).message())
        .isEqualTo("jupyter-nbconvert exited with status 137");
  }
}
