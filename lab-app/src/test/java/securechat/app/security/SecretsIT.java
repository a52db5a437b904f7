package securechat.app.security;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import securechat.attacks.Victims;
import securechat.core.cli.Stage;
import securechat.core.client.ScriptedPeer;
import securechat.notebook.Stages;

/**
 * No secret reaches the server's log, for each stage: not a password, not a private key in the
 * encodings it is stored in (PEM lines, DER hex, the raw 32 bytes), not an ecdhe session key, not
 * the plaintext of an e2e message. The server and clients are the stage's real ones with their
 * default options (attacks' {@link Victims}); the ecdhe client writes its session keys with {@code
 * --keylog}, the one option whose purpose is to write secrets (for the sniffer and Wireshark), so
 * that the test knows what to look for.
 *
 * <p>Not searched: what a client shows its own user (the messages it sent and received, which is
 * its job) and the key-log file itself.
 *
 * <p>Then every file the stage stored (accounts, lock files, private keys, key stores, identities,
 * contact books, the key directory, pins, the key log) is rw------- and every folder rwx------;
 * only certificates ({@code NAME.pem}, {@code ca.pem}), which are public, may be readable by all.
 */
@Timeout(120)
class SecretsIT {
  private static final String MESSAGE = "plaintext-to-all-7741";
  private static final String WHISPER = "plaintext-whisper-9902";

  @TempDir Path dataDir;

  @ParameterizedTest
  @ValueSource(strings = {"plain", "tls", "ecdhe", "e2e"})
  void theServerLogHoldsNoSecretAndStoredFilesAreOwnerOnly(String stageName) throws Exception {
    Stage stage = Stage.find(Stages.all(), stageName);
    Path keyLog = dataDir.resolve("client-keys.log");
    List<String> log;
    try (Victims victims = new Victims(stage, dataDir)) {
      InetSocketAddress server = victims.startServer();
      ScriptedPeer alice = connect(victims, "alice", server.getPort(), keyLog);
      ScriptedPeer bob = connect(victims, "bob", server.getPort(), keyLog);
      victims.logIn(alice, "alice", true);
      victims.logIn(bob, "bob", true);
      alice.expect("JOIN bob"); // in e2e, bob's keys come with it: alice can seal for him now
      alice.send(MESSAGE);
      bob.expectContaining(MESSAGE);
      alice.send("/whisper bob " + WHISPER);
      bob.expectContaining(WHISPER);
      log = victims.serverLog();
    }
    checkOwnerOnly();
    String printed = String.join("\n", log);
    assertThat(printed).as("the server said something").isNotBlank();
    for (String secret : secrets(stageName, keyLog)) {
      assertThat(printed).as("%s server log", stageName).doesNotContain(secret);
    }
  }

  private void checkOwnerOnly() throws IOException {
    assumeTrue(dataDir.getFileSystem().supportedFileAttributeViews().contains("posix"));
    List<String> wrong = new ArrayList<>();
    try (Stream<Path> paths = Files.walk(dataDir)) {
      for (Path path : paths.filter(path -> !path.equals(dataDir)).toList()) {
        String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        String expected = Files.isDirectory(path) ? "rwx------" : "rw-------";
        if (!mode.equals(expected) && !isCertificate(path)) {
          wrong.add(dataDir.relativize(path) + " is " + mode);
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  /** A certificate file: public by nature, NAME.pem but not NAME-key.pem. */
  private static boolean isCertificate(Path path) throws IOException {
    String name = path.getFileName().toString();
    return name.endsWith(".pem")
        && !name.endsWith("-key.pem")
        && !Files.readString(path, UTF_8).contains("PRIVATE KEY");
  }

  private static ScriptedPeer connect(Victims victims, String name, int port, Path keyLog)
      throws Exception {
    return victims.stage().name().equals("ecdhe")
        ? victims.connectLoggingKeys(name, port, keyLog)
        : victims.connect(name, port);
  }

  private List<String> secrets(String stageName, Path keyLog) throws IOException {
    List<String> secrets = new ArrayList<>();
    secrets.add(Victims.passwordOf("alice"));
    secrets.add(Victims.passwordOf("bob"));
    if (stageName.equals("e2e")) {
      secrets.add(WHISPER); // sealed for bob: the server routes it unopened
    }
    List<String> privateKeys = privateKeyEncodings();
    if (!stageName.equals("plain")) {
      assertThat(privateKeys).as("the %s stage stored a private key", stageName).isNotEmpty();
    }
    secrets.addAll(privateKeys);
    if (stageName.equals("ecdhe")) {
      List<String> sessionKeys = sessionKeyEncodings(keyLog);
      assertThat(sessionKeys).as("the key log has the sessions").isNotEmpty();
      secrets.addAll(sessionKeys);
    }
    return secrets;
  }

  /** Each PEM line of every private key stored under the data folder, its DER hex and tail. */
  private List<String> privateKeyEncodings() throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dataDir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String text = new String(Files.readAllBytes(file), UTF_8);
        int begin = text.indexOf("-----BEGIN PRIVATE KEY-----");
        if (begin < 0) {
          continue;
        }
        int end = text.indexOf("-----END PRIVATE KEY-----", begin);
        String body = text.substring(begin + "-----BEGIN PRIVATE KEY-----".length(), end).strip();
        body.lines().filter(line -> line.length() >= 16).forEach(found::add);
        byte[] der = Base64.getMimeDecoder().decode(body);
        found.add(HexFormat.of().formatHex(der));
        found.addAll(encodings(Arrays.copyOfRange(der, der.length - 32, der.length)));
      }
    }
    return found;
  }

  /** The two Fernet keys of each {@code ECDHE_SESSION} line, in every usual encoding. */
  private static List<String> sessionKeyEncodings(Path keyLog) throws IOException {
    List<String> found = new ArrayList<>();
    for (String line : Files.readAllLines(keyLog, UTF_8)) {
      String[] fields = line.split(" ");
      for (int i = 2; i < fields.length; i++) {
        found.addAll(encodings(Base64.getUrlDecoder().decode(fields[i])));
      }
    }
    return found;
  }

  private static List<String> encodings(byte[] secret) {
    return List.of(
        HexFormat.of().formatHex(secret),
        HexFormat.of().withUpperCase().formatHex(secret),
        Base64.getEncoder().encodeToString(secret),
        Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
  }
}
