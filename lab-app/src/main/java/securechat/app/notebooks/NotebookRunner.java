package securechat.app.notebooks;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Runs notebooks headless, one at a time, as CI does: {@code jupyter-nbconvert --to notebook
 * --execute}, which starts the kernel, runs every cell in order, stops at the first error and
 * writes the executed copy (outputs included) to the output folder.
 *
 * <p>The kernel spec is private: a {@code kernels/securechat-lab/kernel.json} in a temporary folder
 * that {@code JUPYTER_PATH} points at, with Jupyter's data, config and runtime folders there too. A
 * run never reads or changes the user's Jupyter set-up, and always uses the kernel jar the build
 * just made. {@link #close} deletes the folder.
 *
 * <p>Two limits keep a run from hanging: each cell gets {@code cellTimeout}, and the kernel gets
 * {@link #KERNEL_START_LIMIT} to answer Jupyter's first request. rapaio-jupyter-kernel 3.0.1
 * sometimes never answers, and why is visible in its classes: it binds its five sockets in the
 * order of a {@code Set.of(...)}, which differs from run to run, the shell socket's loop thread
 * starts polling as soon as that socket is bound, and the table of message handlers is filled only
 * after all five are bound. When the shell socket comes late, Jupyter's queued kernel_info_request
 * arrives before the table exists, and the shell loop thread dies on it (seen in a thread dump of a
 * hung kernel: one loop thread fewer than in a healthy one). Measured: 3 of 30 starts on an idle
 * machine, about a third on a busy one. Nothing outside the kernel can order its sockets, so a
 * kernel that did not answer is started again, up to {@link #MAX_ATTEMPTS} times; every other
 * failure counts at once. A healthy kernel answers in one to five seconds.
 */
final class NotebookRunner implements Closeable {
  static final Duration KERNEL_START_LIMIT = Duration.ofSeconds(15);
  static final int MAX_ATTEMPTS = 10;

  private final Path nbconvert;
  private final Path privateFolder;
  private final Map<String, String> env;
  private final Path outFolder;
  private final Duration cellTimeout;

  private NotebookRunner(
      Path nbconvert, Path privateFolder, Map<String, String> env, Path out, Duration timeout) {
    this.nbconvert = nbconvert;
    this.privateFolder = privateFolder;
    this.env = env;
    this.outFolder = out;
    this.cellTimeout = timeout;
  }

  /** A runner with its private kernel spec written; close it to delete the spec. */
  static NotebookRunner start(
      Jupyter jupyter, Path nbconvert, KernelSpec spec, Path outFolder, Duration cellTimeout)
      throws IOException {
    Path privateFolder = Files.createTempDirectory("securechat-notebooks-");
    spec.writeInto(privateFolder.resolve("kernels"));
    Map<String, String> env = new HashMap<>(jupyter.env());
    env.put("JUPYTER_PATH", privateFolder.toString());
    env.put("JUPYTER_DATA_DIR", privateFolder.resolve("data").toString());
    env.put("JUPYTER_CONFIG_DIR", privateFolder.resolve("config").toString());
    env.put("JUPYTER_RUNTIME_DIR", privateFolder.resolve("runtime").toString());
    Files.createDirectories(outFolder);
    return new NotebookRunner(nbconvert, privateFolder, Map.copyOf(env), outFolder, cellTimeout);
  }

  /** Runs one notebook; its executed copy (or, if it failed, nbconvert's output) goes to out. */
  RunResult run(Path notebook) throws IOException, InterruptedException {
    String name = notebook.getFileName().toString();
    Path executedCopy = outFolder.resolve(name);
    Path keptLog = outFolder.resolve(name.replaceFirst("\\.ipynb$", "") + ".log");
    Files.deleteIfExists(executedCopy);
    Files.deleteIfExists(keptLog);
    Path log = privateFolder.resolve("nbconvert.log");
    long start = System.nanoTime();
    Optional<RunFailure> failure;
    int attempt = 0;
    do {
      attempt++;
      failure = runOnce(notebook, log);
    } while (attempt < MAX_ATTEMPTS
        && failure.filter(f -> f.kind() == RunFailure.Kind.KERNEL_DID_NOT_START).isPresent());
    Duration time = Duration.ofNanos(System.nanoTime() - start);
    if (failure.isEmpty()) {
      return new RunResult(notebook, time, attempt, failure, Optional.empty());
    }
    Files.copy(log, keptLog, StandardCopyOption.REPLACE_EXISTING);
    return new RunResult(notebook, time, attempt, failure, Optional.of(keptLog));
  }

  private Optional<RunFailure> runOnce(Path notebook, Path log)
      throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(command(notebook))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().clear();
    builder.environment().putAll(env);
    Process process = builder.start();
    process.getOutputStream().close();
    try {
      int status = process.waitFor();
      if (status == 0) {
        return Optional.empty();
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      return Optional.of(RunFailure.fromNbconvertOutput(output, status));
    } finally {
      if (process.isAlive()) {
        // Interrupted (a test's @Timeout, say): leave no nbconvert and no kernel behind.
        // Ctrl-C needs nothing here: it reaches nbconvert directly, which stops its kernel.
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
      }
    }
  }

  private List<String> command(Path notebook) {
    return List.of(
        nbconvert.toString(),
        "--to",
        "notebook",
        "--execute",
        "--output-dir",
        outFolder.toAbsolutePath().toString(),
        "--ExecutePreprocessor.timeout=" + cellTimeout.toSeconds(),
        "--ExecutePreprocessor.startup_timeout=" + KERNEL_START_LIMIT.toSeconds(),
        notebook.toAbsolutePath().toString());
  }

  /** Deletes the private kernel spec and Jupyter's files beside it. */
  @Override
  public void close() throws IOException {
    try (Stream<Path> files = Files.walk(privateFolder)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }
}
