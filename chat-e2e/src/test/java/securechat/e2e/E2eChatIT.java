package securechat.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import securechat.core.account.AccountStore;
import securechat.core.account.PasswordHasher;
import securechat.core.channel.ChannelSecurity;
import securechat.core.channel.HandshakeException;
import securechat.core.client.ChatClient;
import securechat.core.client.ClientSettings;
import securechat.core.identity.KnownHosts;
import securechat.core.identity.ServerIdentity;
import securechat.core.protocol.Limits;
import securechat.core.protocol.Username;
import securechat.core.server.ChatServer;
import securechat.core.server.ServerLog;
import securechat.core.terminal.RecordingConsole;
import securechat.plain.PlainSecurity;
import securechat.testkit.RecordingRelay;

/**
 * A real e2e server and three real clients on loopback, over the plain transport so that a relay in
 * front of the server records every byte as a capture would. The secret travels and arrives, and
 * neither the wire nor the server's log ever holds it.
 */
@Timeout(60)
class E2eChatIT {
  private static final String SECRET = "the vault code is 4711-tangerine";
  private static final String PASSWORD = "correct horse battery";

  @TempDir Path serverDir;
  @TempDir Path clientDir;

  private final List<String> serverLog = Collections.synchronizedList(new ArrayList<>());
  private final List<ChatClient> clients = new ArrayList<>();
  private final Set<String> registered = new HashSet<>();
  private ChatServer server;
  private RecordingRelay relay;
  private ServerIdentity identity;

  @AfterEach
  void tearDown() throws Exception {
    for (ChatClient client : clients) {
      client.close();
    }
    if (server != null) {
      server.shutdown("test over");
    }
    if (relay != null) {
      relay.close();
    }
  }

  @Test
  void onlyTheRecipientReadsAWhisperAndNothingOnTheWireOrInTheServerLogShowsIt() throws Exception {
    InetSocketAddress address = startServer();
    RecordingConsole alice = connect("alice", address);
    RecordingConsole bob = connect("bob", address);
    RecordingConsole carol = connect("carol", address);
    alice.nextLineStartingWith("* carol joined"); // alice now knows whom a broadcast goes to
    ChatClient aliceClient = clients.getFirst();

    aliceClient.type("/whisper bob " + SECRET);
    assertThat(bob.nextLineStartingWith("alice -> bob"))
        .isEqualTo("alice -> bob (whisper): " + SECRET);
    assertThat(alice.nextLineStartingWith("alice -> bob"))
        .isEqualTo("alice -> bob (whisper): " + SECRET);

    aliceClient.type("pancakes at noon, " + SECRET);
    assertThat(bob.nextLineStartingWith("alice: ")).isEqualTo("alice: pancakes at noon, " + SECRET);
    assertThat(carol.nextLineStartingWith("alice: "))
        .isEqualTo("alice: pancakes at noon, " + SECRET);

    Path notes = Files.writeString(clientDir.resolve("notes.txt"), "file says " + SECRET);
    aliceClient.type("/sendfile carol " + notes);
    assertThat(carol.nextLineStartingWith("alice sent you notes.txt")).contains("saved to");
    assertThat(Files.readString(clientDir.resolve("downloads-carol/notes.txt")))
        .isEqualTo("file says " + SECRET);

    assertThat(carol.remainingLines()).noneMatch(line -> line.contains("whisper"));
    String wire = relay.clientBytes() + relay.serverBytes();
    assertThat(wire).contains("E2E1 aes128gcm alice bob").doesNotContain("4711");
    assertThat(String.join("\n", serverLog)).doesNotContain("4711").doesNotContain("pancakes");
  }

  @Test
  void aClientRefusesAServerWhoseKeyIsNotThePinnedOne() throws Exception {
    InetSocketAddress address = startServer();
    KnownHosts knownHosts = new KnownHosts(clientDir, line -> {});
    knownHosts.check(
        address.getHostString() + ":" + relay.address().getPort(),
        ServerIdentity.generate().publicKey()); // pinned: some other server's key

    assertThatThrownBy(() -> connect("alice", address))
        .isInstanceOf(HandshakeException.class)
        .hasMessageContaining("HAS CHANGED")
        .hasMessageContaining("someone may be in the middle");
  }

  @Test
  void aLoginWithKeysOtherThanTheBoundOnesIsRefused() throws Exception {
    InetSocketAddress address = startServer();
    connect("alice", address);
    clients.getFirst().quit();
    // a second "alice" with a fresh identity (her password, not her keys)
    Files.delete(IdentityStore.forTests(clientDir).file(new Username("alice")));

    RecordingConsole impostor = connect("alice", address);

    assertThat(impostor.nextLineStartingWith("error:"))
        .startsWith("error: the account alice is bound to other identity keys");
  }

  private InetSocketAddress startServer() throws Exception {
    identity = ServerIdentity.generate();
    Limits limits = Limits.DEFAULTS;
    ChannelSecurity security =
        E2eSecurity.server(
            new PlainSecurity(limits),
            identity,
            KeyDirectory.open(serverDir, identity, Clock.systemUTC()));
    server =
        new ChatServer(
            security,
            AccountStore.open(serverDir, PasswordHasher.forTests()),
            limits,
            new ServerLog(serverLog::add));
    relay = new RecordingRelay(server.start("127.0.0.1", 0));
    return relay.address();
  }

  private RecordingConsole connect(String name, InetSocketAddress address) throws Exception {
    Username user = new Username(name);
    RecordingConsole console = RecordingConsole.silent();
    IdentityKeys keys = IdentityStore.forTests(clientDir).loadOrCreate(user, PASSWORD, l -> {});
    boolean register = registered.add(name);
    ClientSettings settings =
        ClientSettings.anonymous(
                address.getHostString(), address.getPort(), clientDir.resolve("downloads-" + name))
            .withLogin(user, PASSWORD, register);
    E2eUser me =
        new E2eUser(
            user,
            keys,
            ContactBook.open(clientDir, user),
            new KnownHosts(clientDir, line -> {}),
            settings.address(),
            Hpke.Aead.AES_128_GCM,
            Clock.systemUTC(),
            Limits.DEFAULTS,
            console::print);
    ChatClient client =
        ChatClient.connect(
            E2eSecurity.client(new PlainSecurity(Limits.DEFAULTS), me), settings, console);
    clients.add(client);
    assertThat(client.awaitReady(Duration.ofSeconds(10))).isTrue();
    return console;
  }
}
