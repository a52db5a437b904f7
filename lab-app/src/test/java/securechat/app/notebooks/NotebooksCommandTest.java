package securechat.app.notebooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lab notebooks install}, and what {@code open} and {@code run} say when Jupyter or the
 * kernel is missing. No Jupyter and no kernel is started here: the PATH is an empty folder.
 */
class NotebooksCommandTest {
  @TempDir Path dir;
  private Path labHome;
  private Path emptyPath;

  @BeforeEach
  void aLabWithoutJupyter() throws Exception {
    labHome = NotebooksCli.fakeLab(dir.resolve("lab"));
    emptyPath = Files.createDirectories(dir.resolve("bin"));
  }

  private NotebooksCli cli(String... moreEnv) {
    Map<String, String> env = new HashMap<>();
    env.put("PATH", emptyPath.toString());
    env.put("JUPYTER_DATA_DIR", dir.resolve("jupyter-data").toString());
    for (int i = 0; i < moreEnv.length; i += 2) {
      env.put(moreEnv[i], moreEnv[i + 1]);
    }
    return new NotebooksCli(env, labHome);
  }

  @Test
  void installWritesTheSpecIntoTheDataFolderThenFindsItUpToDate() throws Exception {
    NotebooksCli first = cli();
    assertThat(first.run("install")).isZero();
    Path spec = dir.resolve("jupyter-data/kernels/securechat-lab");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    assertThat(first.out.toString())
        .isEqualTo(
            "kernel spec securechat-lab (\"Java (securechat-lab)\") in "
                + spec
                + "\n  copied "
                + LabNotebooks.kernelJarName()
                + "\n  wrote kernel.json (java: "
                + java
                + ")\nJupyter lists it with: jupyter kernelspec list\n");
    assertThat(Files.readString(spec.resolve("kernel.json")))
        .contains("\"" + spec.resolve(LabNotebooks.kernelJarName()) + "\"");

    NotebooksCli second = cli();
    assertThat(second.run("install")).isZero();
    assertThat(second.out.toString()).contains("  already up to date\n");
  }

  @Test
  void installWithPrefixUsesPrefixShareJupyterKernels() throws Exception {
    NotebooksCli cli = cli();

    assertThat(cli.run("install", "--prefix", dir.resolve("venv").toString())).isZero();

    Path spec = dir.resolve("venv/share/jupyter/kernels/securechat-lab");
    assertThat(spec.resolve("kernel.json")).isRegularFile();
    assertThat(spec.resolve(LabNotebooks.kernelJarName())).isRegularFile();
    assertThat(dir.resolve("jupyter-data")).doesNotExist();
  }

  @Test
  void installReplacesAChangedJarAndRemovesAnOldVersion() throws Exception {
    Path spec = Files.createDirectories(dir.resolve("jupyter-data/kernels/securechat-lab"));
    Files.writeString(spec.resolve("rapaio-jupyter-kernel-2.0.0.jar"), "old");
    Files.writeString(spec.resolve(LabNotebooks.kernelJarName()), "stale");
    NotebooksCli cli = cli();

    assertThat(cli.run("install")).isZero();

    assertThat(cli.out.toString())
        .contains("  copied " + LabNotebooks.kernelJarName())
        .contains("  removed the old rapaio-jupyter-kernel-2.0.0.jar");
    assertThat(spec.resolve("rapaio-jupyter-kernel-2.0.0.jar")).doesNotExist();
  }

  @Test
  void aKernelThatIsNotBuiltIsOneErrorWithTheFix() throws Exception {
    Files.delete(
        labHome.resolve(LabNotebooks.KERNEL_JAR_FOLDER).resolve(LabNotebooks.kernelJarName()));
    NotebooksCli cli = cli();

    assertThat(cli.run("install")).isEqualTo(1);

    assertThat(cli.err.toString())
        .startsWith("error: the notebooks' Java kernel is not built: ")
        .endsWith(" is missing\nhint: build the lab first: ./lab build\n");
  }

  @Test
  void runWithoutNbconvertSaysHowToInstallItInOneLine() throws Exception {
    Files.writeString(labHome.resolve("notebooks/01.ipynb"), "{}");
    NotebooksCli cli = cli();

    assertThat(cli.run("run")).isEqualTo(1);

    assertThat(cli.err.toString())
        .startsWith(
            "error: jupyter-nbconvert is not installed; Debian/Ubuntu: sudo apt-get install")
        .hasLineCount(1);
    assertThat(cli.out.toString()).isEmpty();
  }

  @Test
  void runWithNoNotebooksYetSaysSoAndSucceeds() {
    NotebooksCli cli = cli();

    assertThat(cli.run("run")).isZero();

    assertThat(cli.out.toString()).startsWith("no notebooks to run: ");
  }

  @Test
  void runRefusesATimeoutBelowOneSecond() throws Exception {
    NotebooksCli cli = cli();

    assertThat(cli.run("run", "--timeout", "0")).isEqualTo(1);

    assertThat(cli.err.toString()).isEqualTo("error: --timeout must be at least 1 second, not 0\n");
  }

  @Test
  void openWithoutJupyterSaysHowToGetItAfterInstallingTheSpec() {
    NotebooksCli cli = cli();

    assertThat(cli.run("open")).isEqualTo(1);

    assertThat(cli.err.toString())
        .startsWith("error: neither jupyter-lab nor jupyter-notebook is on the PATH")
        .contains("sudo apt-get install jupyter-notebook", "brew install jupyterlab", "WSL");
    assertThat(dir.resolve("jupyter-data/kernels/securechat-lab/kernel.json")).isRegularFile();
  }

  @Test
  void openRefusesANotebookOutsideTheNotebooksFolder() throws Exception {
    Path elsewhere = Files.writeString(dir.resolve("elsewhere.ipynb"), "{}");
    NotebooksCli cli = cli();

    assertThat(cli.run("open", elsewhere.toString())).isEqualTo(1);

    assertThat(cli.err.toString())
        .startsWith("error: Jupyter opens the notebooks of " + labHome.resolve("notebooks"))
        .contains("hint: copy the notebook into that folder");
  }
}
