package securechat.sniffer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import securechat.core.account.AccountStore;
import securechat.core.account.PasswordHasher;
import securechat.core.channel.ChannelSecurity;
import securechat.core.channel.LineChannel;
import securechat.core.identity.ServerIdentity;
import securechat.core.protocol.Limits;
import securechat.core.server.ChatServer;
import securechat.core.server.ServerLog;
import securechat.ecdhe.Curve;
import securechat.ecdhe.EcdheSecurity;
import securechat.plain.PlainSecurity;
import securechat.tls.LabTrustManager;
import securechat.tls.TlsSecurity;
import securechat.tls.pki.Identity;
import securechat.tls.pki.IssueRequest;
import securechat.tls.pki.KeyType;
import securechat.tls.pki.LabCertificateAuthority;

/**
 * One short real session per stage for the sniffer's tests and fixtures: alice registers with
 * {@link #PASSWORD}, says {@link #SECRET}, reads it back and leaves.
 */
final class StageSessions {
  static final String SECRET = "the secret is 9d41-sniff";
  static final String PASSWORD = "password-of-alice";

  private StageSessions() {}

  /** A server and the client that matches it, for one stage. */
  record Stage(String name, ChannelSecurity server, ChannelSecurity client) {}

  static Stage plain() {
    return new Stage(
        "plain", new PlainSecurity(Limits.DEFAULTS), new PlainSecurity(Limits.DEFAULTS));
  }

  static Stage tls() throws Exception {
    Clock clock = Clock.systemUTC();
    LabCertificateAuthority ca = LabCertificateAuthority.create(KeyType.EC_P256, clock);
    Identity identity = ca.issue(IssueRequest.server("localhost", KeyType.EC_P256, clock));
    return new Stage(
        "tls",
        TlsSecurity.server(identity, Optional.empty(), Limits.DEFAULTS),
        TlsSecurity.client(
            LabTrustManager.trusting(ca.certificate(), "server"),
            "localhost",
            Optional.empty(),
            Limits.DEFAULTS));
  }

  /** The ecdhe stage; the client appends its session keys to {@code keyLog}. */
  static Stage ecdhe(Path dataDir, Path keyLog) throws Exception {
    Clock clock = Clock.systemUTC();
    return new Stage(
        "ecdhe",
        EcdheSecurity.server(
            Optional.of(ServerIdentity.loadOrCreate(dataDir, "ecdhe", line -> {})),
            List.of(Curve.values()),
            Limits.DEFAULTS,
            clock,
            Optional.empty()),
        EcdheSecurity.client(
            Curve.X25519, Optional.empty(), "test", Limits.DEFAULTS, clock, Optional.of(keyLog)));
  }

  static ChatServer server(Stage stage, Path dataDir) throws Exception {
    AccountStore accounts = AccountStore.open(dataDir, PasswordHasher.forTests());
    return new ChatServer(stage.server(), accounts, Limits.DEFAULTS, new ServerLog(line -> {}));
  }

  /** Connects with the stage's client and has alice say the secret. */
  /** A handshake and a quit, no login: sets up the stage's classes and TLS for the next one. */
  static void warmUp(Stage stage, InetSocketAddress address) throws Exception {
    Socket socket = new Socket();
    socket.connect(address, 5_000);
    socket.setSoTimeout(10_000);
    try (LineChannel client = stage.client().connect(socket)) {
      assertThat(client.receive()).startsWith("WELCOME");
      client.send("/quit");
      assertThat(client.receive()).startsWith("BYE");
    }
  }

  static void chat(Stage stage, InetSocketAddress address) throws Exception {
    Socket socket = new Socket();
    socket.connect(address, 5_000);
    socket.setSoTimeout(10_000);
    try (LineChannel alice = stage.client().connect(socket)) {
      assertThat(alice.receive()).startsWith("WELCOME");
      alice.send("/register alice " + PASSWORD);
      assertThat(alice.receive()).startsWith("OK");
      alice.send(SECRET);
      assertThat(alice.receive()).isEqualTo("MSG alice " + SECRET);
      alice.send("/quit");
      assertThat(alice.receive()).startsWith("BYE");
    }
  }
}
