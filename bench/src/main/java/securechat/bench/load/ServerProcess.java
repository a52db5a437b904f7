package securechat.bench.load;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import securechat.bench.cli.BenchCommand;
import securechat.core.cli.ConfigException;

/**
 * A {@code lab server} in a JVM of its own, started for one load run: on 127.0.0.1 and a free port,
 * with its own heap ({@code -Xmx}) and no admin console. A separate process, so that the load's
 * clients and the server do not share a heap, a garbage collector or a JIT: the server's figures
 * are the server's.
 *
 * <p>Its output is read all along (a full pipe would stall the server); the last lines are kept to
 * explain a failed start, and lines with {@code BUG} are counted. {@link #close} stops it with
 * SIGTERM, as Ctrl-C would, and kills it if it has not ended 10 seconds later; a shutdown hook does
 * the same if the load run itself is interrupted, so no server is ever left behind.
 */
final class ServerProcess implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
  private static final int KEPT_LINES = 20;
  private static final Pattern LISTENING = Pattern.compile("server listening on (\\S+):(\\d+)");

  private final Process process;
  private final Thread shutdownHook;
  private final CompletableFuture<InetSocketAddress> address = new CompletableFuture<>();
  private final Deque<String> lastLines = new ArrayDeque<>();

  /** The first line it printed (read on one thread, then by others after the process ends). */
  private volatile String firstLine;

  private final AtomicLong bugLines = new AtomicLong();
  private final AtomicLong tooSlowLines = new AtomicLong();

  private ServerProcess(Process process) {
    this.process = process;
    this.shutdownHook = new Thread(process::destroy, "stop the load server");
  }

  /**
   * Starts the server with {@code command} ({@code BenchCommand.labProcess}) and waits until it
   * listens.
   *
   * @throws ConfigException if it exits or stays silent instead, with its last words
   */
  static ServerProcess start(List<String> command) throws ConfigException, IOException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
    ServerProcess server = new ServerProcess(builder.start());
    Runtime.getRuntime().addShutdownHook(server.shutdownHook);
    Thread.ofPlatform().daemon(true).name("load server output").start(server::readOutput);
    try {
      server.awaitListening();
      return server;
    } catch (ConfigException | RuntimeException e) {
      server.close();
      throw e;
    }
  }

  /**
   * Starts {@code lab server --stage STAGE} for a load or soak run: on 127.0.0.1 and a free port,
   * with the data folder {@code serverData}, heap {@code heap}, no admin console, room for {@code
   * maxClients}, and a login timeout long enough for thousands of clients that all connect before
   * any logs in. {@code serverOptions} (the user's {@code --server-option}s) come last and win.
   */
  static ServerProcess startLab(
      BenchCommand bench,
      String stage,
      Path serverData,
      String heap,
      List<String> jvmOptions,
      List<String> serverOptions,
      int maxClients)
      throws ConfigException, IOException {
    List<String> jvm = new ArrayList<>();
    jvm.add("-Xmx" + heap);
    jvm.addAll(jvmOptions);
    List<String> args = new ArrayList<>();
    args.addAll(
        List.of(
            "server",
            "--stage",
            stage,
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            "--data-dir",
            serverData.toString(),
            "--no-admin-console"));
    defaultUnlessGiven(args, serverOptions, "--max-clients", Integer.toString(maxClients));
    defaultUnlessGiven(args, serverOptions, "--login-timeout", "10m");
    args.addAll(serverOptions);
    return start(bench.labProcess(jvm, args.toArray(new String[0])));
  }

  /** Adds {@code option value} unless the user passed the option with --server-option. */
  private static void defaultUnlessGiven(
      List<String> args, List<String> given, String option, String value) {
    if (given.stream().noneMatch(o -> o.startsWith(option))) {
      args.addAll(List.of(option, value));
    }
  }

  private static File nullDevice() {
    boolean windows = System.getProperty("os.name", "").startsWith("Windows");
    return new File(windows ? "NUL" : "/dev/null");
  }

  private void awaitListening() throws ConfigException {
    try {
      address.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new ConfigException("the server did not start: " + lastWords());
    } catch (TimeoutException e) {
      throw new ConfigException(
          "the server did not listen within " + START_TIMEOUT.toSeconds() + " s: " + lastWords());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConfigException("interrupted while the server was starting");
    }
  }

  private void readOutput() {
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        keep(line);
      }
    } catch (IOException e) {
      keep("(reading the server's output failed: " + e.getMessage() + ")");
    }
    address.completeExceptionally(new IOException("the server exited"));
  }

  private void keep(String line) {
    if (!address.isDone()) {
      Matcher listening = LISTENING.matcher(line);
      if (listening.find()) {
        address.complete(
            new InetSocketAddress(listening.group(1), Integer.parseInt(listening.group(2))));
      }
    }
    if (firstLine == null) {
      firstLine = line;
    }
    if (line.contains(" BUG ")) {
      bugLines.incrementAndGet();
    }
    if (line.contains(" closed (too slow")) {
      tooSlowLines.incrementAndGet();
    }
    synchronized (lastLines) {
      lastLines.addLast(line);
      if (lastLines.size() > KEPT_LINES) {
        lastLines.removeFirst();
      }
    }
  }

  /**
   * Why the server stopped or stalled: its "error:" line if it printed one, else the first line of
   * an exited server (a mistaken option: the reason, then the usage) or the last of a live one.
   */
  private String lastWords() {
    List<String> lines = lastLines();
    if (lines.isEmpty()) {
      return process.isAlive()
          ? "(no output)"
          : "(no output, exit status " + process.exitValue() + ")";
    }
    String reason =
        lines.reversed().stream()
            .filter(line -> line.startsWith("error:"))
            .findFirst()
            .orElse(process.isAlive() ? lines.getLast() : firstLine);
    return process.isAlive() ? reason : reason + " (exit status " + process.exitValue() + ")";
  }

  /** The last lines the server printed. */
  List<String> lastLines() {
    synchronized (lastLines) {
      return new ArrayList<>(lastLines);
    }
  }

  /** Where it listens. */
  InetSocketAddress address() {
    return address.getNow(null);
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Lines with {@code BUG} the server logged: a bug in the server, whatever the load. */
  long bugLines() {
    return bugLines.get();
  }

  /** Clients the server dropped for not reading ({@code closed (too slow: ...)} in its log). */
  long tooSlowDrops() {
    return tooSlowLines.get();
  }

  /** Stops the server (SIGTERM, then a kill after 10 s) and waits for it to end. */
  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // The hook is stopping it.
    }
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
