package securechat.grader.cli;

import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine.Option;
import securechat.core.cli.ConfigException;
import securechat.grader.grade.Bubblewrap;
import securechat.grader.grade.InsecureNoSandbox;
import securechat.grader.grade.Sandbox;

/** {@code --insecure-no-sandbox}, shared by the grading commands, and the sandbox it picks. */
final class SandboxOption {
  @Option(
      names = "--insecure-no-sandbox",
      description =
          "Run submissions without bubblewrap: they can read your files and use the network."
              + " Only inside a grading container that is itself the sandbox, or to try the grader"
              + " where bwrap cannot run.")
  private boolean insecureNoSandbox;

  /** Bubblewrap, or no sandbox when asked (with a warning), or an error saying what to do. */
  Sandbox pick(PrintWriter err) throws ConfigException {
    if (insecureNoSandbox) {
      err.println(
          "warning: --insecure-no-sandbox: submissions run as you, see your files and the network;"
              + " time, memory and System.exit are still contained");
      err.flush();
      return new InsecureNoSandbox();
    }
    StringBuilder whyNot = new StringBuilder();
    Optional<Bubblewrap> bubblewrap = Bubblewrap.find(whyNot);
    if (bubblewrap.isEmpty()) {
      throw new ConfigException(
          "cannot sandbox the submissions: " + whyNot,
          "install bubblewrap (Debian/Ubuntu: sudo apt install bubblewrap), or, inside a grading"
              + " container, pass --insecure-no-sandbox");
    }
    return bubblewrap.get();
  }
}
