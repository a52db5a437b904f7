package securechat.app.guide;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the shell blocks of a lab guide chapter the way a student would type them, so that the guide
 * cannot rot: in order, in a fresh folder that has only a {@code ./lab} (a link to the real script)
 * and so a fresh {@code lab-data/}. How a block is run is said by its {@link FenceInfo}.
 *
 * <p>A chapter stops at its first failing block: the later ones build on it. Servers and captures
 * started in the background are stopped at the end of the chapter, whatever happened.
 */
public final class GuideRunner {
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);

  /**
   * How long after the block before it a background block is stopped. Nobody presses Ctrl-C the
   * instant a command ends, and a capture needs that moment: libpcap hands packets over in batches,
   * after a read timeout, so tshark stopped within 0.1 s of a connection loses all its packets.
   */
  private static final Duration CTRL_C_DELAY = Duration.ofSeconds(1);

  private final Path labHome;
  private final PrintWriter progress;

  /** Runs against the lab in {@code labHome}; one line per block goes to {@code progress}. */
  public GuideRunner(Path labHome, PrintWriter progress) {
    this.labHome = labHome;
    this.progress = progress;
  }

  /** What became of one block. */
  public enum Status {
    PASSED,
    FAILED,
    /** A {@code norun} block, or one after a failure in the same chapter. */
    NOT_RUN
  }

  /** One block's result; {@code note} says what went wrong, or why it was not run. */
  public record BlockResult(GuideBlock block, Status status, String note, Duration took) {}

  /** A chapter's results, in the order of its blocks. */
  public record ChapterReport(String chapter, List<BlockResult> results, Duration took) {
    public boolean passed() {
      return results.stream().noneMatch(result -> result.status() == Status.FAILED);
    }

    public long count(Status status) {
      return results.stream().filter(result -> result.status() == status).count();
    }

    /** One line: {@code 01-plain.md: 12 blocks run, 1 not run (norun), 34.2 s}. */
    public String summary() {
      return String.format(
          "%s: %d run, %d failed, %d not run, %.1f s",
          chapter,
          count(Status.PASSED) + count(Status.FAILED),
          count(Status.FAILED),
          count(Status.NOT_RUN),
          took.toMillis() / 1000.0);
    }

    /** The failures, each with where it is, what went wrong and the end of its output. */
    public List<String> failures() {
      return results.stream()
          .filter(result -> result.status() == Status.FAILED)
          .map(result -> result.block().where() + ": " + result.note())
          .toList();
    }
  }

  /** Runs the shell blocks of {@code chapter} in {@code workDir} (created; should be empty). */
  public ChapterReport run(Path chapter, Path workDir) throws IOException, InterruptedException {
    long start = System.nanoTime();
    Files.createDirectories(workDir);
    Files.createSymbolicLink(workDir.resolve("lab"), labHome.resolve("lab"));
    Map<String, String> env = environment(workDir);
    List<BlockResult> results = new ArrayList<>();
    Map<String, Background> running = new LinkedHashMap<>();
    boolean failed = false;
    try {
      for (GuideBlock block : GuideBlock.in(chapter)) {
        Optional<String> refusal = refusal(block.info());
        if (refusal.isPresent()) {
          results.add(report(new BlockResult(block, Status.FAILED, refusal.get(), Duration.ZERO)));
          failed = true;
        } else if (!block.info().language().equals("bash")) {
          continue; // output, Java, JSON...: shown, not run
        } else if (block.info().norun()) {
          results.add(
              report(
                  new BlockResult(
                      block, Status.NOT_RUN, block.info().value("reason").get(), Duration.ZERO)));
        } else if (failed) {
          results.add(
              new BlockResult(block, Status.NOT_RUN, "after a failure above", Duration.ZERO));
        } else {
          BlockResult result = runBlock(block, workDir, env, running);
          results.add(report(result));
          failed = result.status() == Status.FAILED;
        }
      }
    } finally {
      for (Background background : List.copyOf(running.values())) {
        BlockResult result = stop(background);
        if (!failed && result.status() == Status.FAILED) {
          replace(results, result);
          report(result);
        }
      }
    }
    // The link to ./lab goes: a folder kept for a look at its lab-data/ should not run the lab.
    Files.deleteIfExists(workDir.resolve("lab"));
    return new ChapterReport(
        chapter.getFileName().toString(),
        List.copyOf(results),
        Duration.ofNanos(System.nanoTime() - start));
  }

  /** Why a block's fence is not allowed, if it is not. */
  private static Optional<String> refusal(FenceInfo info) {
    if (FenceInfo.UNCHECKED_SHELLS.contains(info.language())) {
      return Optional.of(
          "```"
              + info.language()
              + " is not checked: write ```bash runnable, or ```bash norun reason=\"...\"");
    }
    if (!info.language().equals("bash")) {
      return Optional.empty();
    }
    if (info.runnable() == info.norun()) {
      return Optional.of("a ```bash block says either runnable or norun reason=\"...\"");
    }
    if (info.norun() && info.value("reason").isEmpty()) {
      return Optional.of("```bash norun needs reason=\"why it cannot run in the test\"");
    }
    if (info.background() && info.value("ready").isEmpty()) {
      return Optional.of("a background block needs ready=\"TEXT it prints once it is up\"");
    }
    return Optional.empty();
  }

  private BlockResult runBlock(
      GuideBlock block, Path workDir, Map<String, String> env, Map<String, Background> running)
      throws IOException, InterruptedException {
    FenceInfo info = block.info();
    for (String name : info.all("stop")) {
      Background background = running.get(name);
      if (background == null) {
        return new BlockResult(
            block,
            Status.FAILED,
            "stop=" + name + ": no background block of that name",
            Duration.ZERO);
      }
      BlockResult stopped = stop(background);
      running.remove(name);
      if (stopped.status() == Status.FAILED) {
        return stopped;
      }
    }
    long start = System.nanoTime();
    Duration timeout =
        info.value("timeout").map(Long::parseLong).map(Duration::ofSeconds).orElse(DEFAULT_TIMEOUT);
    String input = info.value("input").orElse("");
    ShellProcess shell = ShellProcess.start(block.script(), workDir, env, input, info.background());
    if (info.background()) {
      String ready = info.value("ready").get();
      if (!shell.awaitText(ready, timeout)) {
        String why =
            shell.isAlive()
                ? "did not print \"" + ready + "\" within " + timeout.toSeconds() + " s"
                : "ended before printing \"" + ready + "\"";
        shell.stop(STOP_GRACE);
        return failed(block, why, shell, start);
      }
      String name = info.value("name").orElse("background " + block.where());
      running.put(name, new Background(block, shell, start));
      return new BlockResult(block, Status.PASSED, "started", since(start));
    }
    Optional<Integer> exit = shell.awaitExit(timeout);
    if (exit.isEmpty()) {
      shell.stop(STOP_GRACE);
      return failed(block, "did not finish within " + timeout.toSeconds() + " s", shell, start);
    }
    int expected = info.value("exit").map(Integer::parseInt).orElse(0);
    if (exit.get() != expected) {
      return failed(block, "exit status " + exit.get() + ", expected " + expected, shell, start);
    }
    return checkExpected(block, shell, start);
  }

  /** Stops a background block and checks what it printed in the meantime. */
  private BlockResult stop(Background background) throws InterruptedException {
    if (background.shell().isAlive()) {
      Thread.sleep(CTRL_C_DELAY);
    }
    background.shell().stop(STOP_GRACE);
    return checkExpected(background.block(), background.shell(), background.start());
  }

  private static BlockResult checkExpected(GuideBlock block, ShellProcess shell, long start) {
    String output = shell.output();
    for (String expected : block.info().all("expect")) {
      if (!output.contains(expected)) {
        return failed(block, "its output does not contain \"" + expected + "\"", shell, start);
      }
    }
    return new BlockResult(block, Status.PASSED, "", since(start));
  }

  private static BlockResult failed(GuideBlock block, String why, ShellProcess shell, long start) {
    String tail = shell.tail(15).indent(4).stripTrailing();
    return new BlockResult(
        block,
        Status.FAILED,
        why + (tail.isBlank() ? " (it printed nothing)" : "; the end of its output:\n" + tail),
        since(start));
  }

  private BlockResult report(BlockResult result) {
    String took = String.format("%5.1f s", result.took().toMillis() / 1000.0);
    String first = result.block().script().strip().lines().findFirst().orElse("");
    progress.printf(
        "  %-8s %s  %-18s %s%n",
        result.status(),
        took,
        result.block().where(),
        first.length() > 60 ? first.substring(0, 57) + "..." : first);
    if (result.status() == Status.FAILED) {
      progress.println(result.note().indent(4).stripTrailing());
    }
    progress.flush();
    return result;
  }

  private static void replace(List<BlockResult> results, BlockResult result) {
    for (int i = 0; i < results.size(); i++) {
      if (results.get(i).block().equals(result.block())) {
        results.set(i, result);
      }
    }
  }

  /**
   * What every block runs with: no rebuild (the test runs inside a build), no colours, a fixed
   * width, Jupyter's user folder inside the chapter's folder. As root on a machine without sudo (a
   * CI container), a {@code sudo} that simply runs the command stands in for it, which is what sudo
   * does for root.
   */
  private static Map<String, String> environment(Path workDir) throws IOException {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("LAB_NO_BUILD", "1");
    env.put("NO_COLOR", "1");
    env.put("TERM", "dumb");
    env.put("COLUMNS", "100");
    // lab notebooks install writes a kernel spec for the user: here, into the chapter's folder.
    env.put("JUPYTER_DATA_DIR", workDir.resolve(".jupyter").toString());
    if (isRoot() && !onPath("sudo")) {
      Path bin = Files.createDirectories(workDir.resolve(".guide-bin"));
      Path sudo = bin.resolve("sudo");
      Files.writeString(
          sudo, "#!/bin/sh\n# root needs no sudo: run the command as it is\nexec \"$@\"\n");
      Files.setPosixFilePermissions(sudo, PosixFilePermissions.fromString("rwxr-xr-x"));
      env.put("PATH", bin + ":" + System.getenv("PATH"));
    }
    return env;
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static boolean onPath(String command) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(":")) {
      if (Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }

  private static Duration since(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private record Background(GuideBlock block, ShellProcess shell, long start) {}
}
