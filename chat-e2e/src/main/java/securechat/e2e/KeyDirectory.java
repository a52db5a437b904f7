package securechat.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import securechat.core.channel.PeerIdentity;
import securechat.core.channel.UserDirectory;
import securechat.core.identity.ServerIdentity;
import securechat.core.protocol.ErrorCode;
import securechat.core.protocol.ProtocolException;
import securechat.core.protocol.Username;
import securechat.core.storage.LabFiles;

/**
 * The e2e server's key directory: each account bound to its owner's public identity keys, as
 * entries signed by the server ({@link SignedKeyEntry}). Kept in {@code DATA-DIR/e2e/directory},
 * one line per user, {@code NAME ENTRY}.
 *
 * <p>An account is bound on registration, or on its first login in the e2e stage (accounts are
 * shared with the other stages, which have no keys). From then on, a login must prove the same
 * keys: a stolen password alone is not enough to become someone in this stage.
 *
 * <p><b>Protects:</b> each user's binding of name to keys, signed so that clients can check it.
 * <b>Does not protect:</b> against this server's own operator, who can rewrite the file or sign a
 * different key. Safety numbers exist for that.
 */
public final class KeyDirectory implements UserDirectory {
  static final String FILE = "e2e/directory";

  private final Optional<Path> file;
  private final ServerIdentity server;
  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private final Map<Username, SignedKeyEntry> entries = new TreeMap<>();

  private KeyDirectory(Optional<Path> file, ServerIdentity server, Clock clock) {
    this.file = file;
    this.server = server;
    this.clock = clock;
  }

  /** The directory stored in {@code dataDir} (empty if none yet), signed by {@code server}. */
  public static KeyDirectory open(Path dataDir, ServerIdentity server, Clock clock)
      throws IOException {
    KeyDirectory directory = new KeyDirectory(Optional.of(dataDir.resolve(FILE)), server, clock);
    directory.load();
    return directory;
  }

  /** A directory kept in memory only (tests, demos). */
  public static KeyDirectory inMemory(ServerIdentity server, Clock clock) {
    return new KeyDirectory(Optional.empty(), server, clock);
  }

  @Override
  public void admit(Optional<PeerIdentity> peer, Username name, boolean newAccount)
      throws ProtocolException {
    PublicIdentity proven = provenKeys(peer, name);
    lock.lock();
    try {
      SignedKeyEntry bound = entries.get(name);
      if (bound != null && bound.keys().equals(proven)) {
        return;
      }
      if (bound != null && !newAccount) {
        throw new ProtocolException(
            ErrorCode.IDENTITY_MISMATCH,
            "the account "
                + name
                + " is bound to other identity keys ("
                + bound.keys().fingerprint()
                + "); log in from the client that holds them");
      }
      bind(name, proven);
    } finally {
      lock.unlock();
    }
  }

  private static PublicIdentity provenKeys(Optional<PeerIdentity> peer, Username name)
      throws ProtocolException {
    if (peer.isEmpty() || !peer.get().name().equals(name)) {
      throw new ProtocolException(
          ErrorCode.IDENTITY_MISMATCH, "this connection did not prove the identity of " + name);
    }
    String[] keys = peer.get().keys().split(" ");
    if (keys.length != 2) {
      throw new IllegalArgumentException("a proven e2e identity is two keys, not " + keys.length);
    }
    return PublicIdentity.parse(keys[0], keys[1]);
  }

  private void bind(Username name, PublicIdentity keys) {
    try {
      entries.put(name, SignedKeyEntry.sign(name, keys, clock.instant(), server));
      save();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the server cannot sign with its identity key", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the key directory", e);
    }
  }

  @Override
  public Optional<String> entry(Username name) {
    return find(name).map(SignedKeyEntry::encode);
  }

  /** The signed entry of {@code name}, if bound. */
  public Optional<SignedKeyEntry> find(Username name) {
    lock.lock();
    try {
      return Optional.ofNullable(entries.get(name));
    } finally {
      lock.unlock();
    }
  }

  private void load() throws IOException {
    if (file.isEmpty() || !Files.exists(file.get())) {
      return;
    }
    int lineNumber = 0;
    for (String line : LabFiles.readLines(file.get())) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      try {
        String[] nameAndEntry = line.split(" ", 2);
        Username name = Username.parse(nameAndEntry[0]);
        SignedKeyEntry entry = SignedKeyEntry.parse(name, nameAndEntry[1]);
        entry.verify(server.publicKey());
        entries.put(name, entry);
      } catch (ProtocolException | GeneralSecurityException | RuntimeException e) {
        throw new IOException(
            file.get() + " line " + lineNumber + " is not a valid signed entry: " + e.getMessage());
      }
    }
  }

  private void save() throws IOException {
    if (file.isEmpty()) {
      return;
    }
    StringBuilder text = new StringBuilder();
    entries.forEach(
        (name, entry) -> text.append(name).append(' ').append(entry.encode()).append('\n'));
    LabFiles.writePrivate(file.get(), text.toString().getBytes(StandardCharsets.UTF_8));
  }
}
