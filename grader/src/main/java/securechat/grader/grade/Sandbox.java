package securechat.grader.grade;

import java.nio.file.Path;
import java.util.List;

/**
 * Where a submission's code runs: what it may see and reach. {@link Bubblewrap} is the real one;
 * {@link InsecureNoSandbox} only when the instructor asks for it.
 */
public interface Sandbox {
  /** One line for the report: what is isolated, or that nothing is. */
  String describe();

  /**
   * The command that runs {@code java} (the test JVM's command line) so that it sees only {@code
   * readOnly} (besides the system's own files) and may write only in {@code workDir}, where it
   * starts.
   */
  List<String> command(List<String> java, List<Path> readOnly, Path workDir);
}
