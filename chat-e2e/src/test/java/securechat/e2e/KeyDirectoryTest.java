package securechat.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import securechat.core.channel.PeerIdentity;
import securechat.core.identity.ServerIdentity;
import securechat.core.protocol.ErrorCode;
import securechat.core.protocol.ProtocolException;
import securechat.core.protocol.Username;

/** The server's key directory: binding on first sight, refusing other keys, and its file. */
class KeyDirectoryTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
  private static final Username ALICE = new Username("alice");
  private static final Username BOB = new Username("bob");

  @TempDir Path dataDir;

  private final ServerIdentity server = serverIdentity();
  private final PublicIdentity alice = IdentityKeys.generate(RANDOM).publicIdentity();
  private final PublicIdentity bob = IdentityKeys.generate(RANDOM).publicIdentity();
  private final PublicIdentity thief = IdentityKeys.generate(RANDOM).publicIdentity();

  @Test
  void theFirstAdmitBindsTheKeysAndPublishesAnEntrySignedByTheServer() throws Exception {
    KeyDirectory directory = KeyDirectory.inMemory(server, CLOCK);
    assertThat(directory.entry(ALICE)).isEmpty();

    directory.admit(proof(ALICE, alice), ALICE, true);

    SignedKeyEntry entry = SignedKeyEntry.parse(ALICE, directory.entry(ALICE).orElseThrow());
    entry.verify(server.publicKey());
    assertThat(entry.keys()).isEqualTo(alice);
    assertThat(entry.boundAt()).isEqualTo(CLOCK.instant());
    assertThat(directory.find(ALICE)).contains(entry);
    assertThat(directory.entry(BOB)).isEmpty();
  }

  @Test
  void theFirstLoginOfAnAccountWithoutKeysBindsThem() throws Exception {
    KeyDirectory directory = KeyDirectory.inMemory(server, CLOCK);

    directory.admit(proof(ALICE, alice), ALICE, false);

    assertThat(directory.find(ALICE).orElseThrow().keys()).isEqualTo(alice);
  }

  @Test
  void theSameKeysAreAdmittedAgainOnLogin() throws Exception {
    KeyDirectory directory = KeyDirectory.inMemory(server, CLOCK);
    directory.admit(proof(ALICE, alice), ALICE, true);
    String published = directory.entry(ALICE).orElseThrow();

    assertThatCode(() -> directory.admit(proof(ALICE, alice), ALICE, false))
        .doesNotThrowAnyException();
    assertThat(directory.entry(ALICE)).contains(published);
  }

  @Test
  void otherKeysOnLoginAreRefusedAsAnIdentityMismatchNamingTheAccount() throws Exception {
    KeyDirectory directory = KeyDirectory.inMemory(server, CLOCK);
    directory.admit(proof(ALICE, alice), ALICE, true);

    assertThatThrownBy(() -> directory.admit(proof(ALICE, thief), ALICE, false))
        .isInstanceOfSatisfying(
            ProtocolException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.IDENTITY_MISMATCH))
        .hasMessage(
            "the account alice is bound to other identity keys ("
                + alice.fingerprint()
                + "); log in from the client that holds them");
    assertThat(directory.find(ALICE).orElseThrow().keys()).isEqualTo(alice);
  }

  @Test
  void otherKeysForANewAccountRebindIt() throws Exception {
    KeyDirectory directory = KeyDirectory.inMemory(server, CLOCK);
    directory.admit(proof(ALICE, alice), ALICE, true);

    directory.admit(proof(ALICE, thief), ALICE, true);

    SignedKeyEntry entry = SignedKeyEntry.parse(ALICE, directory.entry(ALICE).orElseThrow());
    entry.verify(server.publicKey());
    assertThat(entry.keys()).isEqualTo(thief);
  }

  @Test
  void aConnectionThatProvedNoIdentityIsRefused() {
    KeyDirectory directory = KeyDirectory.inMemory(server, CLOCK);

    assertThatThrownBy(() -> directory.admit(Optional.empty(), ALICE, true))
        .isInstanceOfSatisfying(
            ProtocolException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.IDENTITY_MISMATCH))
        .hasMessage("this connection did not prove the identity of alice");
    assertThat(directory.find(ALICE)).isEmpty();
  }

  @Test
  void aConnectionThatProvedAnotherNameIsRefused() {
    KeyDirectory directory = KeyDirectory.inMemory(server, CLOCK);

    assertThatThrownBy(() -> directory.admit(proof(BOB, bob), ALICE, true))
        .isInstanceOfSatisfying(
            ProtocolException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.IDENTITY_MISMATCH))
        .hasMessage("this connection did not prove the identity of alice");
    assertThat(directory.find(ALICE)).isEmpty();
    assertThat(directory.find(BOB)).isEmpty();
  }

  @Test
  void anInMemoryDirectoryWritesNothing() throws Exception {
    KeyDirectory.inMemory(server, CLOCK).admit(proof(ALICE, alice), ALICE, true);

    assertThat(dataDir).isEmptyDirectory();
  }

  @Test
  void theDirectorySurvivesAReopenFromDisk() throws Exception {
    KeyDirectory first = KeyDirectory.open(dataDir, server, CLOCK);
    first.admit(proof(ALICE, alice), ALICE, true);
    first.admit(proof(BOB, bob), BOB, true);

    KeyDirectory reopened = KeyDirectory.open(dataDir, server, CLOCK);

    assertThat(reopened.entry(ALICE)).isEqualTo(first.entry(ALICE));
    assertThat(reopened.entry(BOB)).isEqualTo(first.entry(BOB));
    assertThatThrownBy(() -> reopened.admit(proof(ALICE, thief), ALICE, false))
        .isInstanceOf(ProtocolException.class);
  }

  @Test
  void theFileHoldsOneLinePerUserAndIsOwnerOnly() throws Exception {
    KeyDirectory directory = KeyDirectory.open(dataDir, server, CLOCK);
    directory.admit(proof(BOB, bob), BOB, true);
    directory.admit(proof(ALICE, alice), ALICE, true);

    assertThat(Files.readAllLines(file(), UTF_8))
        .containsExactly(
            "alice " + directory.entry(ALICE).orElseThrow(),
            "bob " + directory.entry(BOB).orElseThrow());
    assertThat(Files.getPosixFilePermissions(file()))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
  }

  @Test
  void aFileSignedByAnotherServerIsRefusedNamingTheFileAndLine() throws Exception {
    KeyDirectory.open(dataDir, serverIdentity(), CLOCK).admit(proof(ALICE, alice), ALICE, true);

    assertThatThrownBy(() -> KeyDirectory.open(dataDir, server, CLOCK))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith(file() + " line 1 is not a valid signed entry: ")
        .hasMessageContaining("not signed by the server's identity key");
  }

  @Test
  void anEditedKeyInTheFileIsRefusedNamingTheFileAndLine() throws Exception {
    KeyDirectory directory = KeyDirectory.open(dataDir, server, CLOCK);
    directory.admit(proof(ALICE, alice), ALICE, true);
    directory.admit(proof(BOB, bob), BOB, true);
    List<String> lines = Files.readAllLines(file(), UTF_8);
    String bobsLine = lines.get(1);
    Files.write(
        file(),
        List.of(
            lines.get(0), bobsLine.replace(bob.encryptionKeyBase64(), thief.encryptionKeyBase64())),
        UTF_8);

    assertThatThrownBy(() -> KeyDirectory.open(dataDir, server, CLOCK))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith(file() + " line 2 is not a valid signed entry: ");
  }

  @Test
  void aRenamedEntryInTheFileIsRefused() throws Exception {
    KeyDirectory.open(dataDir, server, CLOCK).admit(proof(ALICE, alice), ALICE, true);
    String line = Files.readString(file(), UTF_8);
    Files.writeString(file(), "\n" + line.replaceFirst("alice", "mallory"), UTF_8);

    assertThatThrownBy(() -> KeyDirectory.open(dataDir, server, CLOCK))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith(file() + " line 2 is not a valid signed entry: ");
  }

  @Test
  void aLineThatIsNoEntryIsRefusedNamingTheFileAndLine() throws Exception {
    Files.createDirectories(file().getParent());
    for (String bad : List.of("alice", "Alice 1 a b c d", "alice 1 a b c d", "alice  ")) {
      Files.writeString(file(), bad + "\n", UTF_8);

      assertThatThrownBy(() -> KeyDirectory.open(dataDir, server, CLOCK))
          .as(bad)
          .isInstanceOf(IOException.class)
          .hasMessageStartingWith(file() + " line 1 is not a valid signed entry: ");
    }
  }

  private Path file() {
    return dataDir.resolve("e2e").resolve("directory");
  }

  private static Optional<PeerIdentity> proof(Username name, PublicIdentity keys) {
    return Optional.of(
        new PeerIdentity(name, keys.signingKeyBase64() + " " + keys.encryptionKeyBase64()));
  }

  private static ServerIdentity serverIdentity() {
    try {
      return ServerIdentity.generate();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
