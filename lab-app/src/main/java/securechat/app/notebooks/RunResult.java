package securechat.app.notebooks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How one notebook's headless run went.
 *
 * @param notebook the notebook that ran
 * @param time how long it took, kernel start included (the last attempt only)
 * @param attempts how many times the kernel was started (more than one: it did not start at first)
 * @param failure why it failed; empty when every cell ran
 * @param log nbconvert's whole output, kept when the run failed
 */
record RunResult(
    Path notebook, Duration time, int attempts, Optional<RunFailure> failure, Optional<Path> log) {

  boolean ok() {
    return failure.isEmpty();
  }

  String name() {
    return notebook.getFileName().toString();
  }
}
