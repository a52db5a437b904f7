package securechat.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import securechat.core.protocol.ProtocolException;
import securechat.core.protocol.Username;
import securechat.core.storage.LabFiles;

/**
 * What one user's client remembers about each contact: the identity keys it accepted (on first
 * sight, or after {@code /verify}), whether the safety number was compared, the next counter to
 * send them and the last counter received from them. Kept in {@code
 * DATA-DIR/e2e/users/NAME/contacts}, one line per contact, written (and forced to disk) after every
 * change, with two exceptions that keep a busy client from writing the file for every message:
 *
 * <pre>
 *   bob SIGNING-KEY ENCRYPTION-KEY verified|unverified NEXT-SENT LAST-SEEN
 * </pre>
 *
 * <ul>
 *   <li>NEXT-SENT on disk is a reservation: {@link #nextCounter} writes it {@value
 *       #RESERVED_COUNTERS} counters ahead and hands out the counters below it from memory. After a
 *       restart the counters go on from the reservation, skipping the unused ones, which the
 *       protocol allows (a counter may skip, never repeat).
 *   <li>The e2e client checks the envelopes that arrived together between {@link #holdSaves} and
 *       {@link #saveHeld}, which makes all their counters durable with one write.
 * </ul>
 *
 * <p><b>Protects:</b> against a server that swaps a contact's key later (the client sees the change
 * and warns before sending anything), and against replays, also across restarts (the last counter
 * seen is on disk). <b>Does not protect:</b> the first sight of a key (trust on first use), unless
 * the two users compare safety numbers.
 */
public final class ContactBook {
  /** What a directory entry means for a contact. */
  public enum Sighting {
    /** First sight of this contact: the key is accepted, not verified. */
    NEW,
    /** The key accepted before. */
    SAME,
    /** A key other than the one accepted: warn, send nothing until {@code /verify}. */
    CHANGED
  }

  private record Contact(
      Optional<PublicIdentity> keys, boolean verified, long nextSent, long lastSeen) {
    Contact withKeys(PublicIdentity accepted, boolean isVerified) {
      return new Contact(Optional.of(accepted), isVerified, nextSent, lastSeen);
    }
  }

  private static final Contact UNKNOWN = new Contact(Optional.empty(), false, 1, 0);

  /** How far ahead of the counters handed out NEXT-SENT is written. */
  static final long RESERVED_COUNTERS = 128;

  private final Optional<Path> file;
  private final ReentrantLock lock = new ReentrantLock();
  private final Map<Username, Contact> contacts = new TreeMap<>();

  /** NEXT-SENT as the file has it, where it is above the contact's next counter. */
  private final Map<Username, Long> reservedSent = new TreeMap<>();

  /** The thread whose changes wait for {@link #saveHeld}, if any (guarded by the lock). */
  private Thread holdingSaves;

  private boolean changedWhileHeld;

  private ContactBook(Optional<Path> file) {
    this.file = file;
  }

  /** {@code owner}'s contacts in {@code dataDir}; empty the first time. */
  public static ContactBook open(Path dataDir, Username owner) throws IOException {
    Path file = dataDir.resolve("e2e").resolve("users").resolve(owner.value()).resolve("contacts");
    ContactBook book = new ContactBook(Optional.of(file));
    book.load();
    return book;
  }

  /** A contact book kept in memory only (tests). */
  public static ContactBook inMemory() {
    return new ContactBook(Optional.empty());
  }

  /** Compares a verified directory entry with the key accepted for that contact. */
  public Sighting observe(Username name, PublicIdentity directoryKeys) {
    lock.lock();
    try {
      Contact contact = contacts.getOrDefault(name, UNKNOWN);
      if (contact.keys().isEmpty()) {
        update(name, contact.withKeys(directoryKeys, false));
        return Sighting.NEW;
      }
      return contact.keys().get().equals(directoryKeys) ? Sighting.SAME : Sighting.CHANGED;
    } finally {
      lock.unlock();
    }
  }

  /** The key accepted for {@code name}, if any. */
  public Optional<PublicIdentity> accepted(Username name) {
    return read(name).keys();
  }

  /** True once the user compared safety numbers with {@code name} and said so. */
  public boolean isVerified(Username name) {
    return read(name).verified();
  }

  /** {@code /verify NAME}: accepts {@code keys} for {@code name}, marked as compared. */
  public void verify(Username name, PublicIdentity keys) {
    lock.lock();
    try {
      update(name, contacts.getOrDefault(name, UNKNOWN).withKeys(keys, true));
    } finally {
      lock.unlock();
    }
  }

