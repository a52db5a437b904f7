package securechat.app.notebooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import securechat.app.Lab;

/**
 * The notebooks with real Jupyter, through {@code lab notebooks} as a user types it: every notebook
 * in {@code notebooks/} must run without a cell error (what CI checks), and the committed ones must
 * be stripped. Fixtures in {@code src/test/resources/notebooks/} show that the lab's jars load, and
 * that a throwing cell and a cell that never ends are reported instead of hung on.
 *
 * <p>Needs {@code jupyter-nbconvert} (Debian: {@code jupyter-nbconvert python3-nbclient}). Without
 * it these tests are skipped, except in CI ({@code CI=true}), where {@code .ci/run} installs it and
 * its absence is a failure.
 */
class NotebooksIT {
  @TempDir Path out;
  private final StringWriter stdout = new StringWriter();
  private final StringWriter stderr = new StringWriter();

  private int lab(String... args) {
    CommandLine lab = Lab.commandLine(new ByteArrayInputStream(new byte[0]));
    int status =
        lab.setOut(new PrintWriter(stdout, true))
            .setErr(new PrintWriter(stderr, true))
            .execute(args);
    // In the build's log: which notebooks ran and how long each took.
    System.out.print(stdout);
    System.err.print(stderr);
    return status;
  }

  private String output() {
    return stdout + "" + stderr;
  }

  private static void assumeJupyterNbconvert() {
    boolean installed = Jupyter.ofThisProcess().program("jupyter-nbconvert").isPresent();
    if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(
          "jupyter-nbconvert is not on the PATH, and CI must run the notebooks (.ci/run installs it)");
    }
    assumeTrue(
        installed,
        "jupyter-nbconvert is not installed, so the notebooks were not run"
            + " (Debian/Ubuntu: sudo apt-get install jupyter-nbconvert python3-nbclient)");
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.MINUTES)
  void everyNotebookRunsWithoutACellError() {
    assumeJupyterNbconvert();

    int status = lab("notebooks", "run", "--out", out.toString());

    assertThat(status).as(output()).isZero();
    assertThat(stdout.toString()).containsAnyOf("without an error", "no notebooks to run");
  }

  @Test
  void theCommittedNotebooksAreStripped() {
    assertThat(lab("notebooks", "strip", "--check")).as(output()).isZero();
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void aNotebookLoadsTheLabsJarsDrawsAndRuns() throws Exception {
    assumeJupyterNbconvert();
    Path hello = NotebooksCli.resource("notebooks/hello.ipynb");

    assertThat(lab("notebooks", "run", hello.toString(), "--out", out.toString()))
        .as(output())
        .isZero();

    assertThat(stdout.toString()).containsPattern("  hello.ipynb  OK  +\\d+\\.\\d s");
    String executed = Files.readString(out.resolve("hello.ipynb"), StandardCharsets.UTF_8);
    assertThat(executed).contains("héllo alice → \\\"quoted\\\"", "image/png");
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void aThrowingCellAndACellThatNeverEndsFailTheRunWithTheirReasons() {
    assumeJupyterNbconvert();
    Path failing = NotebooksCli.resource("notebooks/failing.ipynb");
    Path hanging = NotebooksCli.resource("notebooks/hanging.ipynb");

    // 15 s: small enough to wait for, large enough for a busy machine's first compiled cell.
    int status =
        lab(
            "notebooks",
            "run",
            failing.toString(),
            hanging.toString(),
            "--timeout",
            "15",
            "--out",
            out.toString());

    assertThat(status).as(output()).isEqualTo(1);
    assertThat(stdout.toString())
        .containsPattern("  failing.ipynb  FAILED  +\\d+\\.\\d s")
        .contains(
            "      in the cell:  if (keySizeBytes != 32) {\n"
                + "      error:        java.lang.IllegalStateException:"
                + " key must be 32 bytes, not 31\n")
        .containsPattern("  hanging.ipynb  FAILED  +\\d+\\.\\d s")
        .contains(
            "      in the cell:  var neverCountedDown = new java.util.concurrent.CountDownLatch(1);\n"
                + "      error:        the cell did not finish within 15 s (--timeout)\n")
        .endsWith("0 of 2 notebooks ran without an error\n")
        .doesNotContain("Traceback", "never reached");
    assertThat(out.resolve("failing.log")).content().contains("CellExecutionError");
    assertThat(out.resolve("failing.ipynb")).doesNotExist();
  }
}
