package securechat.app.notebooks;

import java.nio.file.Path;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import securechat.app.LabHome;
import securechat.core.cli.ConfigException;

/**
 * {@code lab notebooks}: the Jupyter notebooks in {@code notebooks/}. This class only lists the
 * subcommands and gives them what they share: Jupyter as this process sees it, and the lab's
 * folder.
 *
 * <pre>
 * ./lab notebooks install        the kernel spec securechat-lab, for Jupyter
 * ./lab notebooks open           Jupyter in the notebooks folder
 * ./lab notebooks run            every notebook, headless, as CI runs them
 * ./lab notebooks strip          outputs removed, before a commit
 * </pre>
 */
@Command(
    name = "notebooks",
    mixinStandardHelpOptions = true,
    description = {
      "The Jupyter notebooks in notebooks/ (Java kernel: rapaio-jupyter-kernel). Install the"
          + " kernel for Jupyter, open them, run them headless as CI does, strip their outputs"
          + " before a commit.",
      ""
    })
public final class NotebooksCommand implements Runnable {
  @Spec private CommandSpec spec;

  private final Jupyter jupyter;
  private final Supplier<Path> labHome;

  public NotebooksCommand() {
    this(Jupyter.ofThisProcess(), LabHome::find);
  }

  /** For tests: another environment (PATH, JUPYTER_DATA_DIR...) and another lab folder. */
  NotebooksCommand(Jupyter jupyter, Supplier<Path> labHome) {
    this.jupyter = jupyter;
    this.labHome = labHome;
  }

  /** The command with its four subcommands. */
  public CommandLine commandLine() {
    CommandLine command = new CommandLine(this);
    command.addSubcommand("install", new InstallCommand(this));
    command.addSubcommand("open", new OpenCommand(this));
    command.addSubcommand("run", new RunCommand(this));
    command.addSubcommand("strip", new StripCommand(this));
    return command;
  }

  /** {@code lab notebooks} alone lists the subcommands. */
  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  Jupyter jupyter() {
    return jupyter;
  }

  /** The lab's notebooks and kernel jar; a one-line error when the lab's folder is unknown. */
  LabNotebooks lab() throws ConfigException {
    try {
      return new LabNotebooks(labHome.get());
    } catch (IllegalStateException unknown) {
      throw new ConfigException(unknown.getMessage());
    }
  }
}
