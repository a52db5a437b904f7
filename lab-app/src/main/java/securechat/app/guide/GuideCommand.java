package securechat.app.guide;

import java.awt.Desktop;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import securechat.app.LabHome;
import securechat.core.cli.ConfigException;

/**
 * {@code lab guide}: the lab guide as a folder of HTML pages, to read in a browser, copy to the
 * class's machines or publish. Prints one line: where {@code index.html} is and how many chapters
 * it has.
 */
@Command(
    name = "guide",
    mixinStandardHelpOptions = true,
    description = {
      "Renders the lab guide (lab-guide/*.md) to a folder of HTML pages that needs",
      "nothing from the web: a page per chapter, one stylesheet, and the files the",
      "chapters link to. Prints where index.html is. The same guide always gives",
      "the same bytes, ready to publish."
    })
public final class GuideCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "lab-data/guide",
      description = "Folder to write the HTML to (made if needed). Default: ${DEFAULT-VALUE}")
  private Path out;

  @Option(
      names = "--source",
      paramLabel = "DIR",
      description = "The Markdown guide to render. Default: lab-guide/ in the lab's folder")
  private Path source;

  @Option(names = "--open", description = "Open the guide in the desktop's web browser")
  private boolean open;

  @Override
  public Integer call() throws ConfigException, IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    GuideRenderer.Result result = new GuideRenderer(source()).render(out);
    Path index = result.index().toAbsolutePath().normalize();
    stdout.println("lab guide: " + result.chapters() + " chapters, open " + index);
    if (open && !openInBrowser(index)) {
      stdout.println("no desktop browser to open it with here: open the file above yourself");
    }
    stdout.flush();
    return 0;
  }

  private Path source() throws ConfigException {
    if (source != null) {
      return source;
    }
    try {
      return LabHome.find().resolve("lab-guide");
    } catch (IllegalStateException e) {
      throw new ConfigException(e.getMessage() + ", or give the guide's folder with --source");
    }
  }

  /** False when there is no desktop (a server, ssh, a container) or it cannot show the page. */
  private static boolean openInBrowser(Path index) {
    if (!Desktop.isDesktopSupported() || !Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
      return false;
    }
    try {
      Desktop.getDesktop().browse(index.toUri());
      return true;
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }
}
