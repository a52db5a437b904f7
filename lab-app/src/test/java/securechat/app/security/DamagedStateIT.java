package securechat.app.security;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.io.TempDir;
import securechat.app.Lab;
import securechat.core.identity.ServerIdentity;

/**
 * A stored file cut short (as a crash during a non-atomic write would leave it) or filled with
 * garbage gives one {@code error:} line naming the file and a {@code hint:} saying what to do,
 * through the real {@code lab} command: never a stack trace, never a fresh start that would throw
 * the file's contents away. The file is left as it was, for the user to repair or move. (The
 * known-hosts file needs a server to reach: {@code KnownHostsTest} in chat-core covers it.)
 */
@Timeout(value = 120, threadMode = ThreadMode.SEPARATE_THREAD) // a server that starts would block
class DamagedStateIT {
  @TempDir Path dataDir;

  private final StringWriter err = new StringWriter();

  private int lab(String stdin, String... args) {
    return Lab.commandLine(new ByteArrayInputStream(stdin.getBytes(UTF_8)))
        .setOut(new PrintWriter(new StringWriter()))
        .setErr(new PrintWriter(err))
        .execute(args);
  }

  private String[] withData(String... args) {
    String[] all = Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--data-dir";
    all[args.length + 1] = dataDir.toString();
    return all;
  }

  @Test
  void accountsCutShort() throws Exception {
    assertThat(lab("password-of-alice\n", withData("user", "add", "alice", "--password-stdin")))
        .isZero();
    Path file = cutShort(dataDir.resolve("accounts"));

    checkRefused(file, lab("", withData("user", "list")));
  }

  @Test
  void serverIdentityCutShort() throws Exception {
    ServerIdentity.loadOrCreate(dataDir, "ecdhe", line -> {});
    Path file = cutShort(ServerIdentity.file(dataDir, "ecdhe"));

    checkRefused(file, lab("", withData("server", "--stage", "ecdhe", "--port", "0")));
  }

  @Test
  void keyDirectoryFullOfGarbage() throws Exception {
    ServerIdentity.loadOrCreate(dataDir, "e2e", line -> {});
    Path file = garbage(dataDir.resolve("e2e/directory"));

    checkRefused(file, lab("", withData("server", "--stage", "e2e", "--port", "0")));
  }

  @Test
  void tlsPrivateKeyCutShort() throws Exception {
    assertThat(lab("", withData("certs", "init"))).as(err.toString()).isZero();
    Path file = cutShort(dataDir.resolve("pki/localhost-key.pem"));

    checkRefused(file, lab("", withData("server", "--stage", "tls", "--port", "0")));
  }

  @Test
  void labCaCertificateCutShort() throws Exception {
    assertThat(lab("", withData("certs", "init"))).as(err.toString()).isZero();
    Path file = cutShort(dataDir.resolve("pki/ca.pem"));

    checkRefused(file, lab("", withData("server", "--stage", "tls", "--port", "0")));
  }

  @Test
  void e2eIdentityCutShort() throws Exception {
    String[] client = e2eClient();
    assertThat(lab("", client)).as("first run: identity made, no server").isEqualTo(1);
    err.getBuffer().setLength(0);
    Path file = cutShort(dataDir.resolve("e2e/users/alice/identity"));

    checkRefused(file, lab("", client));
  }

  @Test
  void contactBookFullOfGarbage() throws Exception {
    Path file = garbage(dataDir.resolve("e2e/users/alice/contacts"));

    checkRefused(file, lab("", e2eClient()));
  }

  private String[] e2eClient() throws IOException {
    Path password = dataDir.resolve("password");
    Files.writeString(password, "password-of-alice\n");
    return withData(
        "client",
        "--stage",
        "e2e",
        "--user",
        "alice",
        "--password-file",
        password.toString(),
        "--port",
        String.valueOf(closedPort()));
  }

  private void checkRefused(Path file, int exit) throws IOException {
    String said = err.toString();
    assertThat(exit).as(said).isEqualTo(1);
    assertThat(said.lines().toList()).as(said).hasSizeBetween(1, 2);
    assertThat(said).startsWith("error: ").contains(file.getFileName().toString());
    assertThat(said.lines().skip(1)).allMatch(line -> line.startsWith("hint: "));
    assertThat(said).doesNotContain("\tat ", "Exception", "looks like a bug");
    assertThat(Files.readAllBytes(file)).as("left for the user to repair").isEqualTo(damaged);
  }

  private byte[] damaged;

  /** Cuts {@code file} in the middle of a line, as a write that stopped half-way would. */
  private Path cutShort(Path file) throws IOException {
    byte[] whole = Files.readAllBytes(file);
    damaged = Arrays.copyOf(whole, whole.length / 2 + 3);
    Files.write(file, damaged);
    return file;
  }

  private Path garbage(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    damaged = "alice \u0000\u00ff not a line of this file\n".getBytes(UTF_8);
    Files.write(file, damaged);
    return file;
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
