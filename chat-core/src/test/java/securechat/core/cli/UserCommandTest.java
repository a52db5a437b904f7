package securechat.core.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import securechat.core.account.AccountStore;
import securechat.core.account.PasswordHasher;
import securechat.core.protocol.Username;

class UserCommandTest {
  private static final String PASSWORD = "correct horse battery";

  @TempDir Path tmp;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  /** Runs {@code lab user ARGS} with no terminal and {@code stdin} as standard input. */
  private int run(String stdin, String... args) {
    UserCommand command = new UserCommand(new ByteArrayInputStream(stdin.getBytes(UTF_8)), null);
    return CliErrorHandler.configure(new CommandLine(command))
        .setOut(new PrintWriter(out))
        .setErr(new PrintWriter(err))
        .execute(args);
  }

  private String dataDir() {
    return tmp.resolve("lab-data").toString();
  }

  private String accountsFile() {
    return tmp.resolve("lab-data").resolve("accounts").toString();
  }

  private AccountStore store() throws IOException {
    return AccountStore.open(tmp.resolve("lab-data"), PasswordHasher.forTests());
  }

  private int add(String name) {
    return run(PASSWORD + "\n", "add", name, "--data-dir", dataDir(), "--password-stdin");
  }

  @Test
  void addWithPasswordStdinCreatesAnAccountThatCanLogIn() throws Exception {
    int exitCode = add("alice");

    assertThat(exitCode).isZero();
    assertThat(out.toString()).isEqualTo("added alice to " + accountsFile() + "\n");
    assertThat(err.toString()).isEmpty();
    store().checkPassword(new Username("alice"), PASSWORD);
  }

  @Test
  void addUsesOnlyTheFirstLineOfStandardInput() throws Exception {
    int exitCode =
        run(
            PASSWORD + "\r\nsecond line\n",
            "add",
            "alice",
            "--data-dir",
            dataDir(),
            "--password-stdin");

    assertThat(exitCode).isZero();
    store().checkPassword(new Username("alice"), PASSWORD);
  }

  @Test
  void listPrintsOneNamePerLineThenTheCount() {
    add("bob");
    add("alice");
    out.getBuffer().setLength(0);

    int exitCode = run("", "list", "--data-dir", dataDir());

    assertThat(exitCode).isZero();
    assertThat(out.toString().lines()).containsExactly("alice", "bob", "2 users");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void listOfAFreshDirectorySaysZeroUsers() {
    int exitCode = run("", "list", "--data-dir", dataDir());

    assertThat(exitCode).isZero();
    assertThat(out.toString().lines()).containsExactly("0 users");
  }

  @Test
  void addingAnExistingNameFailsWithAHint() {
    add("alice");
    out.getBuffer().setLength(0);

    int exitCode = add("alice");

    assertThat(exitCode).isEqualTo(1);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString().lines())
        .containsExactly(
            "error: user 'alice' already exists in " + accountsFile(),
            "hint: pick another name, or change the password with 'lab user passwd alice'");
  }

  @Test
  void anInvalidNameIsRejectedWithTheRule() {
    int exitCode = add("Alice");

    assertThat(exitCode).isEqualTo(1);
    assertThat(err.toString().lines())
        .containsExactly(
            "error: 'Alice' is not a valid name; names are 2-16 characters: lowercase letters,"
                + " digits, '_' or '-', starting with a letter");
  }

  @Test
  void aShortPasswordIsRejectedWithoutEchoingIt() {
    int exitCode = run("hunter2\n", "add", "alice", "--data-dir", dataDir(), "--password-stdin");

    assertThat(exitCode).isEqualTo(1);
    assertThat(err.toString().lines())
        .containsExactly("error: password is 7 characters; the minimum is 8");
  }

  @Test
  void emptyStandardInputIsRefused() {
    int exitCode = run("", "add", "alice", "--data-dir", dataDir(), "--password-stdin");

    assertThat(exitCode).isEqualTo(1);
    assertThat(err.toString().lines())
        .containsExactly(
            "error: no password on standard input",
            "hint: --password-stdin reads the first line of input");
  }

  @Test
  void withoutATerminalOrPasswordStdinAddIsRefusedWithAHint() {
    int exitCode = run(PASSWORD + "\n", "add", "alice", "--data-dir", dataDir());

    assertThat(exitCode).isEqualTo(1);
    assertThat(err.toString().lines())
        .containsExactly(
            "error: cannot ask for a password: there is no terminal",
            "hint: add --password-stdin and send the password as the first line of standard input");
  }

  @Test
  void removeDeletesAnExistingUser() throws Exception {
    add("alice");
    add("bob");
    out.getBuffer().setLength(0);

    int exitCode = run("", "remove", "bob", "--data-dir", dataDir());

    assertThat(exitCode).isZero();
    assertThat(out.toString()).isEqualTo("removed bob from " + accountsFile() + "\n");
    assertThat(store().list()).containsExactly(new Username("alice"));
  }

  @Test
  void removingAnAbsentUserFails() {
    int exitCode = run("", "remove", "bob", "--data-dir", dataDir());

    assertThat(exitCode).isEqualTo(1);
    assertThat(err.toString().lines())
        .containsExactly(
            "error: no user 'bob' in " + accountsFile(),
            "hint: 'lab user list' shows the existing users");
  }

  @Test
  void passwdChangesThePassword() throws Exception {
    add("alice");
    out.getBuffer().setLength(0);

    int exitCode =
        run("a new passphrase\n", "passwd", "alice", "--data-dir", dataDir(), "--password-stdin");

    assertThat(exitCode).isZero();
    assertThat(out.toString())
        .isEqualTo("changed the password of alice in " + accountsFile() + "\n");
    store().checkPassword(new Username("alice"), "a new passphrase");
  }

  @Test
  void passwdOfAnAbsentUserFailsBeforeAskingForAPassword() {
    int exitCode = run("", "passwd", "bob", "--data-dir", dataDir());

    assertThat(exitCode).isEqualTo(1);
    assertThat(err.toString().lines())
        .containsExactly(
            "error: no user 'bob' in " + accountsFile(),
            "hint: 'lab user list' shows the existing users");
  }

  @Test
  void aMalformedAccountsFileIsReportedWithItsLineNumber() throws Exception {
    Files.createDirectories(tmp.resolve("lab-data"));
    Files.writeString(tmp.resolve("lab-data").resolve("accounts"), "# x\nalice\n");

    int exitCode = run("", "list", "--data-dir", dataDir());

    assertThat(exitCode).isEqualTo(1);
    assertThat(err.toString().lines())
        .containsExactly(
            "error: "
                + accountsFile()
                + " line 2: expected '<name> <argon2id hash>' separated by one space");
  }

  @Test
  void withoutASubcommandTheUsageIsShown() {
    int exitCode = run("");

    assertThat(exitCode).isEqualTo(2);
    assertThat(err.toString()).contains("Missing required subcommand").contains("Usage: user");
  }
}
