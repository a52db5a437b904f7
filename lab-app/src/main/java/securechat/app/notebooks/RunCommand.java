package securechat.app.notebooks;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import securechat.core.cli.ConfigException;

/**
 * {@code lab notebooks run}: executes notebooks headless, as CI does, and says for each whether
 * every cell ran. A failure names the cell and the error in two lines; nbconvert's whole output is
 * kept in a {@code .log} file beside the executed copies.
 *
 * <pre>
 * running 2 notebooks (at most 120 s per cell); executed copies go to lab-data/notebooks
 *   01-plain.ipynb    OK        3.1 s
 *   02-tls.ipynb      FAILED    2.8 s
 *       in the cell:  var server = Stage.start("tls");
 *       error:        java.lang.IllegalStateException: no certificate: run ./lab certs init
 *       all output:   lab-data/notebooks/02-tls.log
 * 1 of 2 notebooks ran without an error
 * </pre>
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Execute notebooks headless with jupyter-nbconvert, one at a time, as CI does; prints OK or"
          + " FAILED and the time for each, and for a failure the cell and its error. The"
          + " executed copies (with their outputs) go to the output folder; the notebooks"
          + " themselves are not changed. Exit status 1 if any notebook failed.",
      ""
    })
final class RunCommand implements Callable<Integer> {
  private final NotebooksCommand notebooks;

  @Spec private CommandSpec spec;

  @Parameters(
      paramLabel = "NAME",
      description =
          "Notebooks to run: names in notebooks/ (.ipynb optional) or paths. Default: all")
  private List<String> names = new ArrayList<>();

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Where the executed copies go (default: ${DEFAULT-VALUE})")
  private Path out = Path.of("lab-data", "notebooks");

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      description = "A cell that runs longer fails (default: ${DEFAULT-VALUE})")
  private int timeoutSeconds = 120;

  RunCommand(NotebooksCommand notebooks) {
    this.notebooks = notebooks;
  }

  @Override
  public Integer call() throws ConfigException, IOException, InterruptedException {
    PrintWriter stdout = spec.commandLine().getOut();
    if (timeoutSeconds < 1) {
      throw new ConfigException("--timeout must be at least 1 second, not " + timeoutSeconds);
    }
    LabNotebooks lab = notebooks.lab();
    List<Path> toRun = lab.resolve(names);
    if (toRun.isEmpty()) {
      stdout.println("no notebooks to run: " + lab.folder() + " holds no .ipynb file yet");
      return 0;
    }
    Path nbconvert = findNbconvert(notebooks.jupyter());
    KernelSpec kernel = KernelSpec.forThisJava(lab.kernelJar(), notebooks.jupyter().isWindows());
    stdout.printf(
        "running %d notebook%s (at most %d s per cell); executed copies go to %s%n",
        toRun.size(), toRun.size() == 1 ? "" : "s", timeoutSeconds, out);
    stdout.flush();
    int ok = 0;
    try (NotebookRunner runner =
        NotebookRunner.start(
            notebooks.jupyter(), nbconvert, kernel, out, Duration.ofSeconds(timeoutSeconds))) {
      int width =
          toRun.stream().mapToInt(path -> path.getFileName().toString().length()).max().orElse(0);
      for (Path notebook : toRun) {
        RunResult result = runner.run(notebook);
        print(result, width, stdout);
        ok += result.ok() ? 1 : 0;
      }
    }
    stdout.printf("%d of %d notebooks ran without an error%n", ok, toRun.size());
    return ok == toRun.size() ? 0 : 1;
  }

  private static Path findNbconvert(Jupyter jupyter) throws ConfigException {
    return jupyter
        .program("jupyter-nbconvert")
        .orElseThrow(
            () ->
                new ConfigException(
                    "jupyter-nbconvert is not installed; Debian/Ubuntu: sudo apt-get install"
                        + " jupyter-nbconvert python3-nbclient, elsewhere: pipx install nbconvert"));
  }

  private static void print(RunResult result, int width, PrintWriter out) {
    String seconds = String.format(Locale.ROOT, "%5.1f s", result.time().toMillis() / 1000.0);
    String retried =
        result.attempts() > 1
            ? "  (tried " + result.attempts() + " times: the kernel did not answer at first)"
            : "";
    out.printf(
        "  %-" + width + "s  %-6s  %s%s%n",
        result.name(),
        result.ok() ? "OK" : "FAILED",
        seconds,
        retried);
    if (result.failure().isPresent()) {
      RunFailure failure = result.failure().get();
      if (!failure.cellFirstLine().isEmpty()) {
        out.println("      in the cell:  " + failure.cellFirstLine());
      }
      out.println("      error:        " + failure.message());
    }
    result.log().ifPresent(log -> out.println("      all output:   " + log));
    out.flush();
  }
}
