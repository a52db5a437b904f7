package securechat.app.notebooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lab notebooks run} around nbconvert, with a shell script in its place: the private kernel
 * spec it is given, and which failures are tried again (a kernel that never answered) and which are
 * not (a cell that failed).
 */
@Timeout(30)
class NotebookRunnerIT {
  @TempDir Path dir;
  private Path labHome;
  private Path bin;

  @BeforeEach
  void aLabWithOneNotebook() throws Exception {
    labHome = NotebooksCli.fakeLab(dir.resolve("lab"));
    Files.writeString(labHome.resolve("notebooks/01-plain.ipynb"), "{}");
    bin = Files.createDirectories(dir.resolve("bin"));
  }

  /**
   * A jupyter-nbconvert that counts its runs in {@code runs}, keeps the kernel.json it was given,
   * and fails its first {@code kernelFailures} runs as nbclient does when the kernel never answers.
   * After that it prints {@code thenOutput} and exits with {@code thenStatus}.
   */
  private void fakeNbconvert(int kernelFailures, String thenOutput, int thenStatus)
      throws Exception {
    String script =
        """
        #!/bin/sh
        n=$(($(cat "$DIR/runs" 2>/dev/null || echo 0) + 1))
        echo $n > "$DIR/runs"
        cp "$JUPYTER_PATH/kernels/securechat-lab/kernel.json" "$DIR/kernel.json"
        echo "$JUPYTER_PATH" > "$DIR/jupyter-path"
        if [ $n -le %d ]; then
          echo "RuntimeError: Kernel didn't respond in 30 seconds" >&2
          exit 1
        fi
        printf '%%s\\n' "%s" >&2
        exit %d
        """
            .formatted(kernelFailures, thenOutput, thenStatus);
    Path file = Files.writeString(bin.resolve("jupyter-nbconvert"), script);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private NotebooksCli cli() {
    return new NotebooksCli(Map.of("PATH", bin + ":/usr/bin:/bin", "DIR", dir.toString()), labHome);
  }

  private int runs() throws Exception {
    return Integer.parseInt(Files.readString(dir.resolve("runs")).strip());
  }

  @Test
  void theKernelSpecIsPrivateNamesTheBuiltJarAndIsDeletedAfterwards() throws Exception {
    fakeNbconvert(0, "", 0);
    NotebooksCli cli = cli();

    assertThat(cli.run("run", "--out", dir.resolve("out").toString())).isZero();

    Path jar =
        labHome.resolve(LabNotebooks.KERNEL_JAR_FOLDER).resolve(LabNotebooks.kernelJarName());
    assertThat(Files.readString(dir.resolve("kernel.json"), StandardCharsets.UTF_8))
        .isEqualTo(KernelSpec.forThisJava(jar, false).json());
    Path privateFolder = Path.of(Files.readString(dir.resolve("jupyter-path")).strip());
    assertThat(privateFolder).doesNotExist();
    assertThat(cli.out.toString()).containsPattern("  01-plain.ipynb  OK  +\\d+\\.\\d s\n");
  }

  @Test
  void aKernelThatDidNotAnswerIsStartedAgain() throws Exception {
    fakeNbconvert(1, "", 0);
    NotebooksCli cli = cli();

    assertThat(cli.run("run", "--out", dir.resolve("out").toString())).isZero();

    assertThat(runs()).isEqualTo(2);
    assertThat(cli.out.toString()).contains("(tried 2 times: the kernel did not answer at first)");
  }

  @Test
  void aKernelThatNeverAnswersFailsAfterThreeTries() throws Exception {
    fakeNbconvert(99, "", 0);
    NotebooksCli cli = cli();

    assertThat(cli.run("run", "--out", dir.resolve("out").toString())).isEqualTo(1);

    assertThat(runs()).isEqualTo(NotebookRunner.MAX_ATTEMPTS);
    assertThat(cli.out.toString())
        .contains("      error:        RuntimeError: Kernel didn't respond in 30 seconds\n")
        .contains("      all output:   " + dir.resolve("out/01-plain.log"));
  }

  @Test
  void aFailedCellIsNotTriedAgain() throws Exception {
    fakeNbconvert(0, "NameError: something in a cell", 1);
    NotebooksCli cli = cli();

    assertThat(cli.run("run", "--out", dir.resolve("out").toString())).isEqualTo(1);

    assertThat(runs()).isEqualTo(1);
    assertThat(cli.out.toString())
        .contains("  01-plain.ipynb  FAILED")
        .contains("      error:        NameError: something in a cell\n")
        .endsWith("0 of 1 notebooks ran without an error\n");
  }
}
