package securechat.core.account;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import securechat.core.protocol.ErrorCode;
import securechat.core.protocol.ProtocolException;
import securechat.core.protocol.Username;

class AccountStoreTest {
  private static final Username ALICE = new Username("alice");
  private static final Username BOB = new Username("bob");
  private static final String PASSWORD = "correct horse battery";

  @TempDir Path tmp;

  private AccountStore open() throws IOException {
    return AccountStore.open(tmp.resolve("lab-data"), PasswordHasher.forTests());
  }

  @Test
  void aRegisteredUserCanLogIn() throws Exception {
    AccountStore accounts = open();

    accounts.register(ALICE, PASSWORD);

    assertThatCode(() -> accounts.checkPassword(ALICE, PASSWORD)).doesNotThrowAnyException();
    assertThat(accounts.exists(ALICE)).isTrue();
    assertThat(accounts.list()).containsExactly(ALICE);
  }

  @Test
  void unknownUserAndWrongPasswordGiveTheIdenticalError() throws Exception {
    AccountStore accounts = open();
    accounts.register(ALICE, PASSWORD);

    ProtocolException wrongPassword = loginError(accounts, ALICE, "wrong password!");
    ProtocolException unknownUser = loginError(accounts, BOB, PASSWORD);

    assertThat(wrongPassword.code()).isEqualTo(ErrorCode.BAD_LOGIN).isEqualTo(unknownUser.code());
    assertThat(wrongPassword.sentence())
        .isEqualTo("wrong name or password")
        .isEqualTo(unknownUser.sentence());
  }

  @Test
  void anUnknownUserStillCostsOneArgon2Computation() throws Exception {
    CountingSemaphore permits = new CountingSemaphore();
    AccountStore accounts =
        AccountStore.open(tmp.resolve("lab-data"), new PasswordHasher(1024, 1, 1, permits));
    accounts.register(ALICE, PASSWORD);
    int before = permits.acquired.get();

    loginError(accounts, ALICE, "wrong password!");
    loginError(accounts, BOB, PASSWORD);

    assertThat(permits.acquired.get() - before).isEqualTo(2);
  }

  @Test
  void registeringATakenNameIsRejected() throws Exception {
    AccountStore accounts = open();
    accounts.register(ALICE, PASSWORD);

    assertThatThrownBy(() -> accounts.register(ALICE, "another password"))
        .isInstanceOf(ProtocolException.class)
        .hasFieldOrPropertyWithValue("code", ErrorCode.NAME_TAKEN)
        .hasMessage("name 'alice' is taken; log in with /login, or pick another name");
    accounts.checkPassword(ALICE, PASSWORD);
  }

  @Test
  void registeringWithAShortPasswordIsRejectedAndCreatesNothing() throws Exception {
    AccountStore accounts = open();

    assertThatThrownBy(() -> accounts.register(ALICE, "short"))
        .isInstanceOf(ProtocolException.class)
        .hasFieldOrPropertyWithValue("code", ErrorCode.BAD_PASSWORD);
    assertThat(accounts.exists(ALICE)).isFalse();
  }

  @Test
  void accountsSurviveANewStoreInstance() throws Exception {
    open().register(ALICE, PASSWORD);

    AccountStore reopened = open();

    assertThat(reopened.list()).containsExactly(ALICE);
    reopened.checkPassword(ALICE, PASSWORD);
  }

