package securechat.core.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import securechat.core.account.AccountStore;
import securechat.core.account.PasswordHasher;
import securechat.core.account.PasswordPolicy;
import securechat.core.protocol.ErrorCode;
import securechat.core.protocol.ProtocolException;
import securechat.core.protocol.Username;

/**
 * {@code lab user}: adds, lists and removes chat accounts in the data directory. Safe while the
 * server runs on the same directory: both write through {@link AccountStore}'s file lock.
 *
 * <pre>
 * $ lab user add alice                          (asks twice for the password, echo off)
 * $ printf '%s\n' "$PASSWORD" | lab user add bob --password-stdin
 * $ lab user list
 * alice
 * bob
 * 2 users
 * $ lab user remove bob
 * removed bob from lab-data/accounts
 * </pre>
 */
@Command(
    name = "user",
    mixinStandardHelpOptions = true,
    synopsisSubcommandLabel = "COMMAND",
    description = {
      "Manage chat accounts: add, list, remove, change a password.",
      "Accounts are stored in DIR/accounts as Argon2id hashes; the server may keep running."
    })
public final class UserCommand {
  @Spec private CommandSpec spec;

  private final InputStream stdin;
  private final Console console;

  public UserCommand() {
    this(System.in);
  }

  /** Reads {@code --password-stdin} passwords from {@code stdin} instead of {@code System.in}. */
  public UserCommand(InputStream stdin) {
    this(stdin, System.console());
  }

  /** For tests: {@code console} is null when there is no terminal to ask on. */
  UserCommand(InputStream stdin, Console console) {
    this.stdin = Objects.requireNonNull(stdin, "stdin");
    this.console = console;
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Create an account (" + PasswordPolicy.RULE + ").")
  void add(
      @Parameters(paramLabel = "NAME", description = "The new user's name.") String untrustedName,
      @Option(names = "--password-stdin", description = "Read the password from standard input.")
          boolean passwordFromStdin,
      @Mixin DataDirOption dataDir)
      throws ConfigException, IOException {
    Username user = parseName(untrustedName);
    String password = readNewPassword(user, passwordFromStdin);
    AccountStore accounts = open(dataDir);
    try {
      accounts.register(user, password);
    } catch (ProtocolException e) {
      if (e.code() == ErrorCode.NAME_TAKEN) {
        throw new ConfigException(
            "user '" + user + "' already exists in " + accounts.file(),
            "pick another name, or change the password with 'lab user passwd " + user + "'");
      }
      throw new ConfigException(e.sentence());
    }
    out().println("added " + user + " to " + accounts.file());
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List every account.")
  void list(@Mixin DataDirOption dataDir) throws IOException {
    List<Username> users = open(dataDir).list();
    users.forEach(out()::println);
    out().println(users.size() + (users.size() == 1 ? " user" : " users"));
  }

  @Command(name = "remove", mixinStandardHelpOptions = true, description = "Delete an account.")
  void remove(
      @Parameters(paramLabel = "NAME", description = "The user to delete.") String untrustedName,
      @Mixin DataDirOption dataDir)
      throws ConfigException, IOException {
    Username user = parseName(untrustedName);
    AccountStore accounts = open(dataDir);
    if (!accounts.remove(user)) {
      throw noSuchUser(user, accounts.file());
    }
    out().println("removed " + user + " from " + accounts.file());
  }

  @Command(
      name = "passwd",
      mixinStandardHelpOptions = true,
      description = "Change a user's password (" + PasswordPolicy.RULE + ").")
  void passwd(
      @Parameters(paramLabel = "NAME", description = "The user.") String untrustedName,
      @Option(names = "--password-stdin", description = "Read the password from standard input.")
          boolean passwordFromStdin,
      @Mixin DataDirOption dataDir)
      throws ConfigException, IOException {
    Username user = parseName(untrustedName);
    AccountStore accounts = open(dataDir);
    if (!accounts.exists(user)) {
      throw noSuchUser(user, accounts.file()); // before asking for a password in vain
    }
    try {
      accounts.setPassword(user, readNewPassword(user, passwordFromStdin));
    } catch (ProtocolException e) {
      if (e.code() == ErrorCode.NO_SUCH_USER) {
        throw noSuchUser(user, accounts.file()); // removed while we were asking
      }
      throw new ConfigException(e.sentence());
    }
    out().println("changed the password of " + user + " in " + accounts.file());
  }

  private static Username parseName(String untrustedName) throws ConfigException {
    try {
      return Username.parse(untrustedName);
    } catch (ProtocolException e) {
      throw new ConfigException(e.sentence());
    }
  }

  private static AccountStore open(DataDirOption dataDir) throws IOException {
    return AccountStore.open(dataDir.dataDir(), PasswordHasher.withOwaspParameters());
  }

  private static ConfigException noSuchUser(Username user, Path file) {
    return new ConfigException(
        "no user '" + user + "' in " + file, "'lab user list' shows the existing users");
  }

  private String readNewPassword(Username user, boolean fromStdin)
      throws ConfigException, IOException {
    if (fromStdin) {
      return readStdinLine();
    }
    if (console == null) {
      throw new ConfigException(
          "cannot ask for a password: there is no terminal",
          "add --password-stdin and send the password as the first line of standard input");
    }
    return readTwiceFromConsole(user);
  }

  /** One line from standard input; the line break is not part of the password. */
  private String readStdinLine() throws ConfigException, IOException {
    // Not closed: closing the reader would close System.in.
    String line = new BufferedReader(new InputStreamReader(stdin, UTF_8)).readLine();
    if (line == null) {
      throw new ConfigException(
          "no password on standard input", "--password-stdin reads the first line of input");
    }
    return line;
  }

  private String readTwiceFromConsole(Username user) throws ConfigException {
    char[] first = console.readPassword("password for %s: ", user);
    char[] second = first == null ? null : console.readPassword("repeat the password: ");
    try {
      if (second == null) {
        throw new ConfigException("no password entered");
      }
      if (!Arrays.equals(first, second)) {
        throw new ConfigException("the two passwords differ", "run the command again");
      }
      return new String(first);
    } finally {
      wipe(first);
      wipe(second);
    }
  }

  private static void wipe(char[] secret) {
    if (secret != null) {
      Arrays.fill(secret, '\0');
    }
  }

  private PrintWriter out() {
    return spec.commandLine().getOut();
  }
}
