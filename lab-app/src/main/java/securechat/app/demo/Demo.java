package securechat.app.demo;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import securechat.core.cli.ConfigException;
import securechat.core.storage.LabFiles;
import securechat.core.terminal.Consoles;
import securechat.core.terminal.TerminalText;
import securechat.sniffer.capture.CaptureException;
import securechat.sniffer.dissect.WireMessage;
import securechat.sniffer.report.TerminalReport;

/**
 * {@code lab demo}: alice and bob play the same conversation over each stage while the sniffer
 * records the wire; each capture is read back and searched for the secrets; a table says what each
 * stage kept from an eavesdropper and from the server, and what still leaks.
 *
 * <p>Everything it prints about the wire comes from the capture files it names, and the verdicts
 * are searches of those files: a stage that leaked would show as leaking, and the demo would end
 * with exit status 1.
 *
 * <pre>{@code
 * Demo.Outcome outcome = new Demo(DemoStages.of(stages), Path.of("lab-data"), out, false,
 *     Optional.empty()).run();
 * }</pre>
 */
public final class Demo {
  /** The exit status when a stage misbehaved (a leak, a failed conversation). */
  public static final int MISBEHAVED = 1;

  private final List<DemoStage> stages;
  private final Path folder;
  private final PrintWriter out;
  private final boolean colour;
  private final Optional<BufferedReader> stepInput;
  private boolean waitForEnter;

  /**
   * @param dataDir the lab data folder: captures and the report go to its {@code demo} folder
   * @param colour whether to colour the excerpts (red: a secret; dim: encrypted)
   * @param stepInput with {@code --step}, where the Enter presses come from; empty to run through
   */
  public Demo(
      List<DemoStage> stages,
      Path dataDir,
      PrintWriter out,
      boolean colour,
      Optional<BufferedReader> stepInput) {
    this.stages = List.copyOf(stages);
    this.folder = dataDir.resolve("demo");
    this.out = out;
    this.colour = colour;
    this.stepInput = stepInput;
    this.waitForEnter = stepInput.isPresent();
  }

  /**
   * The results, where they were written, and how the capture went.
   *
   * @param results one per stage run, in order
   * @param captureUnavailable why nothing was captured, if so
   * @param report the HTML report
   * @param json the same results for programs (notebooks, the grader)
   * @param took the wall time of the whole run
   */
  public record Outcome(
      List<StageResult> results,
      Optional<String> captureUnavailable,
      Path report,
      Path json,
      Duration took) {

    /** 0 when every stage behaved, {@link #MISBEHAVED} otherwise. */
    public int exitStatus() {
      return results.stream().allMatch(StageResult::behaved) ? 0 : MISBEHAVED;
    }
  }

