package securechat.app.demo;

import java.util.Map;
import java.util.Objects;
import securechat.core.cli.Stage;

/**
 * One stage as the demo runs and judges it.
 *
 * @param stage the stage as {@code lab server} and {@code lab client} know it: its name, default
 *     port and options (the demo uses their defaults, exactly as a student's first run does)
 * @param dissectAs how the sniffer reads its streams ({@code plain}, {@code tls}, {@code ecdhe})
 * @param wireShowsSecrets whether an eavesdropper is expected to read passwords, messages and
 *     files: only in the plain stage; the demo fails if a capture says otherwise
 * @param serverReadsMessages whether the server itself is expected to read what alice writes: every
 *     stage but e2e
 * @param nextFixes one sentence: what the next stage fixes (for the last: what no stage fixes)
 * @param lookFor per step, what to look for in Wireshark or {@code lab sniff}; {@code %d} is the
 *     port
 */
public record DemoStage(
    Stage stage,
    String dissectAs,
    boolean wireShowsSecrets,
    boolean serverReadsMessages,
    String nextFixes,
    Map<Step, String> lookFor) {

  public DemoStage {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(dissectAs, "dissectAs");
    Objects.requireNonNull(nextFixes, "nextFixes");
    lookFor = Map.copyOf(lookFor);
  }

  public String name() {
    return stage.name();
  }

  /** What to look for during {@code step}, with the port filled in; empty if nothing special. */
  public String lookFor(Step step, int port) {
    return String.format(lookFor.getOrDefault(step, ""), port);
  }
}
