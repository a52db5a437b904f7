package securechat.bench.compare;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import securechat.tls.pki.LabPki;
import securechat.tls.pki.PkiException;

/**
 * New TLS 1.3 handshakes per second: our tls stage's server ({@code lab server --stage tls}, a JVM
 * of its own) against {@code openssl s_server}, both serving the same lab certificate (EC P-256,
 * with the lab CA in the chain) and both measured by the same client, {@code openssl s_time -new
 * -tls1_3}, which opens connection after connection, each a full handshake with no session
 * resumption. Without {@code -www}, s_time closes each connection right after its handshake; the
 * server has then read the client's Finished (it was sent first), so every counted connection is a
 * complete handshake on both ends (JSSE then reports the client gone when it sends its session
 * ticket, s_server does not). Each server is warmed up by s_time runs until the rate stops rising
 * (a JVM compiles the handshake's code for many seconds on a loaded machine); only the run after
 * counts; OpenSSL is measured before and after ours, and the mean counts. The rate is connections /
 * wall-clock seconds of that run: s_time's own "connections/user sec" divides by the client's CPU
 * time instead. Issue 11's target: at least half OpenSSL's rate.
 */
final class TlsComparison {
  static final String PART = "tls";
  private static final String FIGURE = "TLS 1.3 new handshakes (s_time -new)";
  private static final String UNIT = "handshakes/s";
  private static final String PEER = "openssl s_server";
  private static final Target TARGET = Target.atLeast(0.5);
  private static final Pattern CONNECTIONS = Pattern.compile("(\\d+) connections in [\\d.]+s;");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final int MAX_WARM_UP_RUNS = 8;

  private final CompareSettings settings;

  TlsComparison(CompareSettings settings) {
    this.settings = settings;
  }

  List<Comparison> run() throws IOException {
    if (settings.tools().find(PeerTool.OPENSSL.program()).isEmpty()) {
      return List.of(skipped(Optional.empty(), PeerTool.OPENSSL.missing()));
    }
    Path dataDir = settings.file("tls-data");
    LabPki pki = LabPki.in(dataDir);
    TlsProbe probe;
    try {
      pki.ensureServerIdentity("localhost", line -> {});
      probe = new TlsProbe(pki.caCertificate());
    } catch (PkiException | GeneralSecurityException e) {
      throw new IOException("cannot make the lab certificate: " + e.getMessage(), e);
    }
    Measurement before;
    try {
      before = measureOpenSsl(pki, probe);
    } catch (IOException e) {
      return List.of(skipped(Optional.empty(), "openssl s_server failed: " + e.getMessage()));
    }
    Measurement ours = measureOurs(dataDir, probe);
    Measurement openssl = Measurement.aroundOurs(before, measureOpenSsl(pki, probe));
    return List.of(Comparison.of(PART, FIGURE, UNIT, ours, PEER, openssl, TARGET));
  }

  private Measurement measureOurs(Path dataDir, TlsProbe probe) throws IOException {
    int port = TlsProbe.freePort();
    List<String> args =
        List.of(
            "server",
            "--stage",
            "tls",
            "--port",
            Integer.toString(port),
            "--data-dir",
            dataDir.toString(),
            "--no-admin-console");
    String shown = "./lab " + String.join(" ", args);
    try (ExternalProcess server =
        ExternalProcess.start(
            settings.labProcess().apply(args), settings.tools(), settings.file("lab-tls.log"))) {
      probe.awaitHandshake(port, server, START_TIMEOUT);
      return measure(port, shown);
    }
  }

  private Measurement measureOpenSsl(LabPki pki, TlsProbe probe) throws IOException {
    int port = TlsProbe.freePort();
    List<String> command =
        List.of(
            "openssl",
            "s_server",
            "-accept",
            "127.0.0.1:" + port,
            "-cert",
            pki.certificateFile("localhost").toString(),
            "-key",
            pki.privateKeyFile("localhost").toString(),
            "-cert_chain",
            pki.caCertificateFile().toString(),
            "-tls1_3",
            "-quiet");
    try (ExternalProcess server =
        ExternalProcess.start(command, settings.tools(), settings.file("s_server.log"))) {
      probe.awaitHandshake(port, server, START_TIMEOUT);
      return measure(port, String.join(" ", command));
    }
  }

  /**
   * Warms the server up with s_time runs until one is less than 10 % faster than the run before (at
   * most {@value #MAX_WARM_UP_RUNS} runs), then measures with one more.
   */
  private Measurement measure(int port, String server) throws IOException {
    double previous = 0;
    for (int run = 0; run < MAX_WARM_UP_RUNS; run++) {
      double rate = timedRate(port);
      if (rate < previous * 1.1) {
        break;
      }
      previous = rate;
    }
    String client = String.join(" ", sTimeCommand(port));
    return new Measurement(timedRate(port), server + "  +  " + client);
  }

  /** One s_time run: connections per wall-clock second. */
  private double timedRate(int port) throws IOException {
    long started = System.nanoTime();
    int connections = sTime(port);
    return connections / ((System.nanoTime() - started) / 1e9);
  }

  /** One run of s_time; how many connections it completed. */
  private int sTime(int port) throws IOException {
    Duration timeout = settings.measurement().plusSeconds(30);
    String printed =
        ExternalProcess.run(
            sTimeCommand(port), settings.tools(), settings.file("s_time.log"), timeout);
    Matcher matcher = CONNECTIONS.matcher(printed);
    if (!matcher.find() || Integer.parseInt(matcher.group(1)) == 0) {
      throw new IOException("s_time completed no connection: " + ExternalProcess.lastLine(printed));
    }
    return Integer.parseInt(matcher.group(1));
  }

  private List<String> sTimeCommand(int port) {
    return List.of(
        "openssl",
        "s_time",
        "-connect",
        "127.0.0.1:" + port,
        "-new",
        "-tls1_3",
        "-time",
        Integer.toString(settings.wholeSeconds()));
  }

  private static Comparison skipped(Optional<Measurement> ours, String reason) {
    return Comparison.skipped(PART, FIGURE, UNIT, ours, PEER, TARGET, reason);
  }
}
