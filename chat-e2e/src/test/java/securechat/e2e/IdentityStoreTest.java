package securechat.e2e;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import securechat.core.cli.ConfigException;
import securechat.core.protocol.Username;

class IdentityStoreTest {
  private static final Username ALICE = new Username("alice");
  private static final String PASSWORD = "correct horse battery";

  /**
   * The length of each line of a file made by {@link IdentityStore#forTests}: 32-byte keys are 44
   * Base64 characters, the 16-byte salt 24, the 12-byte nonce 16 and the 80 sealed bytes 108.
   */
  private static final List<Integer> LINE_LENGTHS = List.of(30, 10, 56, 59, 55, 150);

  @TempDir Path dataDir;

  private final List<String> said = new ArrayList<>();

  @Test
  void createThenLoadGivesTheSamePublicIdentityAndWorkingKeys() throws Exception {
    IdentityKeys created = store().loadOrCreate(ALICE, PASSWORD, said::add);

    IdentityKeys loaded = IdentityStore.forTests(dataDir).loadOrCreate(ALICE, PASSWORD, said::add);

    assertThat(loaded.publicIdentity()).isEqualTo(created.publicIdentity());
    byte[] signature = loaded.sign("hello".getBytes(UTF_8));
    assertThatCode(
            () ->
                Ed25519.verify(
                    created.publicIdentity().signingKey(), "hello".getBytes(UTF_8), signature))
        .doesNotThrowAnyException();
    Hpke.Sealed sealed =
        Hpke.seal(
            Hpke.Aead.AES_128_GCM,
            created.publicIdentity().encryptionKey(),
            new byte[0],
            new byte[0],
            "hi".getBytes(UTF_8));
    assertThat(
            loaded.open(
                Hpke.Aead.AES_128_GCM, sealed.enc(), new byte[0], new byte[0], sealed.ciphertext()))
        .asString(UTF_8)
        .isEqualTo("hi");
  }

  @Test
  void creatingSaysOneLineWithTheFingerprintAndTheFile() throws Exception {
    IdentityKeys created = store().loadOrCreate(ALICE, PASSWORD, said::add);

    assertThat(said)
        .containsExactly(
            "created the e2e identity of alice "
                + created.publicIdentity().fingerprint()
                + ": "
                + dataDir.resolve("e2e/users/alice/identity")
                + " (encrypted with your password)");
  }

  @Test
  void theFileIsInTheUsersDirectoryUnderTheDataDirectory() throws Exception {
    IdentityStore store = store();
    assertThat(store.file(ALICE)).isEqualTo(dataDir.resolve("e2e/users/alice/identity"));
    assertThat(store.exists(ALICE)).isFalse();

    store.loadOrCreate(ALICE, PASSWORD, said::add);

    assertThat(store.exists(ALICE)).isTrue();
    assertThat(store.exists(new Username("bob"))).isFalse();
  }

  @Test
  void aSecondLoadOrCreateLoadsAndDoesNotOverwrite() throws Exception {
    IdentityKeys first = store().loadOrCreate(ALICE, PASSWORD, said::add);
    byte[] written = Files.readAllBytes(file());

    IdentityKeys second = store().loadOrCreate(ALICE, PASSWORD, said::add);

    assertThat(second.publicIdentity()).isEqualTo(first.publicIdentity());
    assertThat(Files.readAllBytes(file())).isEqualTo(written);
    assertThat(said).hasSize(1);
  }

