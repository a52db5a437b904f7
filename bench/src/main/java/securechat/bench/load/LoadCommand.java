package securechat.bench.load;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import securechat.bench.cli.BenchCommand;
import securechat.core.cli.ConfigException;
import securechat.core.cli.DurationConverter;
import securechat.core.cli.Stage;

/**
 * {@code lab bench load}: loads one stage's server with many clients and reports what it did: the
 * connect and login rates, deliveries per second, latency percentiles, losses and errors, and the
 * server's heap, threads and CPU. By default it starts the server itself, in its own JVM, on
 * 127.0.0.1 and a free port, with a fresh data folder, and stops it at the end.
 *
 * <pre>
 * ./lab bench load --stage plain --clients 100 --rate 3000 --duration 10s --pattern broadcast
 * ./lab bench load --clients 10000 --rate 1000 --duration 30s --pattern whisper --json run.json
 * ./lab bench load --stage tls --clients 8 --duration 10s --pattern connect
 * </pre>
 *
 * <p>Every run is bounded: at most {@value #MAX_CLIENTS} clients (and no more than the open-file
 * limit allows), at most 10 minutes of sending, on loopback only.
 */
@Command(
    name = "load",
    mixinStandardHelpOptions = true,
    description = {
      "Load a stage's server with N clients on this machine and report connect and login rates,"
          + " deliveries/s, latency percentiles (from each message's due time), losses, errors,"
          + " and the server's heap, threads and CPU (read over JMX). Starts the server in its own"
          + " JVM unless --connect is given.",
      ""
    })
public final class LoadCommand implements Callable<Integer> {
  static final int MAX_CLIENTS = 50_000;
  static final Duration MAX_DURATION = Duration.ofMinutes(10);
  static final Duration MAX_DRAIN = Duration.ofSeconds(60);
  static final double MAX_RATE = 2_000_000;

  /** File descriptors besides the sockets: the JVM's jars, pipes, the server's output. */
  private static final int FILE_HEADROOM = 200;

  private final BenchCommand bench;

  @Spec private CommandSpec spec;

  @Mixin private RunOptions run = new RunOptions("1g");

  @Option(
      names = "--clients",
      paramLabel = "N",
      defaultValue = "100",
      description =
          "Clients connected and logged in (connect: clients connecting at once)."
              + " Default: ${DEFAULT-VALUE}")
  private int clients;

  @Option(
      names = "--rate",
      paramLabel = "R",
      defaultValue = "1000",
      description =
          "Messages per second, all clients together, sent open loop. Ignored by connect."
              + " Default: ${DEFAULT-VALUE}")
  private double rate;

  @Option(
      names = "--duration",
      paramLabel = "D",
      defaultValue = "10s",
      converter = DurationConverter.class,
      description = "How long to send (at most 10m). Default: ${DEFAULT-VALUE}")
  private Duration duration;

  @Option(
      names = "--pattern",
      paramLabel = "P",
      defaultValue = "broadcast",
      description = "broadcast, whisper or connect. Default: ${DEFAULT-VALUE}")
  private String patternName;

  @Option(
      names = "--json",
      paramLabel = "FILE",
      description = "Also write every figure as JSON to FILE; '-' writes it to stdout instead")
  private String json;

  @Option(
      names = "--connect",
      paramLabel = "HOST:PORT",
      description =
          "Load a server that is already running on this machine instead of starting one"
              + " (its accounts are then registered, with the server's own Argon2 cost)")
  private String connect;

