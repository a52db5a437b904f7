package securechat.app.notebooks;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;
import securechat.core.cli.CliErrorHandler;

/**
 * {@code lab notebooks} for tests: run with a chosen environment and lab folder, its output kept.
 * {@link #fakeLab} makes a lab folder with a stand-in kernel jar, for tests that never start it.
 */
final class NotebooksCli {
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  private final Jupyter jupyter;
  private final Path labHome;

  NotebooksCli(Map<String, String> env, Path labHome) {
    this.jupyter = new Jupyter(env, "Linux", labHome.resolve("home"));
    this.labHome = labHome;
  }

  int run(String... args) {
    CommandLine command =
        CliErrorHandler.configure(new NotebooksCommand(jupyter, () -> labHome).commandLine());
    command.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
    return command.execute(args);
  }

  /** A lab folder: an empty notebooks/ and a few bytes where the build puts the kernel's jar. */
  static Path fakeLab(Path dir) throws IOException {
    Files.createDirectories(dir.resolve("notebooks"));
    Path jars = Files.createDirectories(dir.resolve(LabNotebooks.KERNEL_JAR_FOLDER));
    Files.writeString(jars.resolve(LabNotebooks.kernelJarName()), "a stand-in for the kernel jar");
    return dir;
  }

  /** A file of src/test/resources, as a path. */
  static Path resource(String name) {
    try {
      return Path.of(NotebooksCli.class.getResource("/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new UncheckedIOException(new IOException("no test resource " + name, e));
    }
  }
}
