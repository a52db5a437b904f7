package securechat.bench.load;

import java.time.Duration;
import java.util.List;
import securechat.core.cli.Stage;

/**
 * The checked parameters of one soak ({@link SoakCommand} checks them).
 *
 * @param stage the stage to soak
 * @param clients the users taking turns: {@value SoakRun#ANCHORS} stay online all along, the rest
 *     connect, chat and leave again and again
 * @param sessionsAtOnce how many of those sessions run at the same time
 * @param duration how long the churn lasts
 * @param killEvery how often a handshake is killed with its process (zero: never)
 * @param slowEvery how often a client that never reads is started (zero: never)
 * @param serverHeap the server JVM's {@code -Xmx}
 * @param serverJvmOptions more options for the server JVM
 * @param serverOptions the stage's own {@code lab server} options
 * @param clientOptions the stage's own {@code lab client} options
 */
record SoakSettings(
    Stage stage,
    int clients,
    int sessionsAtOnce,
    Duration duration,
    Duration killEvery,
    Duration slowEvery,
    String serverHeap,
    List<String> serverJvmOptions,
    List<String> serverOptions,
    List<String> clientOptions) {}