  @Test
  @Timeout(30)
  void twoClientsCreatingAtOnceGetOneIdentity() throws Exception {
    Callable<IdentityKeys> create = () -> store().loadOrCreate(ALICE, PASSWORD, line -> {});
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      Future<IdentityKeys> first = threads.submit(create);
      Future<IdentityKeys> second = threads.submit(create);

      assertThat(first.get().publicIdentity()).isEqualTo(second.get().publicIdentity());
    }
  }

  @Test
  void theFileHoldsNeitherPrivateKeyInClear() throws Exception {
    IdentityKeys created = store().loadOrCreate(ALICE, PASSWORD, said::add);
    byte[] file = Files.readAllBytes(file());
    String text = new String(file, US_ASCII);

    for (byte[] secret : List.of(created.signingSeed(), created.encryptionPrivateKey())) {
      assertThat(indexOf(file, secret)).isEqualTo(-1);
      assertThat(text)
          .doesNotContainIgnoringCase(HexFormat.of().formatHex(secret, 0, 12))
          .doesNotContain(Base64.getEncoder().encodeToString(secret).substring(0, 16))
          .doesNotContain(Base64.getUrlEncoder().encodeToString(secret).substring(0, 16));
    }
    assertThat(text).doesNotContain(PASSWORD);
  }

  @Test
  void theFileIsReadableByItsOwnerOnly() throws Exception {
    store().loadOrCreate(ALICE, PASSWORD, said::add);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file())))
        .isEqualTo("rw-------");
  }

  @Test
  void theFileReadsAsDocumented() throws Exception {
    IdentityKeys created = store().loadOrCreate(ALICE, PASSWORD, said::add);
    PublicIdentity keys = created.publicIdentity();

    List<String> lines = Files.readAllLines(file(), US_ASCII);

    assertThat(lines).hasSize(6);
    assertThat(lines.get(0)).isEqualTo("securechat-lab e2e identity v1");
    assertThat(lines.get(1)).isEqualTo("user alice");
    assertThat(lines.get(2)).isEqualTo("signing-key " + keys.signingKeyBase64());
    assertThat(lines.get(3)).isEqualTo("encryption-key " + keys.encryptionKeyBase64());
    assertThat(lines.get(4)).matches("kdf argon2id m=64 t=1 p=1 salt=[A-Za-z0-9+/]{22}==");
    assertThat(lines.get(5))
        .matches("sealed aes-256-gcm nonce=[A-Za-z0-9+/]{16} [A-Za-z0-9+/]{107}=");
    assertThat(lines).extracting(String::length).isEqualTo(LINE_LENGTHS);
  }

  @Test
  void theOwaspStoreWritesTheOwaspParametersAndAnyStoreReadsAnyFile() throws Exception {
    IdentityKeys created =
        IdentityStore.withOwaspParameters(dataDir).loadOrCreate(ALICE, PASSWORD, said::add);

    assertThat(Files.readAllLines(file(), US_ASCII).get(4))
        .startsWith("kdf argon2id m=19456 t=2 p=1 ");
    assertThat(store().loadOrCreate(ALICE, PASSWORD, said::add).publicIdentity())
        .isEqualTo(created.publicIdentity());
  }

  @Test
  void aPasswordOutsideAsciiWorks() throws Exception {
    IdentityKeys created = store().loadOrCreate(ALICE, "pässwörd 🔐", said::add);

    assertThat(store().loadOrCreate(ALICE, "pässwörd 🔐", said::add).publicIdentity())
        .isEqualTo(created.publicIdentity());
  }

  @Test
  void aWrongPasswordIsRefusedWithASentenceNamingTheFile() throws Exception {
    store().loadOrCreate(ALICE, PASSWORD, said::add);

    assertThatThrownBy(() -> store().loadOrCreate(ALICE, "Correct horse battery", said::add))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.hint())
                    .hasValueSatisfying(
                        hint -> assertThat(hint).contains("password").contains("move the file")))
        .hasMessage(
            "cannot unlock the e2e identity of alice in "
                + file()
                + ": wrong password, or the file was changed");
  }

  static Stream<Arguments> everyCharacter() {
    return IntStream.range(0, LINE_LENGTHS.size())
        .boxed()
        .flatMap(
            line ->
                IntStream.range(0, LINE_LENGTHS.get(line))
                    .mapToObj(column -> Arguments.of(line + 1, column + 1)));
  }

  /** Some changes break a line's form, the others break AES-GCM's tag: all are refused. */
  @ParameterizedTest(name = "line {0}, column {1}")
  @MethodSource("everyCharacter")
  void oneChangedCharacterAnywhereIsRefused(int line, int column) throws Exception {
    store().loadOrCreate(ALICE, PASSWORD, said::add);
    List<String> lines = new ArrayList<>(Files.readAllLines(file(), US_ASCII));
    StringBuilder changed = new StringBuilder(lines.get(line - 1));
    changed.setCharAt(column - 1, anotherCharacter(changed.charAt(column - 1)));
    lines.set(line - 1, changed.toString());
    Files.writeString(file(), String.join("\n", lines) + "\n", US_ASCII);

    assertThatThrownBy(() -> store().loadOrCreate(ALICE, PASSWORD, said::add))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("cannot unlock the e2e identity of alice in " + file() + ": ");
  }

  @ParameterizedTest(name = "line {0} removed")
  @ValueSource(ints = {1, 2, 3, 4, 5, 6})
  void aMissingLineIsRefusedNamingTheFileAndTheLine(int removed) throws Exception {
    store().loadOrCreate(ALICE, PASSWORD, said::add);
    List<String> lines = new ArrayList<>(Files.readAllLines(file(), US_ASCII));
    lines.remove(removed - 1);
    Files.writeString(file(), String.join("\n", lines) + "\n", US_ASCII);

    assertThatThrownBy(() -> store().loadOrCreate(ALICE, PASSWORD, said::add))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.hint())
                    .hasValueSatisfying(hint -> assertThat(hint).contains(file().toString())))
        .hasMessageStartingWith(
            "cannot unlock the e2e identity of alice in " + file() + ": line " + removed);
  }

  @Test
  void aGarbledLineIsRefusedSayingWhatIsWrong() throws Exception {
    assertThat(loadAfterReplacingLine(4, "encryption-key ??"))
        .hasMessageEndingWith(": line 4: encryption key is not base64");
    assertThat(
            loadAfterReplacingLine(
                3, "signing-key " + Base64.getEncoder().encodeToString(new byte[31])))
        .hasMessageEndingWith(": line 3: signing key is 31 bytes; Ed25519 keys are 32");
    assertThat(loadAfterReplacingLine(2, "user Alice"))
        .hasMessageContaining(": line 2: 'Alice' is not a valid name");
    assertThat(loadAfterReplacingLine(5, "kdf argon2id m=64 t=1 p=1"))
        .hasMessageEndingWith(
            ": line 5: expected 'kdf argon2id m=KIB t=PASSES p=LANES salt=BASE64'");
    assertThat(
            loadAfterReplacingLine(
                5, "kdf argon2id m=99999999 t=1 p=1 salt=AAAAAAAAAAAAAAAAAAAAAA=="))
        .hasMessageEndingWith(": line 5: m must be a number from 8 to 1048576");
    assertThat(loadAfterReplacingLine(6, "sealed aes-256-gcm nonce=AAAA AAAA"))
        .hasMessageEndingWith(": line 6: nonce is 3 bytes; it must be 12");
  }

  @Test
  void anEmptyFileIsRefusedAtLineOne() throws Exception {
    store().loadOrCreate(ALICE, PASSWORD, said::add);
    Files.writeString(file(), "");

    assertThatThrownBy(() -> store().loadOrCreate(ALICE, PASSWORD, said::add))
        .isInstanceOf(ConfigException.class)
        .hasMessageEndingWith(": line 1 is missing; an identity file has 6 lines");
  }

  @Test
  void anExtraLineOrAMissingLineEndIsRefused() throws Exception {
    store().loadOrCreate(ALICE, PASSWORD, said::add);
    String text = Files.readString(file(), US_ASCII);

    Files.writeString(file(), text + "more\n", US_ASCII);
    assertThatThrownBy(() -> store().loadOrCreate(ALICE, PASSWORD, said::add))
        .hasMessageEndingWith(": line 7: one line too many; an identity file has 6 lines");
    Files.writeString(file(), text.strip(), US_ASCII);
    assertThatThrownBy(() -> store().loadOrCreate(ALICE, PASSWORD, said::add))
        .hasMessageEndingWith(": line 6: the file must end with a line end");
  }

  @Test
  void bytesOutsideAsciiAreRefused() throws Exception {
    store().loadOrCreate(ALICE, PASSWORD, said::add);
    Files.writeString(file(), "user ålice\n", UTF_8);

    assertThatThrownBy(() -> store().loadOrCreate(ALICE, PASSWORD, said::add))
        .isInstanceOf(ConfigException.class)
        .hasMessageEndingWith(": it is not ASCII text");
  }

  @Test
  void anotherUsersFileIsRefused() throws Exception {
    Username bob = new Username("bob");
    store().loadOrCreate(bob, PASSWORD, said::add);
    Files.createDirectories(file().getParent());
    Files.copy(store().file(bob), file());

    assertThatThrownBy(() -> store().loadOrCreate(ALICE, PASSWORD, said::add))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "cannot unlock the e2e identity of alice in " + file() + ": it is the identity of bob");
  }

  private ConfigException loadAfterReplacingLine(int line, String replacement) throws Exception {
    Files.deleteIfExists(file());
    store().loadOrCreate(ALICE, PASSWORD, said::add);
    List<String> lines = new ArrayList<>(Files.readAllLines(file(), US_ASCII));
    lines.set(line - 1, replacement);
    Files.writeString(file(), String.join("\n", lines) + "\n", US_ASCII);
    try {
      store().loadOrCreate(ALICE, PASSWORD, said::add);
    } catch (ConfigException e) {
      return e;
    }
    throw new AssertionError("line " + line + " replaced by " + replacement + " was accepted");
  }

  /** A different character of the same kind where there is one, so the line may still parse. */
  private static char anotherCharacter(char c) {
    if (c >= '0' && c <= '8' || c >= 'a' && c <= 'y' || c >= 'A' && c <= 'Y') {
      return (char) (c + 1);
    }
    return switch (c) {
      case '9' -> '0';
      case 'z' -> 'a';
      case 'Z' -> 'A';
      case '+' -> '/';
      case '/' -> '+';
      default -> 'x';
    };
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        return i;
      }
    }
    return -1;
  }

  private IdentityStore store() {
    return IdentityStore.forTests(dataDir);
  }

  private Path file() {
    return dataDir.resolve("e2e/users/alice/identity");
  }
}
