package securechat.ecdhe;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import securechat.core.account.AccountStore;
import securechat.core.account.PasswordHasher;
import securechat.core.channel.HandshakeException;
import securechat.core.channel.LineChannel;
import securechat.core.identity.KnownHosts;
import securechat.core.identity.ServerIdentity;
import securechat.core.protocol.Limits;
import securechat.core.server.ChatServer;
import securechat.core.server.ServerLog;

/** The ecdhe stage over loopback: pinning, refusals, both curves, the key log. */
@Timeout(60)
class EcdheSecurityIT {
  @TempDir Path serverDir;
  @TempDir Path clientDir;

  private final List<String> log = new CopyOnWriteArrayList<>();
  private final List<String> said = new ArrayList<>();
  private final List<ChatServer> servers = new ArrayList<>();

  private InetSocketAddress start(Optional<ServerIdentity> identity, Optional<Path> keyLog)
      throws IOException {
    EcdheSecurity security =
        EcdheSecurity.server(
            identity, List.of(Curve.values()), Limits.DEFAULTS, Clock.systemUTC(), keyLog);
    AccountStore accounts = AccountStore.open(serverDir, PasswordHasher.forTests());
    ChatServer server =
        new ChatServer(security, accounts, Limits.DEFAULTS, new ServerLog(log::add));
    servers.add(server);
    return server.start("127.0.0.1", 0);
  }

  @org.junit.jupiter.api.AfterEach
  void stopServers() {
    servers.forEach(server -> server.shutdown("test over"));
  }

  private EcdheSecurity client(Curve curve, boolean verify, Optional<Path> keyLog)
      throws IOException {
    Optional<KnownHosts> knownHosts =
        verify ? Optional.of(new KnownHosts(clientDir, said::add)) : Optional.empty();
    return EcdheSecurity.client(
        curve, knownHosts, "lab-server:7003", Limits.DEFAULTS, Clock.systemUTC(), keyLog);
  }

  private static LineChannel connect(InetSocketAddress address, EcdheSecurity client)
      throws IOException, HandshakeException {
    Socket socket = new Socket();
    socket.connect(address, 5_000);
    socket.setSoTimeout(10_000);
    return client.connect(socket);
  }

  @Test
  void theServerIsPinnedOnFirstUseAndAcceptedAfterwards() throws Exception {
    ServerIdentity identity = ServerIdentity.generate();
    InetSocketAddress address = start(Optional.of(identity), Optional.empty());

    for (int i = 0; i < 2; i++) {
      try (LineChannel alice = connect(address, client(Curve.X25519, true, Optional.empty()))) {
        assertThat(alice.receive()).startsWith("WELCOME ecdhe ");
        String command = i == 0 ? "/register" : "/login";
        alice.send(command + " alice password-of-alice");
        assertThat(alice.receive()).startsWith("OK ");
        assertThat(alice.info().details())
            .contains(
                "authenticity: server identity "
                    + ServerIdentity.fingerprint(identity.publicKey())
                    + ", pinned");
      }
    }
    assertThat(said)
        .hasSize(1)
        .first()
        .asString()
        .startsWith("pinned the identity of lab-server:7003");
    assertThat(Files.readAllLines(clientDir.resolve("known_hosts"))).hasSize(1);
  }

  @Test
  void aServerWithAnotherIdentityIsRefusedLoudly() throws Exception {
    InetSocketAddress first = start(Optional.of(ServerIdentity.generate()), Optional.empty());
    try (LineChannel channel = connect(first, client(Curve.X25519, true, Optional.empty()))) {
      assertThat(channel.receive()).startsWith("WELCOME ecdhe ");
    }
    InetSocketAddress impostor = start(Optional.of(ServerIdentity.generate()), Optional.empty());

    assertThatThrownBy(() -> connect(impostor, client(Curve.X25519, true, Optional.empty())))
        .isInstanceOf(HandshakeException.class)
        .hasMessageStartingWith("THE IDENTITY KEY OF lab-server:7003 HAS CHANGED");
  }

  @Test
  void aVerifyingClientRefusesAnUnsignedServer() throws Exception {
    InetSocketAddress unsigned = start(Optional.empty(), Optional.empty());

    assertThatThrownBy(() -> connect(unsigned, client(Curve.X25519, true, Optional.empty())))
        .isInstanceOf(HandshakeException.class)
        .hasMessageContaining("did not sign the handshake");
    assertThat(said).isEmpty();
  }

  @Test
  void anInsecureClientTalksToAnUnsignedServerOnP384() throws Exception {
    InetSocketAddress unsigned = start(Optional.empty(), Optional.empty());

    try (LineChannel channel = connect(unsigned, client(Curve.P384, false, Optional.empty()))) {
      assertThat(channel.receive()).startsWith("WELCOME ecdhe ");
      assertThat(channel.info().details())
          .contains("key exchange: ephemeral p384, HKDF-SHA256, a key per direction")
          .anyMatch(detail -> detail.contains("NOT authenticated"));
    }
  }

  @Test
  void bothSidesLogTheSameSessionKeysOwnerOnly() throws Exception {
    Path serverKeys = serverDir.resolve("server-keys.log");
    Path clientKeys = clientDir.resolve("client-keys.log");
    InetSocketAddress address =
        start(Optional.of(ServerIdentity.generate()), Optional.of(serverKeys));

    try (LineChannel channel =
        connect(address, client(Curve.X25519, true, Optional.of(clientKeys)))) {
      assertThat(channel.receive()).startsWith("WELCOME ecdhe ");
    }

    List<String> lines = Files.readAllLines(clientKeys);
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0))
        .matches("ECDHE_SESSION [0-9a-f]{64} [A-Za-z0-9_=-]{44} [A-Za-z0-9_=-]{44}");
    assertThat(Files.readAllLines(serverKeys)).isEqualTo(lines);
    if (Files.getFileStore(clientKeys).supportsFileAttributeView("posix")) {
      assertThat(
              java.nio.file.attribute.PosixFilePermissions.toString(
                  Files.getPosixFilePermissions(clientKeys)))
          .isEqualTo("rw-------");
    }
  }

  @Test
  void aPlainClientIsOneLogLineWithoutItsPassword() throws Exception {
    InetSocketAddress address = start(Optional.of(ServerIdentity.generate()), Optional.empty());
    try (Socket plain = new Socket(address.getAddress(), address.getPort())) {
      plain.getOutputStream().write("/login alice password-of-alice\n".getBytes(UTF_8));
      assertThat(plain.getInputStream().read()).isEqualTo(-1);
    }
    assertThat(servers.get(0).awaitNoConnections(java.time.Duration.ofSeconds(10))).isTrue();

    assertThat(log)
        .anyMatch(
            line ->
                line.endsWith(
                    "handshake failed: expected ECDHE-HELLO from the peer, got a line starting"
                        + " '/login'"))
        .noneMatch(line -> line.contains("password-of-alice"));
  }
}