  @Option(
      names = "--server-pid",
      paramLabel = "PID",
      description = "With --connect: the server's process id, to read its heap and threads")
  private Long serverPid;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description =
          "With --connect: the lab data folder the clients use (the tls stage's CA is in it)."
              + " Default: a fresh temporary folder")
  private Path dataDir;

  @Option(
      names = "--drain",
      paramLabel = "D",
      defaultValue = "2s",
      converter = DurationConverter.class,
      description =
          "After sending, how long to wait for deliveries under way (at most 60s)."
              + " Default: ${DEFAULT-VALUE}")
  private Duration drain;

  @Option(
      names = "--message-chars",
      paramLabel = "N",
      defaultValue = "0",
      description = "Pad each message's text to at least N characters. Default: no padding")
  private int messageChars;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "1",
      description = "Seed of the whisper pattern's recipients. Default: ${DEFAULT-VALUE}")
  private long seed;

  @Option(
      names = "--connect-concurrency",
      paramLabel = "K",
      defaultValue = "32",
      description = "Clients connecting or logging in at once. Default: ${DEFAULT-VALUE}")
  private int connectConcurrency;

  public LoadCommand(BenchCommand bench) {
    this.bench = bench;
  }

  @Override
  public Integer call() throws ConfigException, IOException, InterruptedException {
    LoadSettings settings = settings();
    PrintWriter err = spec.commandLine().getErr();
    LoadReport report = new LoadRun(bench, settings, err, System.console() != null).run();
    boolean jsonToStdout = "-".equals(json);
    ReportTable.print(report, jsonToStdout ? err : spec.commandLine().getOut());
    if (json != null) {
      writeJson(report, jsonToStdout);
    }
    return 0;
  }

  private void writeJson(LoadReport report, boolean toStdout) throws ConfigException {
    String text = ReportJson.of(report);
    if (toStdout) {
      spec.commandLine().getOut().println(text);
      spec.commandLine().getOut().flush();
      return;
    }
    try {
      Files.writeString(Path.of(json), text + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException("cannot write " + json + ": " + Errors.kind(e));
    }
  }

  /** The options, checked: each problem is one sentence with a way out. */
  LoadSettings settings() throws ConfigException {
    Stage stage = run.stage(bench);
    LoadPattern pattern = pattern();
    checkClients(pattern);
    checkRange("--rate", rate, Double.MIN_VALUE, MAX_RATE, "messages per second");
    checkDuration("--duration", duration, Duration.ofSeconds(1), MAX_DURATION);
    checkDuration("--drain", drain, Duration.ZERO, MAX_DRAIN);
    checkRange("--message-chars", messageChars, 0, 16_000, "characters");
    checkRange("--connect-concurrency", connectConcurrency, 1, 10_000, "clients");
    Optional<InetSocketAddress> running = connect == null ? Optional.empty() : Optional.of(parse());
    if (running.isEmpty() && (serverPid != null || dataDir != null)) {
      throw new ConfigException(
          "--server-pid and --data-dir go with --connect only",
          "without --connect, the run starts its own server and knows both");
    }
    return new LoadSettings(
        stage,
        clients,
        rate,
        duration,
        drain,
        pattern,
        messageChars,
        seed,
        connectConcurrency,
        run.serverHeap(),
        run.serverJvmOptions(),
        run.serverOptions(),
        run.clientOptions(),
        running,
        serverPid == null ? OptionalLong.empty() : OptionalLong.of(serverPid),
        Optional.ofNullable(dataDir));
  }

  private LoadPattern pattern() throws ConfigException {
    for (LoadPattern pattern : LoadPattern.values()) {
      if (pattern.label().equals(patternName.toLowerCase(Locale.ROOT))) {
        return pattern;
      }
    }
    throw new ConfigException(
        "--pattern " + patternName + " is not a pattern", "use broadcast, whisper or connect");
  }

  private void checkClients(LoadPattern pattern) throws ConfigException {
    int least = pattern == LoadPattern.CONNECT ? 1 : 2;
    checkRange("--clients", clients, least, MAX_CLIENTS, "clients");
    long files = openFileLimit();
    long needed = (long) clients + FILE_HEADROOM;
    if (files > 0 && needed > files) {
      throw new ConfigException(
          "--clients "
              + clients
              + " needs about "
              + needed
              + " open files, but this shell allows "
              + files
              + " (ulimit -n)",
          "raise the limit first, e.g. ulimit -n "
              + Math.max(needed * 2, 4096)
              + " (at most ulimit -Hn), or use fewer clients");
    }
  }

  /** This process's limit on open files (the server, started from it, inherits it); 0 unknown. */
  static long openFileLimit() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
      return unix.getMaxFileDescriptorCount();
    }
    return 0;
  }

  private static void checkRange(String option, double value, double min, double max, String unit)
      throws ConfigException {
    if (!(value >= min && value <= max)) {
      String shown = value == Math.rint(value) ? String.valueOf((long) value) : "" + value;
      String least = min == Double.MIN_VALUE ? "more than 0" : String.valueOf((long) min);
      throw new ConfigException(
          option + " " + shown + " is out of range: " + least + " to " + (long) max + " " + unit);
    }
  }

  private static void checkDuration(String option, Duration value, Duration min, Duration max)
      throws ConfigException {
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new ConfigException(
          option
              + " "
              + value.toSeconds()
              + "s is out of range: "
              + min.toSeconds()
              + "s to "
              + max.toSeconds()
              + "s");
    }
  }

  /** {@code --connect HOST:PORT}, which must be this machine: the lab loads loopback only. */
  private InetSocketAddress parse() throws ConfigException {
    int colon = connect.lastIndexOf(':');
    String host = colon > 0 ? connect.substring(0, colon).replaceAll("^\\[|\\]$", "") : "";
    int port;
    try {
      port = Integer.parseInt(connect.substring(colon + 1));
    } catch (NumberFormatException e) {
      port = -1;
    }
    if (host.isEmpty() || port < 1 || port > 65535) {
      throw new ConfigException(
          "--connect " + connect + " is not HOST:PORT", "for example --connect 127.0.0.1:7001");
    }
    try {
      InetAddress address = InetAddress.getByName(host);
      if (!address.isLoopbackAddress()) {
        throw new ConfigException(
            "--connect " + connect + " is not this machine: load tests run on loopback only",
            "run the load where the server runs, with --connect 127.0.0.1:" + port);
      }
      return new InetSocketAddress(address, port);
    } catch (UnknownHostException e) {
      throw new ConfigException("--connect " + connect + ": unknown host " + host);
    }
  }
}