  /**
   * The counter for the next envelope to {@code recipient}: 1, 2, 3, ... never twice, also across
   * restarts. The file always holds a NEXT-SENT above every counter handed out; it is written only
   * when the reservation is used up (see the class comment).
   */
  public long nextCounter(Username recipient) {
    lock.lock();
    try {
      Contact contact = contacts.getOrDefault(recipient, UNKNOWN);
      long counter = contact.nextSent();
      Contact next =
          new Contact(contact.keys(), contact.verified(), counter + 1, contact.lastSeen());
      contacts.put(recipient, next);
      if (counter + 1 > reservedSent.getOrDefault(recipient, contact.nextSent())) {
        reserveAndSave(recipient, counter + RESERVED_COUNTERS);
      }
      return counter;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Records {@code counter} as received from {@code sender}, refusing any counter not above the
   * last one: a replayed or an old envelope. Counters may skip (a lost message), never go back. The
   * record is saved at once, so that a replay is refused after a restart too; call this only for an
   * envelope that passed every other check.
   *
   * @throws EnvelopeException REPLAYED, with a sentence naming the counter and the last one
   */
  public void acceptCounter(Username sender, long counter) throws EnvelopeException {
    // BEGIN SOLUTION
    lock.lock();
    try {
      Contact contact = contacts.getOrDefault(sender, UNKNOWN);
      if (counter <= contact.lastSeen()) {
        throw new EnvelopeException(
            EnvelopeException.Reason.REPLAYED,
            "its counter "
                + counter
                + " is not above "
                + contact.lastSeen()
                + ", the last one accepted from "
                + sender
                + ": a replay or an old message");
      }
      update(sender, new Contact(contact.keys(), contact.verified(), contact.nextSent(), counter));
    } finally {
      lock.unlock();
    }
    // END SOLUTION
  }

  private Contact read(Username name) {
    lock.lock();
    try {
      return contacts.getOrDefault(name, UNKNOWN);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Holds the changes this thread makes in memory until {@link #saveHeld}, so that the counters of
   * several envelopes become durable with one write and one fsync instead of one each. Changes by
   * other threads are saved at once, as always (and take the held ones with them).
   *
   * <p>Why this keeps the replay guarantee: a counter must be on disk before its message is shown,
   * or a crash after showing it would let a replay of it through after the restart. The caller
   * shows none of the messages it checked while holding until {@link #saveHeld} has returned, and
   * none at all if it throws. Within the batch the counters in memory already refuse a replay.
   */
  void holdSaves() {
    lock.lock();
    try {
      if (holdingSaves != null) {
        throw new IllegalStateException("saves are already held by " + holdingSaves.getName());
      }
      holdingSaves = Thread.currentThread();
      changedWhileHeld = false;
    } finally {
      lock.unlock();
    }
  }

  /** Ends {@link #holdSaves}: writes the held changes, if there are any, once and durably. */
  void saveHeld() throws IOException {
    lock.lock();
    try {
      if (holdingSaves != Thread.currentThread()) {
        throw new IllegalStateException("this thread holds no saves");
      }
      holdingSaves = null;
      if (changedWhileHeld) {
        save();
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Writes NEXT-SENT {@code reserved} for {@code recipient}, durably and at once (held saves or
   * not), before any counter below it is used; if the write fails, nothing is reserved.
   */
  private void reserveAndSave(Username recipient, long reserved) {
    Long before = reservedSent.put(recipient, reserved);
    try {
      saveOrThrow();
    } catch (UncheckedIOException e) {
      if (before == null) {
        reservedSent.remove(recipient);
      } else {
        reservedSent.put(recipient, before);
      }
      throw e;
    }
  }

  private void update(Username name, Contact contact) {
    contacts.put(name, contact);
    if (holdingSaves == Thread.currentThread()) {
      changedWhileHeld = true;
      return;
    }
    saveOrThrow();
  }

  private void saveOrThrow() {
    try {
      save();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the contacts file " + file.orElseThrow(), e);
    }
  }

  private void save() throws IOException {
    if (file.isEmpty()) {
      return;
    }
    StringBuilder text = new StringBuilder();
    contacts.forEach(
        (name, contact) ->
            text.append(line(name, contact, reservedSent.getOrDefault(name, 0L))).append('\n'));
    LabFiles.writePrivate(file.get(), text.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static String line(Username name, Contact contact, long reservedNextSent) {
    String keys =
        contact.keys().map(k -> k.signingKeyBase64() + " " + k.encryptionKeyBase64()).orElse("- -");
    return String.join(
        " ",
        name.value(),
        keys,
        contact.verified() ? "verified" : "unverified",
        Long.toString(Math.max(contact.nextSent(), reservedNextSent)),
        Long.toString(contact.lastSeen()));
  }

  private void load() throws IOException {
    if (!Files.exists(file.orElseThrow())) {
      return;
    }
    int lineNumber = 0;
    for (String line : LabFiles.readLines(file.get())) {
      lineNumber++;
      if (!line.isBlank()) {
        parse(line, lineNumber);
      }
    }
  }

  private void parse(String line, int lineNumber) throws IOException {
    String[] f = line.split(" ");
    try {
      if (f.length != 6) {
        throw new IllegalArgumentException("it has " + f.length + " fields, not 6");
      }
      Optional<PublicIdentity> keys =
          f[1].equals("-") ? Optional.empty() : Optional.of(PublicIdentity.parse(f[1], f[2]));
      contacts.put(
          Username.parse(f[0]),
          new Contact(keys, f[3].equals("verified"), Long.parseLong(f[4]), Long.parseLong(f[5])));
    } catch (ProtocolException | IllegalArgumentException e) {
      throw new IOException(
          file.orElseThrow() + " line " + lineNumber + " is not a contact: " + e.getMessage());
    }
  }
}