  @Test
  void theFileHasAHeaderThenOneSortedLinePerAccount() throws Exception {
    AccountStore accounts = open();
    accounts.register(BOB, PASSWORD);
    accounts.register(ALICE, PASSWORD);

    List<String> lines = Files.readAllLines(accounts.file(), UTF_8);

    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).startsWith("# ");
    assertThat(lines.get(1)).startsWith("alice $argon2id$v=19$m=1024,t=1,p=1$");
    assertThat(lines.get(2)).startsWith("bob $argon2id$v=19$m=1024,t=1,p=1$");
    assertThat(String.join("\n", lines)).doesNotContain(PASSWORD);
  }

  @Test
  void directoryAndFilesAreOwnerOnly() throws Exception {
    AccountStore accounts = open();
    accounts.register(ALICE, PASSWORD);
    Path dataDir = tmp.resolve("lab-data");
    assumeTrue(dataDir.getFileSystem().supportedFileAttributeViews().contains("posix"));

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir)))
        .isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(accounts.file())))
        .isEqualTo("rw-------");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dataDir.resolve("accounts.lock"))))
        .isEqualTo("rw-------");
  }

  @Test
  @Timeout(30)
  void threadsRegisteringDifferentNamesAllPersist() throws Exception {
    AccountStore accounts = open();
    List<Username> names = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      names.add(new Username("user" + i));
    }

    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> done = new ArrayList<>();
      for (Username name : names) {
        done.add(threads.submit(() -> register(accounts, name)));
      }
      for (Future<?> registration : done) {
        registration.get();
      }
    }

    assertThat(open().list()).containsExactlyInAnyOrderElementsOf(names);
  }

  @Test
  void aStoreSeesAccountsAddedThroughAnotherStore() throws Exception {
    AccountStore server = open();
    AccountStore userCommand = open(); // stands in for 'lab user add' in another process
    server.register(ALICE, PASSWORD);

    userCommand.register(BOB, PASSWORD);

    assertThat(server.exists(BOB)).isTrue();
    server.checkPassword(BOB, PASSWORD);
    assertThat(open().list()).containsExactly(ALICE, BOB);
  }

  @Test
  void aWriteDoesNotLoseAnAccountItHadNotReadYet() throws Exception {
    AccountStore first = open();
    AccountStore second = open();
    first.register(ALICE, PASSWORD);

    second.register(BOB, PASSWORD); // second's last read of the file predates alice

    assertThat(open().list()).containsExactly(ALICE, BOB);
  }

  @Test
  void removeDeletesTheAccountAndSaysWhetherThereWasOne() throws Exception {
    AccountStore accounts = open();
    accounts.register(ALICE, PASSWORD);

    assertThat(accounts.remove(ALICE)).isTrue();
    assertThat(accounts.remove(ALICE)).isFalse();
    assertThat(open().exists(ALICE)).isFalse();
    assertThat(loginError(accounts, ALICE, PASSWORD).code()).isEqualTo(ErrorCode.BAD_LOGIN);
  }

  @Test
  void setPasswordReplacesTheOldPassword() throws Exception {
    AccountStore accounts = open();
    accounts.register(ALICE, PASSWORD);

    accounts.setPassword(ALICE, "a new passphrase");

    accounts.checkPassword(ALICE, "a new passphrase");
    assertThat(loginError(accounts, ALICE, PASSWORD).code()).isEqualTo(ErrorCode.BAD_LOGIN);
  }

  @Test
  void setPasswordOfAnUnknownUserIsRejected() throws Exception {
    assertThatThrownBy(() -> open().setPassword(BOB, PASSWORD))
        .isInstanceOf(ProtocolException.class)
        .hasFieldOrPropertyWithValue("code", ErrorCode.NO_SUCH_USER)
        .hasMessage("no user 'bob'");
  }

  @Test
  void hashesMadeWithOtherParametersStillLogIn() throws Exception {
    writeAccounts(
        "# written by an older version",
        "ref $argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4");

    open().checkPassword(new Username("ref"), "password");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "one field     | alice"
            + "         | line 3: expected '<name> <argon2id hash>' separated by one space",
        "two spaces    | alice  HASH"
            + "   | line 3: expected '<name> <argon2id hash>' separated by one space",
        "bad name      | Alice HASH"
            + "    | line 3: 'Alice' is not a valid name; names are 2-16 characters: lowercase"
            + " letters, digits, '_' or '-', starting with a letter",
        "bad hash      | carol $argon2i$v=19$m=8,t=1,p=1$AAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAA"
            + " | line 3: hash algorithm is 'argon2i'; only argon2id is used",
        "duplicate     | bob HASH      | line 3: name 'bob' appears on an earlier line too",
      })
  void aMalformedLineIsReportedWithFileAndLineNumber(String id, String badLine, String error)
      throws Exception {
    String hash = PasswordHasher.forTests().hash(PASSWORD).toPhcString();
    writeAccounts("# header", "bob " + hash, badLine.replace("HASH", hash));
    Path file = tmp.resolve("lab-data").resolve("accounts");

    assertThatThrownBy(this::open).isInstanceOf(IOException.class).hasMessage(file + " " + error);
  }

  @Test
  void aFileBrokenByAnotherProcessIsReportedOnTheNextRead() throws Exception {
    AccountStore accounts = open();
    accounts.register(ALICE, PASSWORD);
    writeAccounts("# header", "alice");

    assertThatThrownBy(() -> accounts.exists(ALICE))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("accounts line 2: expected '<name> <argon2id hash>'");
  }

  private void writeAccounts(String... lines) throws IOException {
    Path dataDir = Files.createDirectories(tmp.resolve("lab-data"));
    Files.write(dataDir.resolve("accounts"), List.of(lines), UTF_8);
  }

  private static void register(AccountStore accounts, Username name) {
    try {
      accounts.register(name, PASSWORD);
    } catch (ProtocolException e) {
      throw new AssertionError(e);
    }
  }

  private static ProtocolException loginError(AccountStore accounts, Username user, String pw) {
    try {
      accounts.checkPassword(user, pw);
    } catch (ProtocolException e) {
      return e;
    }
    throw new AssertionError("login of " + user + " succeeded");
  }

  /** Counts Argon2 computations: the hasher takes one permit for each. */
  private static final class CountingSemaphore extends Semaphore {
    private static final long serialVersionUID = 1L;
    final AtomicInteger acquired = new AtomicInteger();

    CountingSemaphore() {
      super(1, true);
    }

    @Override
    public void acquireUninterruptibly() {
      acquired.incrementAndGet();
      super.acquireUninterruptibly();
    }
  }
}
