package securechat.app.notebooks;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import securechat.core.cli.ConfigException;
import securechat.core.terminal.Consoles;

/**
 * {@code lab notebooks open}: JupyterLab (or the classic Notebook) in the notebooks folder, with
 * the kernel spec installed or brought up to date first. Jupyter runs in this terminal until
 * Ctrl-C; without a terminal (a script, CI) it is told not to start a browser.
 */
@Command(
    name = "open",
    mixinStandardHelpOptions = true,
    description = {
      "Start Jupyter in the notebooks folder: jupyter lab, or jupyter notebook when only that is"
          + " installed. Installs the kernel spec securechat-lab first if it is missing or out of"
          + " date. Ctrl-C stops Jupyter.",
      ""
    })
final class OpenCommand implements Callable<Integer> {
  /** The Jupyter front ends we can start, in order of preference. */
  static final List<String> FRONT_ENDS = List.of("jupyter-lab", "jupyter-notebook");

  private final NotebooksCommand notebooks;

  @Spec private CommandSpec spec;

  @Parameters(
      arity = "0..1",
      paramLabel = "NOTEBOOK",
      description = "Open this notebook (a name in notebooks/, with or without .ipynb)")
  private String notebook;

  OpenCommand(NotebooksCommand notebooks) {
    this.notebooks = notebooks;
  }

  @Override
  public Integer call() throws ConfigException, IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    LabNotebooks lab = notebooks.lab();
    Optional<Path> file = notebookToOpen(lab);
    Jupyter jupyter = notebooks.jupyter();
    Path kernels = jupyter.userKernelsFolder();
    if (!InstallCommand.installInto(kernels, lab.kernelJar(), jupyter.isWindows()).isEmpty()) {
      out.println("installed the kernel spec " + KernelSpec.NAME + " in " + kernels);
    }
    Path frontEnd = findFrontEnd(jupyter);
    List<String> command = new ArrayList<>(List.of(frontEnd.toString()));
    if (!Consoles.stdinAndStdoutAreTerminal() || jupyter.env().containsKey("CI")) {
      command.add("--no-browser");
      out.println("no browser (no terminal, or CI): open the address Jupyter prints");
    }
    file.ifPresent(path -> command.add(lab.folder().relativize(path).toString()));
    out.println(
        "starting " + frontEnd.getFileName() + " in " + lab.folder() + " (Ctrl-C stops it)");
    out.flush();
    return runInThisTerminal(command, lab.folder(), jupyter);
  }

  /** The notebook named on the command line, which must be in the notebooks folder. */
  private Optional<Path> notebookToOpen(LabNotebooks lab) throws ConfigException, IOException {
    if (!Files.isDirectory(lab.folder())) {
      throw new ConfigException("there is no notebooks folder: " + lab.folder());
    }
    if (notebook == null) {
      return Optional.empty();
    }
    Path file = lab.resolve(List.of(notebook)).get(0);
    if (!file.startsWith(lab.folder())) {
      throw new ConfigException(
          "Jupyter opens the notebooks of " + lab.folder() + ", not " + file,
          "copy the notebook into that folder, or start Jupyter yourself where it is");
    }
    return Optional.of(file);
  }

  private static Path findFrontEnd(Jupyter jupyter) throws ConfigException {
    for (String program : FRONT_ENDS) {
      Optional<Path> found = jupyter.program(program);
      if (found.isPresent()) {
        return found.get();
      }
    }
    throw new ConfigException(
        "neither jupyter-lab nor jupyter-notebook is on the PATH: Jupyter is not installed",
        "Debian/Ubuntu: sudo apt-get install jupyter-notebook; macOS: brew install jupyterlab"
            + " (or pipx install jupyterlab); Windows: use WSL (Ubuntu) and the Debian/Ubuntu"
            + " line. ./lab notebooks run needs only jupyter-nbconvert.");
  }

  /**
   * Runs Jupyter with this terminal as its own and waits for it. If this JVM is stopped first
   * (Ctrl-C reaches both), a shutdown hook stops Jupyter too instead of leaving it behind.
   */
  private static int runInThisTerminal(List<String> command, Path folder, Jupyter jupyter)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).inheritIO();
    builder.environment().clear();
    builder.environment().putAll(jupyter.env());
    Process process = builder.start();
    // Left in place after Jupyter ends: destroying a process that has exited does nothing.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process), "stop jupyter"));
    return process.waitFor();
  }

  private static void stop(Process process) {
    process.destroy();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
