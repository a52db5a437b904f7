package securechat.app.guide;

import java.awt.Desktop;
import java.io.IOException;
import java.io.PrintWriter;
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
import securechat.app.LabHome;
import securechat.core.cli.ConfigException;
import securechat.core.storage.LabFiles;

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
      "the same bytes, ready to publish.",
      "With --check it runs the guide's commands instead, as its doc test does: to",
      "check a classroom machine before a lab (servers use the chapters' ports)."
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

  @Option(
      names = "--check",
      description =
          "Run every runnable command of the guide (or of the CHAPTERs named), each chapter in a"
              + " fresh folder, and report what failed; renders nothing")
  private boolean check;

  @Parameters(
      paramLabel = "CHAPTER",
      arity = "0..*",
      description = "With --check: only these chapters, e.g. 01-plain.md")
  private List<String> chapters = List.of();

  @Override
  public Integer call() throws ConfigException, IOException, InterruptedException {
    PrintWriter stdout = spec.commandLine().getOut();
    if (check) {
      return check(stdout);
    }
    if (!chapters.isEmpty()) {
      throw new ConfigException("chapters are named only with --check");
    }
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

  /**
   * Runs the chapters' commands with the doc test's runner, against the lab this command belongs
   * to; the folders of failed chapters are kept so their {@code lab-data/} can be looked at.
   */
  private int check(PrintWriter stdout) throws ConfigException, IOException, InterruptedException {
    Path guide = source();
    List<Path> chosen = new ArrayList<>();
    for (Path chapter : GuideRenderer.chapters(guide)) {
      if (chapters.isEmpty() || chapters.contains(chapter.getFileName().toString())) {
        chosen.add(chapter);
      }
    }
    if (chosen.isEmpty()) {
      throw new ConfigException("no chapter " + chapters + " in " + guide);
    }
    Path work = Files.createTempDirectory("lab-guide-check");
    GuideRunner runner = new GuideRunner(labHome(), stdout);
    boolean passed = true;
    for (Path chapter : chosen) {
      stdout.println(chapter.getFileName());
      stdout.flush();
      Path folder = work.resolve(chapter.getFileName().toString().replace(".md", ""));
      GuideRunner.ChapterReport report = runner.run(chapter, folder);
      stdout.println(report.summary());
      if (report.passed()) {
        LabFiles.deleteTree(folder);
      } else {
        stdout.println("  its folder is kept: " + folder);
        passed = false;
      }
    }
    stdout.println(passed ? "lab guide: every command works" : "lab guide: some commands failed");
    stdout.flush();
    return passed ? 0 : 1;
  }

  private static Path labHome() throws ConfigException {
    try {
      return LabHome.find();
    } catch (IllegalStateException e) {
      throw new ConfigException(e.getMessage());
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
