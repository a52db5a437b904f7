package securechat.attacks.crack;

import picocli.CommandLine.Option;
import securechat.core.cli.ConfigException;

/** The {@code --threads N} option of the searches: how many threads guess at once. */
final class ThreadsOption {
  static final int MAX_THREADS = 1024;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Threads that guess at once, 1 to 1024. Default: one per processor")
  private Integer threads;

  /**
   * The number given, or one per processor.
   *
   * @throws ConfigException if it is outside 1 to {@link #MAX_THREADS}
   */
  int count() throws ConfigException {
    int count = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (count < 1 || count > MAX_THREADS) {
      throw new ConfigException("--threads must be 1 to " + MAX_THREADS + ", not " + count);
    }
    return count;
  }
}
