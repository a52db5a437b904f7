package securechat.bench.load;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import securechat.bench.cli.BenchCommand;
import securechat.core.cli.ConfigException;
import securechat.core.cli.Stage;

/**
 * The options {@code lab bench load} and {@code lab bench soak} share: which stage, and how its
 * server JVM and clients are started. A picocli mixin, so each option is written once.
 */
final class RunOptions {
  @Option(
      names = "--stage",
      paramLabel = "STAGE",
      defaultValue = "plain",
      description = "plain, tls, ecdhe or e2e. Default: ${DEFAULT-VALUE}")
  private String stageName;

  @Option(
      names = "--server-heap",
      paramLabel = "SIZE",
      description = "The server JVM's -Xmx, e.g. 512m or 1g. Default: ${DEFAULT-VALUE}")
  private String serverHeap;

  @Option(
      names = "--server-jvm-option",
      paramLabel = "OPT",
      description =
          "An option for the server's JVM, e.g. -XX:StartFlightRecording=filename=s.jfr"
              + " (repeatable)")
  private List<String> serverJvmOptions = new ArrayList<>();

  @Option(
      names = "--server-option",
      paramLabel = "ARG",
      description = "An argument for 'lab server', e.g. --transport (repeatable)")
  private List<String> serverOptions = new ArrayList<>();

  @Option(
      names = "--client-option",
      paramLabel = "ARG",
      description = "An argument for the stage's client, e.g. --curve=p384 (repeatable)")
  private List<String> clientOptions = new ArrayList<>();

  /**
   * @param defaultHeap the server's -Xmx when --server-heap is not given
   */
  RunOptions(String defaultHeap) {
    this.serverHeap = defaultHeap;
  }

  Stage stage(BenchCommand bench) throws ConfigException {
    return Stage.find(bench.stages(), stageName);
  }

  /** The server's -Xmx, checked. */
  String serverHeap() throws ConfigException {
    if (!serverHeap.matches("[1-9][0-9]{0,6}[kKmMgG]")) {
      throw new ConfigException(
          "--server-heap " + serverHeap + " is not a heap size", "write it like 512m or 2g");
    }
    return serverHeap;
  }

  List<String> serverJvmOptions() {
    return List.copyOf(serverJvmOptions);
  }

  List<String> serverOptions() {
    return List.copyOf(serverOptions);
  }

  List<String> clientOptions() {
    return List.copyOf(clientOptions);
  }
}