  public Outcome run() throws ConfigException, IOException, InterruptedException {
    long started = System.nanoTime();
    Path work = folder.resolve("work");
    LabFiles.deleteTree(work);
    boolean newDataDir = !Files.exists(folder.getParent());
    LabFiles.createPrivateDirectory(folder);
    introduce();
    Capturing capturing = new Capturing();
    Narrator narrator = stepInput.isPresent() ? this::pause : this::announce;
    List<StageResult> results = new ArrayList<>();
    try {
      for (DemoStage stage : stages) {
        out.println();
        out.println(bold("── " + stage.name() + ": " + stage.stage().summary()));
        out.flush();
        StageResult result =
            new StageRun(stage, work.resolve(stage.name()), capture(stage), narrator)
                .run(capturing);
        results.add(result);
        show(result, capturing.unavailable());
      }
    } catch (CaptureException e) {
      throw new ConfigException("the demo could not read its own capture: " + e.getMessage());
    } finally {
      LabFiles.deleteTree(work);
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    Outcome outcome =
        new Outcome(
            results,
            capturing.unavailable(),
            folder.resolve("report.html"),
            folder.resolve("results.json"),
            took);
    LabFiles.writePrivate(outcome.report(), DemoReport.html(outcome).getBytes(UTF_8));
    LabFiles.writePrivate(outcome.json(), DemoReport.json(outcome).getBytes(UTF_8));
    for (StageResult result : results) {
      if (result.capture().isPresent()) {
        ownerOnly(result.capture().get());
      }
    }
    Optional<SudoHandBack> sudo = SudoHandBack.of(System.getenv());
    if (sudo.isPresent()) {
      sudo.get().giveBack(newDataDir ? folder.getParent() : folder);
    }
    conclude(outcome);
    return outcome;
  }

  private Path capture(DemoStage stage) {
    return folder.resolve(stage.name() + ".pcap");
  }

  private void introduce() {
    out.println(
        bold("lab demo")
            + ": alice and bob have the same conversation over each stage while a sniffer"
            + " records the wire.");
    out.println(
        "  They register with passwords, alice says \""
            + Scenario.MESSAGE
            + "\", whispers \""
            + Scenario.WHISPER
            + "\"");
    out.println(
        "  to bob and sends him "
            + Scenario.FILE_NAME
            + " (\""
            + Scenario.FILE_SECRET
            + "\"). Captures and report: "
            + folder
            + "/");
    out.flush();
  }

  private void announce(Step step, DemoStage stage, int port) {
    int usual = stage.stage().defaultPort();
    if (step == Step.START && usual != 0 && port != usual) {
      out.println("   port " + usual + " is busy: the server uses " + port);
      out.flush();
    }
  }

  /** {@code --step}: says what happens next and what to look for, then waits for Enter. */
  private void pause(Step step, DemoStage stage, int port) throws IOException {
    out.println(bold("   ▶ " + step.what()));
    String lookFor = stage.lookFor(step, port);
    if (!lookFor.isEmpty()) {
      TerminalText.wrap("look for: " + lookFor, 96).forEach(line -> out.println("     " + line));
    }
    if (waitForEnter) {
      out.print("     [Enter] ");
      out.flush();
      String typed = stepInput.orElseThrow().readLine();
      if (!Consoles.stdinAndStdoutAreTerminal()) {
        out.println(); // piped input: no Enter was echoed
      }
      if (typed == null) {
        waitForEnter = false;
        out.println("     (no more input: the demo runs on without pausing)");
      }
    }
    out.flush();
  }

  private void show(StageResult result, Optional<String> captureUnavailable) {
    if (result.wire().isPresent()) {
      WireFindings wire = result.wire().get();
      out.println(
          "   what an eavesdropper sees ("
              + result.capture().orElseThrow()
              + ", "
              + wire.analysis().counts().packets()
              + " packets):");
      TerminalReport lines = new TerminalReport(out, colour);
      for (WireMessage message : wire.excerpts()) {
        out.println("     " + lines.line(abbreviate(message)));
      }
    } else {
      out.println(
          "   the wire: not measured ("
              + captureUnavailable.orElse("the sniffer did not run")
              + ")");
    }
    out.println(
        "   the server reads: "
            + (result.serverReads() == Seen.VISIBLE
                ? "every line in clear, the secrets included"
                : "none of the secrets: it relays what it cannot open"));
    for (String line : result.serverView()) {
      out.println("     " + abbreviate(TerminalText.sanitize(line), 100));
    }
    for (String problem : result.problems()) {
      out.println(red("   ✗ " + problem));
    }
    if (result.behaved()) {
      out.println("   ✓ as this stage promises");
    }
    out.flush();
  }

  private void conclude(Outcome outcome) {
    out.println();
    DemoTable.print(outcome, out);
    out.println();
    out.println(bold("What the next stage fixes"));
    for (StageResult result : outcome.results()) {
      List<String> lines =
          TerminalText.wrap(result.stage().name() + ": " + result.stage().nextFixes(), 98);
      out.println("  " + lines.get(0));
      lines.stream().skip(1).forEach(line -> out.println("    " + line));
    }
    out.println();
    outcome
        .captureUnavailable()
        .ifPresent(
            reason -> {
              out.println("No capture: " + reason);
              out.println(
                  "The chat ran anyway; the wire columns say 'not measured' instead of guessing.");
            });
    out.println("report:   " + outcome.report());
    out.println("results:  " + outcome.json());
    long misbehaved = outcome.results().stream().filter(r -> !r.behaved()).count();
    out.println(
        misbehaved == 0
            ? String.format(
                "every stage did what it promises (%.1f s)", outcome.took().toMillis() / 1000.0)
            : red(misbehaved + " stage(s) did NOT do what they promise: see ✗ above"));
    out.flush();
  }

  /** An excerpt short enough for one terminal line. */
  private static WireMessage abbreviate(WireMessage message) {
    String summary = abbreviate(TerminalText.sanitize(message.summary()), 90);
    return new WireMessage(
        message.stream(),
        message.direction(),
        message.offset(),
        message.length(),
        message.frame(),
        message.time(),
        message.kind(),
        summary,
        message.details(),
        message.flags());
  }

  private static String abbreviate(String line, int width) {
    return line.length() <= width ? line : line.substring(0, width - 3) + "...";
  }

  private String bold(String text) {
    return colour ? "\u001b[1m" + text + "\u001b[0m" : text;
  }

  private String red(String text) {
    return colour ? "\u001b[31m" + text + "\u001b[0m" : text;
  }

  /** A capture holds the demo's passwords: like everything in the data folder, owner-only. */
  private static void ownerOnly(Path file) throws IOException {
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
  }
}
