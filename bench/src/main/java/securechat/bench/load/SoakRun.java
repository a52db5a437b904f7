package securechat.bench.load;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import securechat.bench.cli.BenchCommand;
import securechat.core.cli.ConfigException;
import securechat.core.storage.LabFiles;

/**
 * One soak from start to end: many users taking turns to connect, chat and leave for a bounded
 * time, handshakes killed with their process, clients that never read, and then the checks that
 * nothing was lost, duplicated or leaked.
 *
 * <pre>
 *   accounts ─▶ server JVM ─▶ anchors log in ─▶ warm-up: every user once ─▶ baseline (full GC)
 *     ─▶ churn for D: sessions ║ killed handshakes ║ slow consumers ─▶ drain ─▶ after (full GC)
 *     ─▶ one more login ─▶ verdict
 * </pre>
 *
 * <p>Who receives what must be known for "every message sent to an online recipient was delivered
 * exactly once": the sessions ({@link SoakSessions}) whisper only to {@value #ANCHORS} anchor
 * users, who stay online from start to end and read everything. A session ends with {@code /quit}
 * and waits for the server's {@code BYE}, so everything it sent has been handled by then.
 */
final class SoakRun {
  static final int ANCHORS = 4;
  static final int SLOW_NAMES = 4;

  private final BenchCommand bench;
  private final SoakSettings settings;
  private final StatusLine status;
  private final LoadNames names = LoadNames.forOwnServer();
  private final int accounts;
  private final DeliveryTracker tracker;
  private final DeliveryTracker toSlowConsumers;

  SoakRun(BenchCommand bench, SoakSettings settings, PrintWriter err, boolean terminal) {
    this.bench = bench;
    this.settings = settings;
    this.status = new StatusLine(err, terminal);
    this.accounts = settings.clients() + SLOW_NAMES + 1;
    this.tracker = new DeliveryTracker(accounts);
    this.toSlowConsumers = new DeliveryTracker(accounts);
  }

  /** Runs the soak and returns the figures; the server is stopped before this returns. */
  SoakReport run() throws ConfigException, IOException, InterruptedException {
    Path work = Files.createTempDirectory("securechat-soak-");
    try (status) {
      return runIn(work);
    } finally {
      LabFiles.deleteTree(work);
    }
  }

  private SoakReport runIn(Path work) throws ConfigException, IOException, InterruptedException {
    Path data = work.resolve("server");
    status.show(() -> "[setup] accounts and server");
    LoadAccounts.writeAccounts(data, names, accounts);
    if (settings.stage().name().equals("e2e")) {
      LoadAccounts.writeE2eIdentities(data, names, accounts);
    }
    int maxClients = settings.sessionsAtOnce() + ANCHORS + 64;
    try (ServerProcess server =
            ServerProcess.startLab(
                bench,
                settings.stage().name(),
                data,
                settings.serverHeap(),
                settings.serverJvmOptions(),
                settings.serverOptions(),
                maxClients);
        ServerProbe probe = ServerProbe.attach(server.pid())) {
      probe.startMeasuring();
      ClientSecurities securities =
          new ClientSecurities(
              settings.stage(),
              settings.clientOptions(),
              data,
              server.address(),
              names,
              ClientSecurities.countingProblems(tracker));
      return new SoakPhases(
              settings, names, tracker, toSlowConsumers, status, server, probe, securities, work)
          .run();
    }
  }
}
