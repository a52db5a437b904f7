package securechat.app.notebooks;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import securechat.core.cli.ConfigException;

/**
 * {@code lab notebooks install}: the kernel spec {@code securechat-lab} for the user's Jupyter. The
 * kernel's jar is copied next to {@code kernel.json}, so the spec keeps working after the build
 * folder is cleaned; {@code java} is this JVM's, so it must be installed again after the JDK moves.
 */
@Command(
    name = "install",
    mixinStandardHelpOptions = true,
    description = {
      "Install the Jupyter kernel spec securechat-lab (\"Java (securechat-lab)\"), which the"
          + " notebooks use: into JUPYTER_DATA_DIR/kernels if that is set, else the user's Jupyter"
          + " folder (Linux ~/.local/share/jupyter/kernels, macOS ~/Library/Jupyter/kernels,"
          + " Windows %%APPDATA%%\\jupyter\\kernels). The kernel runs on the Java that runs this"
          + " command. Running it again rewrites only what changed.",
      ""
    })
final class InstallCommand implements Callable<Integer> {
  private final NotebooksCommand notebooks;

  @Spec private CommandSpec spec;

  @Option(
      names = "--prefix",
      paramLabel = "DIR",
      description =
          "Install into DIR/share/jupyter/kernels instead (a virtualenv, a shared set-up)")
  private Path prefix;

  InstallCommand(NotebooksCommand notebooks) {
    this.notebooks = notebooks;
  }

  @Override
  public Integer call() throws ConfigException, IOException {
    PrintWriter out = spec.commandLine().getOut();
    Path kernels =
        prefix == null
            ? notebooks.jupyter().userKernelsFolder()
            : prefix.resolve("share").resolve("jupyter").resolve("kernels").toAbsolutePath();
    Path builtJar = notebooks.lab().kernelJar();
    List<String> changes = installInto(kernels, builtJar, notebooks.jupyter().isWindows());
    out.println(
        "kernel spec "
            + KernelSpec.NAME
            + " (\""
            + KernelSpec.DISPLAY_NAME
            + "\") in "
            + kernels.resolve(KernelSpec.NAME));
    if (changes.isEmpty()) {
      out.println("  already up to date");
    }
    changes.forEach(change -> out.println("  " + change));
    out.println("Jupyter lists it with: jupyter kernelspec list");
    return 0;
  }

  /**
   * Installs the spec into {@code kernels/securechat-lab}, writing only what differs.
   *
   * @return one line per file written or removed; empty when all was already in place
   */
  static List<String> installInto(Path kernels, Path builtJar, boolean windows) throws IOException {
    Path folder = kernels.resolve(KernelSpec.NAME);
    Files.createDirectories(folder);
    List<String> changes = new ArrayList<>();
    Path jar = folder.resolve(builtJar.getFileName().toString());
    if (!Files.isRegularFile(jar) || Files.mismatch(builtJar, jar) != -1L) {
      Files.copy(builtJar, jar, StandardCopyOption.REPLACE_EXISTING);
      changes.add("copied " + jar.getFileName());
    }
    changes.addAll(removeOtherKernelJars(folder, jar));
    KernelSpec kernelSpec = KernelSpec.forThisJava(jar, windows);
    if (kernelSpec.writeInto(kernels)) {
      changes.add("wrote kernel.json (java: " + kernelSpec.java() + ")");
    }
    return changes;
  }

  /** After the kernel's version changed, the old jar is only clutter. */
  private static List<String> removeOtherKernelJars(Path folder, Path keep) throws IOException {
    List<String> removed = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (name.startsWith("rapaio-jupyter-kernel-")
            && name.endsWith(".jar")
            && !file.equals(keep)) {
          Files.delete(file);
          removed.add("removed the old " + name);
        }
      }
    }
    return removed;
  }
}
