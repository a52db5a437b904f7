package securechat.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import securechat.core.channel.HandshakeException;

/** Trust on first use: the first key is pinned and said; a changed one is refused, loudly. */
class KnownHostsTest {
  @TempDir Path dataDir;

  private final List<String> said = new ArrayList<>();

  @Test
  void theFirstKeyIsPinnedAndTheSameKeyPassesLater() throws Exception {
    ServerIdentity server = ServerIdentity.generate();
    KnownHosts knownHosts = new KnownHosts(dataDir, said::add);

    knownHosts.check("127.0.0.1:7003", server.publicKey());
    knownHosts.check("127.0.0.1:7003", server.publicKey());

    assertThat(said)
        .containsExactly(
            "pinned the identity of 127.0.0.1:7003 on first use: "
                + ServerIdentity.fingerprint(server.publicKey())
                + " (compare it with the one the server printed)");
    assertThat(Files.readString(dataDir.resolve("known_hosts")))
        .startsWith("127.0.0.1:7003 ed25519 ");
  }

  @Test
  void aChangedKeyIsRefusedWithTheLineToDelete() throws Exception {
    KnownHosts knownHosts = new KnownHosts(dataDir, said::add);
    knownHosts.check("127.0.0.1:7003", ServerIdentity.generate().publicKey());
    knownHosts.check("127.0.0.1:7004", ServerIdentity.generate().publicKey());
    ServerIdentity impostor = ServerIdentity.generate();

    assertThatThrownBy(() -> knownHosts.check("127.0.0.1:7003", impostor.publicKey()))
        .isInstanceOf(HandshakeException.class)
        .hasMessage(
            "THE IDENTITY KEY OF 127.0.0.1:7003 HAS CHANGED (now "
                + ServerIdentity.fingerprint(impostor.publicKey())
                + "): someone may be in the middle; refusing to connect")
        .satisfies(
            e ->
                assertThat(((HandshakeException) e).hint().orElseThrow())
                    .startsWith("if the server's key was really replaced, delete line 1 of"));
  }

  @Test
  void aStoredIdentityIsTheSameAfterReloading() throws Exception {
    ServerIdentity created = ServerIdentity.loadOrCreate(dataDir, "ecdhe", said::add);
    ServerIdentity loaded = ServerIdentity.loadOrCreate(dataDir, "ecdhe", said::add);

    assertThat(loaded.publicKey()).isEqualTo(created.publicKey());
    assertThat(said).hasSize(1).first().asString().startsWith("created the ecdhe server identity");
  }

  @Test
  void aPinCutShortIsRefusedNamingTheFileAndLineNeverPinnedAgainSilently() throws Exception {
    ServerIdentity server = ServerIdentity.generate();
    KnownHosts knownHosts = new KnownHosts(dataDir, said::add);
    knownHosts.check("127.0.0.1:7003", server.publicKey());
    Path file = dataDir.resolve("known_hosts");
    String whole = Files.readString(file);
    Files.writeString(file, whole.substring(0, whole.length() / 2));
    assertThatThrownBy(() -> knownHosts.check("127.0.0.1:7003", server.publicKey()))
        .isInstanceOf(HandshakeException.class)
        .hasMessage(
            file
                + " was cut short: its last line does not end; restore the file from a"
                + " backup, or repair or delete that line");
    Files.writeString(file, whole.substring(0, whole.length() / 2) + "\n");

    assertThatThrownBy(() -> knownHosts.check("127.0.0.1:7003", server.publicKey()))
        .isInstanceOf(HandshakeException.class)
        .hasMessage(
            "the known-hosts file "
                + file
                + " is damaged: line 1 is not a pin (HOST:PORT ed25519 BASE64-KEY)")
        .satisfies(
            e ->
                assertThat(((HandshakeException) e).hint().orElseThrow())
                    .startsWith("delete line 1 (the next connection pins that server again)"));
    assertThat(Files.readString(file)).isEqualTo(whole.substring(0, whole.length() / 2) + "\n");
  }

  @Test
  void aDamagedServerIdentityIsAnErrorSayingWhatIsWrongNeverANewKey() throws Exception {
    ServerIdentity.loadOrCreate(dataDir, "ecdhe", said::add);
    Path file = ServerIdentity.file(dataDir, "ecdhe");
    String whole = Files.readString(file);
    Files.writeString(file, whole.substring(0, whole.length() - 40));

    assertThatThrownBy(() -> ServerIdentity.loadOrCreate(dataDir, "ecdhe", said::add))
        .isInstanceOf(java.security.spec.InvalidKeySpecException.class)
        .hasMessage("it has no complete PUBLIC KEY block");
    Files.writeString(file, whole.replace("MC4C", "MC*C")); // the PKCS #8 prefix of Ed25519
    assertThatThrownBy(() -> ServerIdentity.loadOrCreate(dataDir, "ecdhe", said::add))
        .hasMessage("its PRIVATE KEY block is not Base64");
    Files.write(file, new byte[] {(byte) 0xff, '\n'});
    assertThatThrownBy(() -> ServerIdentity.loadOrCreate(dataDir, "ecdhe", said::add))
        .hasMessage("it is not an ASCII PEM file");
    assertThat(said).hasSize(1);
  }
}
