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
 * {@code lab notebooks open} starts the Jupyter front end it finds on the PATH, in the notebooks
 * folder. The front ends here are two-line shell scripts that write down where and how they were
 * started, and exit.
 */
@Timeout(30)
class OpenCommandIT {
  @TempDir Path dir;
  private Path labHome;
  private Path bin;
  private Path record;

  @BeforeEach
  void aLabWithOneNotebook() throws Exception {
    labHome = NotebooksCli.fakeLab(dir.resolve("lab"));
    Files.writeString(labHome.resolve("notebooks/02-tls.ipynb"), "{}");
    bin = Files.createDirectories(dir.resolve("bin"));
    record = dir.resolve("record.txt");
  }

  private void fakeFrontEnd(String name) throws Exception {
    Path script =
        Files.writeString(
            bin.resolve(name),
            "#!/bin/sh\nprintf '%s\\n' \"" + name + "\" \"$(pwd)\" \"$@\" > \"$RECORD\"\nexit 3\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private NotebooksCli cli() {
    return new NotebooksCli(
        Map.of(
            "PATH", bin + ":/usr/bin:/bin",
            "JUPYTER_DATA_DIR", dir.resolve("jupyter-data").toString(),
            "RECORD", record.toString()),
        labHome);
  }

  @Test
  void jupyterLabStartsInTheNotebooksFolderWithTheNotebookAndNoBrowser() throws Exception {
    fakeFrontEnd("jupyter-lab");
    fakeFrontEnd("jupyter-notebook");
    NotebooksCli cli = cli();

    assertThat(cli.run("open", "02-tls")).as(cli.err.toString()).isEqualTo(3);

    assertThat(Files.readAllLines(record, StandardCharsets.UTF_8))
        .containsExactly(
            "jupyter-lab",
            labHome.resolve("notebooks").toRealPath().toString(),
            "--no-browser",
            "02-tls.ipynb");
    assertThat(cli.out.toString())
        .contains("installed the kernel spec securechat-lab in ")
        .contains("starting jupyter-lab in " + labHome.resolve("notebooks"));
    assertThat(dir.resolve("jupyter-data/kernels/securechat-lab/kernel.json")).isRegularFile();
  }

  @Test
  void theClassicNotebookIsStartedWhenJupyterLabIsMissing() throws Exception {
    fakeFrontEnd("jupyter-notebook");
    NotebooksCli cli = cli();

    assertThat(cli.run("open")).isEqualTo(3);

    assertThat(Files.readAllLines(record, StandardCharsets.UTF_8))
        .containsExactly(
            "jupyter-notebook",
            labHome.resolve("notebooks").toRealPath().toString(),
            "--no-browser");
  }
}
