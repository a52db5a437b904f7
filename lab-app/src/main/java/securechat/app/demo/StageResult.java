package securechat.app.demo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How one stage did in the demo: what the capture showed (if there was one), what the server read,
 * what alice and bob saw, and every way the stage did not do what it promises.
 *
 * @param stage the stage
 * @param port the port its server listened on
 * @param capture the capture file, if the sniffer ran
 * @param wire what the capture showed; empty when not measured
 * @param serverReads whether the server read the message, the whisper or the file
 * @param serverView a few of the lines alice wrote to others, as the server read them
 * @param transcript the lines alice and bob sent and read, as the chat sees them
 * @param problems what went wrong, one sentence each; empty when the stage behaved
 */
public record StageResult(
    DemoStage stage,
    int port,
    Optional<Path> capture,
    Optional<WireFindings> wire,
    Seen serverReads,
    List<String> serverView,
    List<String> transcript,
    List<String> problems) {

  public StageResult {
    serverView = List.copyOf(serverView);
    transcript = List.copyOf(transcript);
    problems = List.copyOf(problems);
  }

  /**
   * Judges a stage's run against what it promises: a protected stage must keep every secret off the
   * wire, the plain stage must show them all (or the capture missed something), and only the e2e
   * stage may keep them from the server.
   */
  static StageResult judge(
      DemoStage stage,
      int port,
      Optional<Path> capture,
      Optional<WireFindings> wire,
      Seen serverReads,
      List<String> serverView,
      List<String> transcript,
      List<String> earlierProblems) {
    List<String> problems = new ArrayList<>(earlierProblems);
    wire.ifPresent(
        found -> {
          check(stage, "a password", found.password(), problems);
          check(stage, "the message or the whisper", found.message(), problems);
          check(stage, "the file", found.file(), problems);
        });
    if (serverReads == Seen.VISIBLE && !stage.serverReadsMessages()) {
      problems.add(
          "LEAK: the "
              + stage.name()
              + " server read what alice wrote, which this stage must keep from it");
    }
    if (serverReads == Seen.HIDDEN && stage.serverReadsMessages() && earlierProblems.isEmpty()) {
      problems.add(
          "the "
              + stage.name()
              + " server never read alice's lines in clear: the demo's view of the server is"
              + " broken");
    }
    return new StageResult(
        stage, port, capture, wire, serverReads, serverView, transcript, problems);
  }

  private static void check(DemoStage stage, String what, Seen seen, List<String> problems) {
    if (seen == Seen.VISIBLE && !stage.wireShowsSecrets()) {
      problems.add(
          "LEAK: " + what + " is readable in the capture of the " + stage.name() + " stage");
    }
    if (seen == Seen.HIDDEN && stage.wireShowsSecrets()) {
      problems.add(
          what
              + " is missing from the capture of the "
              + stage.name()
              + " stage, which hides nothing: the capture missed traffic");
    }
  }

  public Seen password() {
    return wire.map(WireFindings::password).orElse(Seen.NOT_MEASURED);
  }

  public Seen message() {
    return wire.map(WireFindings::message).orElse(Seen.NOT_MEASURED);
  }

  public Seen file() {
    return wire.map(WireFindings::file).orElse(Seen.NOT_MEASURED);
  }

  /** What else the capture gives away, or empty when there was no capture. */
  public List<String> leaks() {
    return wire.map(WireFindings::leaks).orElse(List.of());
  }

  /** Whether the stage did what it promises (and the conversation went through). */
  public boolean behaved() {
    return problems.isEmpty();
  }
}
