package securechat.ecdhe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import securechat.core.account.AccountStore;
import securechat.core.account.PasswordHasher;
import securechat.core.channel.LineChannel;
import securechat.core.identity.ServerIdentity;
import securechat.core.protocol.Limits;
import securechat.core.server.ChatServer;
import securechat.core.server.ServerLog;
import securechat.testkit.Python;
import securechat.testkit.RecordingRelay;

/**
 * An eavesdropper's copy of an ecdhe session, decrypted by an independent implementation (Python
 * {@code cryptography}'s Fernet) with nothing but the key log: proof that the tokens are standard
 * Fernet, that the key log says what docs/protocol.md says, and that without it the wire shows no
 * chat text.
 */
@Timeout(60)
class EcdheKeyLogPythonIT {
  private static final String SECRET = "the secret is 7c2f-ecdhe";

  /** stdin: the key-log line, then one token per line; argv[1]: which key (2 or 3). */
  private static final String DECRYPT =
      """
      import sys
      from cryptography.fernet import Fernet
      lines = sys.stdin.read().split()
      fields = lines[0:4]
      fernet = Fernet(fields[int(sys.argv[1])].encode())
      for token in lines[4:]:
          if token.startswith("gAAAAA"):
              plain = fernet.decrypt(token.encode())
              print(int.from_bytes(plain[:8], "big"), plain[8:].decode())
      """;

  @TempDir Path dataDir;

  @Test
  void pythonDecryptsACapturedSessionWithTheKeyLog() throws Exception {
    Python.assumeImport("from cryptography.fernet import Fernet", "python3 with cryptography");
    Path keyLog = dataDir.resolve("keys.log");
    ChatServer server = newServer();
    InetSocketAddress address = server.start("127.0.0.1", 0);
    try (RecordingRelay eavesdropper = new RecordingRelay(address)) {
      chat(eavesdropper.address(), keyLog);

      String keyLine = Files.readAllLines(keyLog).get(0);
      assertThat(eavesdropper.clientBytes() + eavesdropper.serverBytes()).doesNotContain("secret");
      assertThat(
              Python.run(DECRYPT, keyLine + "\n" + tokensOnly(eavesdropper.clientBytes()), "2")
                  .output())
          .contains("0 /register alice password-of-alice", "1 " + SECRET);
      assertThat(
              Python.run(DECRYPT, keyLine + "\n" + tokensOnly(eavesdropper.serverBytes()), "3")
                  .output())
          .contains("0 WELCOME ecdhe ", "MSG alice " + SECRET);
    } finally {
      server.shutdown("test over");
    }
  }

  private ChatServer newServer() throws Exception {
    EcdheSecurity security =
        EcdheSecurity.server(
            Optional.of(ServerIdentity.generate()),
            List.of(Curve.values()),
            Limits.DEFAULTS,
            Clock.systemUTC(),
            Optional.empty());
    AccountStore accounts = AccountStore.open(dataDir, PasswordHasher.forTests());
    return new ChatServer(security, accounts, Limits.DEFAULTS, new ServerLog(line -> {}));
  }

  private void chat(InetSocketAddress relay, Path keyLog) throws Exception {
    EcdheSecurity client =
        EcdheSecurity.client(
            Curve.X25519,
            Optional.empty(),
            "test",
            Limits.DEFAULTS,
            Clock.systemUTC(),
            Optional.of(keyLog));
    Socket socket = new Socket();
    socket.connect(relay, 5_000);
    socket.setSoTimeout(10_000);
    try (LineChannel alice = client.connect(socket)) {
      assertThat(alice.receive()).startsWith("WELCOME ecdhe");
      alice.send("/register alice password-of-alice");
      assertThat(alice.receive()).startsWith("OK registered");
      alice.send(SECRET);
      assertThat(alice.receive()).isEqualTo("MSG alice " + SECRET);
    }
  }

  private static String tokensOnly(String wire) {
    StringBuilder tokens = new StringBuilder();
    wire.lines()
        .filter(line -> line.startsWith("gAAAAA"))
        .forEach(t -> tokens.append(t).append('\n'));
    return tokens.toString();
  }
}
