package securechat.bench.load;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import securechat.bench.cli.BenchCommand;
import securechat.core.channel.ChannelSecurity;
import securechat.core.cli.ConfigException;
import securechat.core.storage.LabFiles;

/**
 * One load run from start to end: the server, the accounts, the clients, the load, the figures, and
 * the clean-up (the server stopped, the temporary folder deleted) whatever happens.
 *
 * <pre>
 *   accounts ─▶ server JVM ─▶ connect N ─▶ log in N ─▶ presence settles ─▶ send for D ─▶ drain
 *                  └──────────── JMX: heap and threads sampled ──────────────┘   full GC, figures
 * </pre>
 */
final class LoadRun {
  private final BenchCommand bench;
  private final LoadSettings settings;
  private final StatusLine status;
  private final DeliveryTracker tracker;
  private final LoadNames names;

  LoadRun(BenchCommand bench, LoadSettings settings, PrintWriter err, boolean terminal) {
    this.bench = bench;
    this.settings = settings;
    this.status = new StatusLine(err, terminal);
    this.tracker = new DeliveryTracker(settings.clients());
    this.names = settings.ownServer() ? LoadNames.forOwnServer() : LoadNames.fresh();
  }

  /** Runs the load and returns every figure; the server is stopped before this returns. */
  LoadReport run() throws ConfigException, IOException, InterruptedException {
    Path work = Files.createTempDirectory("securechat-load-");
    try (status) {
      return runIn(work);
    } finally {
      LabFiles.deleteTree(work);
    }
  }

  private LoadReport runIn(Path work) throws ConfigException, IOException, InterruptedException {
    Path serverData = work.resolve("server");
    Path clientData =
        settings.dataDir().orElse(settings.ownServer() ? serverData : work.resolve("clients"));
    boolean chat = settings.pattern() != LoadPattern.CONNECT;
    status.show(() -> "[setup] accounts and server");
    if (settings.ownServer() && chat) {
      LoadAccounts.writeAccounts(serverData, names, settings.clients());
    }
    if (settings.stage().name().equals("e2e")) {
      LoadAccounts.writeE2eIdentities(clientData, names, settings.clients());
    }
    ServerProcess server = settings.ownServer() ? startServer(serverData) : null;
    try {
      InetSocketAddress address =
          server != null ? server.address() : settings.connect().orElseThrow();
      ServerWatch watch = ServerWatch.start(server, settings, work);
      ClientSecurities securities =
          new ClientSecurities(
              settings.stage(),
              settings.clientOptions(),
              clientData,
              address,
              names,
              ClientSecurities.countingProblems(tracker));
      Phases phases = new Phases(settings, tracker, status, names, watch);
      LoadReport.Setup setup = setup(address);
      return chat
          ? phases.chat(setup, securities, address)
          : phases.connect(setup, handshakeSecurities(securities), address);
    } finally {
      if (server != null) {
        status.show(() -> "[stop] stopping the server");
        server.close();
      }
    }
  }

  private ServerProcess startServer(Path serverData) throws ConfigException, IOException {
    // Room for every client, and for the connect pattern's connections that the clients have
    // closed and the server has not yet seen end (past its limit it answers "server full").
    int maxClients = Math.max(settings.clients() + 16, 1024);
    return ServerProcess.startLab(
        bench,
        settings.stage().name(),
        serverData,
        settings.serverHeap(),
        settings.serverJvmOptions(),
        settings.serverOptions(),
        maxClients);
  }

  private List<ChannelSecurity> handshakeSecurities(ClientSecurities securities)
      throws ConfigException, IOException {
    List<ChannelSecurity> list = new ArrayList<>();
    for (int i = 0; i < settings.clients(); i++) {
      list.add(securities.forClient(i));
    }
    return list;
  }

  private LoadReport.Setup setup(InetSocketAddress address) {
    String server =
        settings.ownServer()
            ? "own JVM, -Xmx" + settings.serverHeap() + ", " + hostPort(address)
            : "running server at " + hostPort(address);
    return new LoadReport.Setup(
        settings.stage().name(),
        settings.pattern(),
        settings.clients(),
        settings.ratePerSecond(),
        settings.duration(),
        settings.drain(),
        settings.messageChars(),
        settings.seed(),
        server,
        accountsNote(),
        Runtime.getRuntime().availableProcessors(),
        Runtime.version().toString(),
        System.getProperty("os.name") + " " + System.getProperty("os.arch"),
        Instant.now());
  }

  private String accountsNote() {
    if (settings.pattern() == LoadPattern.CONNECT) {
      return "none: the connect pattern does not log in";
    }
    if (!settings.ownServer()) {
      return "registered on the running server, hashed with its own Argon2id parameters:"
          + " the login rate measures Argon2";
    }
    String e2e =
        settings.stage().name().equals("e2e")
            ? "; e2e identity keys made beforehand, encrypted under the same parameters"
            : "";
    return "made beforehand with "
        + LoadAccounts.description()
        + ", so logins measure the server, not Argon2"
        + e2e;
  }

  private static String hostPort(InetSocketAddress address) {
    return address.getAddress().getHostAddress() + ":" + address.getPort();
  }
}
