package securechat.core.account;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import securechat.core.protocol.ErrorCode;
import securechat.core.protocol.ProtocolException;
import securechat.core.protocol.Username;

/**
 * The chat accounts of one data directory: names and their Argon2id password hashes, kept in the
 * text file {@code <data dir>/accounts}.
 *
 * <p><b>Protects:</b> passwords at rest (only salted Argon2id hashes are stored, in a file only the
 * owner may read); which names exist, against a client guessing logins: a wrong password and an
 * unknown name give the same answer, {@code bad-login}, after the same Argon2 work. (Registration
 * must say when a name is taken, so with open registration the names are not secret; the lab guide
 * asks students why.) The file stays whole when the server and {@code lab user} write at the same
 * time: each write re-reads the file under a cross-process lock and replaces it atomically.
 *
 * <p><b>Does not protect:</b> against online guessing at full speed (there is no rate limit or
 * lockout), against anyone who can write the data directory, or the password on the wire.
 *
 * <p>Thread-safe. Hashing, the slow part, runs outside every lock; a {@link ReentrantLock} rather
 * than {@code synchronized} guards the rest, so virtual threads never pin their carrier.
 *
 * <pre>{@code
 * PasswordHasher hasher = PasswordHasher.withOwaspParameters();
 * AccountStore accounts = AccountStore.open(Path.of("lab-data"), hasher);
 * accounts.register(new Username("alice"), "correct horse battery");
 * accounts.checkPassword(new Username("alice"), "correct horse battery"); // returns
 * }</pre>
 *
 * <p>Methods other than {@link #open} throw {@link UncheckedIOException} if the file cannot be read
 * or written; its message names the file (and line, for a malformed file).
 */
public final class AccountStore {
  /**
   * One lock per accounts file in this JVM: a FileChannel lock belongs to the whole JVM, so two
   * threads trying to take it at once get OverlappingFileLockException instead of waiting.
   */
  private static final ConcurrentMap<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

  private final AccountsFile file;
  private final PasswordHasher hasher;
  private final PasswordHash dummyHash;
  private final ReentrantLock lock;
  private AccountsFile.Snapshot snapshot; // guarded by lock

  private AccountStore(
      AccountsFile file, PasswordHasher hasher, ReentrantLock lock, AccountsFile.Snapshot loaded) {
    this.file = file;
    this.hasher = hasher;
    this.lock = lock;
    this.snapshot = loaded;
    // Matches no password anyone can type: an unknown name is checked against it, for timing.
    this.dummyHash = hasher.hash(UUID.randomUUID().toString());
  }

  /**
   * Opens the accounts of {@code dataDir}, creating the directory (rwx------ on POSIX file systems)
   * if needed. A missing accounts file means no accounts yet.
   *
   * @throws IOException if the directory cannot be created or the file is unreadable or malformed
   *     ({@code "lab-data/accounts line 3: ..."})
   */
  public static AccountStore open(Path dataDir, PasswordHasher hasher) throws IOException {
    Objects.requireNonNull(hasher, "hasher");
    AccountsFile file = AccountsFile.in(dataDir);
    Path key = dataDir.toRealPath().resolve(AccountsFile.FILE_NAME);
    ReentrantLock lock = LOCKS.computeIfAbsent(key, unused -> new ReentrantLock());
    return new AccountStore(file, hasher, lock, file.load());
  }

  /** The accounts file, for messages such as "no user 'bob' in lab-data/accounts". */
  public Path file() {
    return file.path();
  }

  /**
   * Creates an account.
   *
   * @throws ProtocolException {@link ErrorCode#BAD_PASSWORD} if the password breaks {@link
   *     PasswordPolicy}; {@link ErrorCode#NAME_TAKEN} if the name has an account already
   */
  public void register(Username user, String password) throws ProtocolException {
    PasswordPolicy.check(password);
    if (exists(user)) {
      throw nameTaken(user); // before spending a hash on it
    }
    PasswordHash hash = hasher.hash(password);
    // Checked again under the lock: another thread or process may have taken the name meanwhile.
    if (!update(accounts -> accounts.putIfAbsent(user, hash) == null)) {
      throw nameTaken(user);
    }
  }

  /**
   * Checks a login. The answer is the same for an unknown name and a wrong password, and both cost
   * one Argon2 computation, so neither the reply nor its timing tells a client which names exist.
   *
   * @throws ProtocolException {@link ErrorCode#BAD_LOGIN} "wrong name or password"
   */
  public void checkPassword(Username user, String password) throws ProtocolException {
    Optional<PasswordHash> stored = findHash(user);
    try {
      hasher.verify(password, stored.orElse(dummyHash));
    } catch (PasswordMismatchException e) {
      throw badLogin();
    }
    if (stored.isEmpty()) {
      throw badLogin();
    }
  }

  /**
   * Replaces the password of an existing account.
   *
   * @throws ProtocolException {@link ErrorCode#BAD_PASSWORD} if the password breaks {@link
   *     PasswordPolicy}; {@link ErrorCode#NO_SUCH_USER} if the name has no account
   */
  public void setPassword(Username user, String newPassword) throws ProtocolException {
    PasswordPolicy.check(newPassword);
    PasswordHash hash = hasher.hash(newPassword);
    if (!update(accounts -> accounts.replace(user, hash) != null)) {
      throw new ProtocolException(
          ErrorCode.NO_SUCH_USER, "no user " + ProtocolException.quote(user.value()));
    }
  }

  public boolean exists(Username user) {
    return current().containsKey(user);
  }

  /** Every account name, sorted. */
  public List<Username> list() {
    return List.copyOf(current().keySet());
  }

  /** Deletes an account; returns false if there was none. Only an administrator does this. */
  public boolean remove(Username user) {
    return update(accounts -> accounts.remove(user) != null);
  }

  private Optional<PasswordHash> findHash(Username user) {
    return Optional.ofNullable(current().get(user));
  }

  /** The accounts as in the file now: re-read if another process has replaced it. */
  private SortedMap<Username, PasswordHash> current() {
    lock.lock();
    try {
      if (!file.stamp().equals(snapshot.stamp())) {
        snapshot = file.load();
      }
      return snapshot.accounts();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      lock.unlock();
    }
  }

  private boolean update(AccountsFile.Change change) {
    lock.lock();
    try {
      Optional<AccountsFile.Snapshot> written = file.update(change);
      written.ifPresent(newSnapshot -> snapshot = newSnapshot);
      return written.isPresent();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      lock.unlock();
    }
  }

  private static ProtocolException nameTaken(Username user) {
    return new ProtocolException(
        ErrorCode.NAME_TAKEN,
        "name "
            + ProtocolException.quote(user.value())
            + " is taken; log in with /login, or pick another name");
  }

  private static ProtocolException badLogin() {
    return new ProtocolException(ErrorCode.BAD_LOGIN, "wrong name or password");
  }
}
