package securechat.app.notebooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import securechat.core.cli.ConfigException;

/**
 * {@code lab notebooks strip}: removes outputs and execution counts from the notebooks, as they
 * must be committed (what {@link OutputStripper} removes, written as {@link NotebookJson} writes).
 * Run it after working on a notebook in Jupyter; {@code --check} is what the build runs.
 */
@Command(
    name = "strip",
    mixinStandardHelpOptions = true,
    description = {
      "Remove outputs and execution counts from notebooks (all of notebooks/ by default), so that"
          + " a commit holds only what a person wrote. Run it after saving a notebook in"
          + " Jupyter. With --check, change nothing: exit status 1 and the names of the"
          + " notebooks that still have outputs.",
      ""
    })
final class StripCommand implements Callable<Integer> {
  private final NotebooksCommand notebooks;

  @Spec private CommandSpec spec;

  @Parameters(
      paramLabel = "NAME",
      description = "Notebooks: names in notebooks/ (.ipynb optional) or paths. Default: all")
  private List<String> names = new ArrayList<>();

  @Option(names = "--check", description = "Change nothing; fail if a notebook is not stripped")
  private boolean check;

  StripCommand(NotebooksCommand notebooks) {
    this.notebooks = notebooks;
  }

  @Override
  public Integer call() throws ConfigException, IOException {
    PrintWriter out = spec.commandLine().getOut();
    LabNotebooks lab = notebooks.lab();
    List<Path> files = lab.resolve(names);
    if (files.isEmpty()) {
      out.println("no notebooks: " + lab.folder() + " holds no .ipynb file yet");
      return 0;
    }
    List<String> notStripped = new ArrayList<>();
    for (Path file : files) {
      ObjectNode notebook = NotebookJson.read(file);
      String stripped = NotebookJson.write(OutputStripper.strip(notebook));
      if (stripped.equals(Files.readString(file, StandardCharsets.UTF_8))) {
        out.println("  " + lab.display(file) + ": stripped already");
      } else if (check) {
        notStripped.add(lab.display(file));
        out.println("  " + lab.display(file) + ": " + problem(notebook));
      } else {
        Files.writeString(file, stripped, StandardCharsets.UTF_8);
        out.println("  " + lab.display(file) + ": stripped");
      }
    }
    if (!notStripped.isEmpty()) {
      throw new ConfigException(
          "not stripped: " + String.join(", ", notStripped),
          "run ./lab notebooks strip, then commit the notebooks");
    }
    return 0;
  }

  private static String problem(ObjectNode notebook) {
    return OutputStripper.hasOutputs(notebook)
        ? "has outputs or execution counts"
        : "is not written the way Jupyter writes it (indent, key spacing, final newline)";
  }
}
