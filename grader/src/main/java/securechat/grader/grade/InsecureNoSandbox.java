package securechat.grader.grade;

import java.nio.file.Path;
import java.util.List;

/**
 * No isolation at all: the submission runs as you, sees your files and the network. The time,
 * memory and {@code System.exit} limits still hold (they are the test JVM's, not the sandbox's).
 * For machines without bubblewrap (macOS, some containers) and inside a grading container that is
 * itself the sandbox; chosen only with {@code --insecure-no-sandbox}, which prints a warning.
 */
public final class InsecureNoSandbox implements Sandbox {
  @Override
  public String describe() {
    return "none (--insecure-no-sandbox): the submission could read your files and use the network";
  }

  @Override
  public List<String> command(List<String> java, List<Path> readOnly, Path workDir) {
    return java;
  }
}
