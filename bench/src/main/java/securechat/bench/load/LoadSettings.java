package securechat.bench.load;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import securechat.core.cli.Stage;

/**
 * The checked parameters of one load run ({@link LoadCommand} checks them).
 *
 * @param stage the stage to load
 * @param clients how many clients (for {@code connect}: how many connect at once)
 * @param ratePerSecond messages per second, all clients together
 * @param duration how long messages are sent (or handshakes run)
 * @param drain how long to wait after the last send for deliveries still under way
 * @param pattern what the clients do
 * @param messageChars the least length of each message's text (padded with {@code x})
 * @param seed the seed of the whisper pattern's random recipients
 * @param connectConcurrency clients connecting or logging in at once
 * @param serverHeap the server JVM's {@code -Xmx}
 * @param serverJvmOptions more options for the server JVM (JFR, GC)
 * @param serverOptions the stage's own {@code lab server} options
 * @param clientOptions the stage's own {@code lab client} options
 * @param connect a running server to load instead of starting one
 * @param serverPid that running server's process, to read its heap; empty if not given
 * @param dataDir where the clients find the lab CA and keep pins and identities; empty for a fresh
 *     temporary folder
 */
record LoadSettings(
    Stage stage,
    int clients,
    double ratePerSecond,
    Duration duration,
    Duration drain,
    LoadPattern pattern,
    int messageChars,
    long seed,
    int connectConcurrency,
    String serverHeap,
    List<String> serverJvmOptions,
    List<String> serverOptions,
    List<String> clientOptions,
    Optional<InetSocketAddress> connect,
    OptionalLong serverPid,
    Optional<Path> dataDir) {

  boolean ownServer() {
    return connect.isEmpty();
  }
}
