package securechat.core.account;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import securechat.core.protocol.ProtocolException;
import securechat.core.protocol.Username;
import securechat.core.storage.DirectoryLock;
import securechat.core.storage.LabFiles;

/**
 * The {@code accounts} file in the data directory: a comment header, then one line per account,
 * {@code <name> <argon2id PHC string>}, sorted by name.
 *
 * <p>Only this class knows the disk: owner-only permissions, atomic replacement (readers never see
 * half a file, so they need no lock) and the cross-process lock on {@code accounts.lock} that
 * serialises writers, such as a running server and {@code lab user add}.
 */
final class AccountsFile {
  static final String FILE_NAME = "accounts";
  static final String LOCK_FILE_NAME = "accounts.lock";
  static final String HEADER =
      "# securechat-lab accounts: one line per account, '<name> <argon2id PHC string>',"
          + " sorted by name; edit with 'lab user'";

  private final Path dataDir;
  private final Path file;

  private AccountsFile(Path dataDir) {
    this.dataDir = dataDir;
    this.file = dataDir.resolve(FILE_NAME);
  }

  /** Uses {@code dataDir}, creating it as rwx------ where the file system has POSIX permissions. */
  static AccountsFile in(Path dataDir) throws IOException {
    LabFiles.createPrivateDirectory(dataDir);
    return new AccountsFile(dataDir);
  }

  Path path() {
    return file;
  }

  /**
   * Reads the file (an empty map if it does not exist yet) with the stamp it had. The stamp is
   * taken first: if another process replaces the file in between, the stamp is the old one and the
   * next {@link #stamp()} check reads again, instead of missing the change.
   */
  Snapshot load() throws IOException {
    FileStamp stamp = stamp();
    return new Snapshot(Collections.unmodifiableSortedMap(read()), stamp);
  }

  /** Identifies one version of the file: atomic replacement gives each write a new file key. */
  FileStamp stamp() throws IOException {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      return new FileStamp(attributes.fileKey(), attributes.lastModifiedTime(), attributes.size());
    } catch (NoSuchFileException e) {
      return FileStamp.MISSING;
    }
  }

  /**
   * Under the cross-process lock: re-reads the file, applies the change and, if it changed
   * anything, replaces the file. Returns the new contents, or empty when nothing changed.
   */
  Optional<Snapshot> update(Change change) throws IOException {
    DirectoryLock lock = DirectoryLock.acquire(dataDir, LOCK_FILE_NAME);
    try {
      SortedMap<Username, PasswordHash> accounts = read();
      if (!change.applyTo(accounts)) {
        return Optional.empty();
      }
      LabFiles.writePrivate(file, format(accounts).getBytes(UTF_8));
      return Optional.of(new Snapshot(Collections.unmodifiableSortedMap(accounts), stamp()));
    } finally {
      lock.close();
    }
  }

  private SortedMap<Username, PasswordHash> read() throws IOException {
    List<String> lines;
    try {
      lines = LabFiles.readLines(file);
    } catch (NoSuchFileException e) {
      return new TreeMap<>();
    }
    SortedMap<Username, PasswordHash> accounts = new TreeMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).stripTrailing();
      if (!line.isEmpty() && !line.startsWith("#")) {
        addLine(line, i + 1, accounts);
      }
    }
    return accounts;
  }

  private void addLine(String line, int lineNumber, SortedMap<Username, PasswordHash> accounts)
      throws IOException {
    String[] fields = line.split(" ", -1);
    if (fields.length != 2) {
      throw lineError(lineNumber, "expected '<name> <argon2id hash>' separated by one space");
    }
    try {
      Username name = Username.parse(fields[0]);
      if (accounts.putIfAbsent(name, PasswordHash.parse(fields[1])) != null) {
        throw lineError(lineNumber, "name '" + name + "' appears on an earlier line too");
      }
    } catch (ProtocolException e) {
      throw lineError(lineNumber, e.sentence());
    } catch (MalformedHashException e) {
      throw lineError(lineNumber, e.getMessage());
    }
  }

  private IOException lineError(int lineNumber, String sentence) {
    return new IOException(file + " line " + lineNumber + ": " + sentence);
  }

  static String format(SortedMap<Username, PasswordHash> accounts) {
    StringBuilder out = new StringBuilder(HEADER).append('\n');
    accounts.forEach(
        (name, hash) -> out.append(name).append(' ').append(hash.toPhcString()).append('\n'));
    return out.toString();
  }

  /** A change to the accounts, applied under the lock; returns whether it changed anything. */
  interface Change {
    boolean applyTo(SortedMap<Username, PasswordHash> accounts);
  }

  /** The accounts as read from one version of the file. */
  record Snapshot(SortedMap<Username, PasswordHash> accounts, FileStamp stamp) {}

  /** What tells one version of the file from the next; {@link #MISSING} before the first write. */
  record FileStamp(Object fileKey, FileTime lastModified, long sizeBytes) {
    static final FileStamp MISSING = new FileStamp(null, null, -1);
  }
}
