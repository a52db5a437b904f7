package securechat.e2e;

import java.security.PublicKey;
import java.security.SignatureException;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import securechat.core.protocol.Username;

/**
 * The client's view of the server's key directory: the entries it has received and verified, and
 * the {@code /key NAME} requests still waiting for an answer. Every entry is checked against the
 * pinned server key before its keys are used, then compared with the key accepted for that contact
 * ({@link ContactBook}), which is where a changed key is noticed.
 */
final class DirectoryView {
  private final Username me;
  private final PublicIdentity myKeys;
  private final PublicKey serverKey;
  private final ContactBook contacts;
  private final Consumer<String> say;
  private final Map<Username, PublicIdentity> verified = new ConcurrentHashMap<>();
  private final Map<Username, CompletableFuture<PublicIdentity>> waiting =
      new ConcurrentHashMap<>();
  private final ArrayDeque<Username> requests = new ArrayDeque<>();
  private final ReentrantLock requestLock = new ReentrantLock();

  DirectoryView(
      Username me,
      PublicIdentity myKeys,
      PublicKey serverKey,
      ContactBook contacts,
      Consumer<String> say) {
    this.me = me;
    this.myKeys = myKeys;
    this.serverKey = serverKey;
    this.contacts = contacts;
    this.say = say;
  }

  /** The verified directory keys of {@code name}, if an entry arrived. */
  Optional<PublicIdentity> find(Username name) {
    return Optional.ofNullable(verified.get(name));
  }

  /**
   * A request for {@code name}'s entry: the answer to wait for, and whether the caller must send
   * {@code /key name} (false when a request is already on its way).
   */
  record Request(CompletableFuture<PublicIdentity> answer, boolean mustSend) {}

  Request request(Username name) {
    requestLock.lock();
    try {
      CompletableFuture<PublicIdentity> future = waiting.get(name);
      if (future != null) {
        return new Request(future, false);
      }
      future = new CompletableFuture<>();
      waiting.put(name, future);
      requests.add(name);
      return new Request(future, true);
    } finally {
      requestLock.unlock();
    }
  }

  /** A {@code KEY name entry} line: verified, compared with the contact's key, then used. */
  void accept(Username name, String untrustedEntry) {
    SignedKeyEntry entry;
    try {
      entry = SignedKeyEntry.parse(name, untrustedEntry);
      entry.verify(serverKey);
    } catch (IllegalArgumentException | SignatureException e) {
      say.accept("[e2e] REFUSED the directory entry of " + name + ": " + e.getMessage());
      finish(name, Optional.empty(), "its directory entry was refused");
      return;
    }
    verified.put(name, entry.keys());
    compare(name, entry.keys());
    finish(name, Optional.of(entry.keys()), "");
  }

  /** The server answered the oldest request with {@code ERR no-key}. */
  void refuseOldest(String sentence) {
    requestLock.lock();
    Username oldest;
    try {
      oldest = requests.poll();
    } finally {
      requestLock.unlock();
    }
    if (oldest != null) {
      finish(oldest, Optional.empty(), sentence);
    }
  }

  private void finish(Username name, Optional<PublicIdentity> keys, String why) {
    requestLock.lock();
    CompletableFuture<PublicIdentity> future;
    try {
      requests.remove(name);
      future = waiting.remove(name);
    } finally {
      requestLock.unlock();
    }
    if (future != null && keys.isPresent()) {
      future.complete(keys.get());
    } else if (future != null) {
      future.completeExceptionally(new IllegalStateException(why));
    }
  }

  private void compare(Username name, PublicIdentity keys) {
    if (name.equals(me)) {
      if (!keys.equals(myKeys)) {
        say.accept(
            "[e2e] WARNING: the directory gives YOUR name the key "
                + keys.fingerprint()
                + ", which is not yours ("
                + myKeys.fingerprint()
                + "): the server is substituting keys");
      }
      return;
    }
    switch (contacts.observe(name, keys)) {
      case NEW ->
          say.accept(
              "[e2e] "
                  + name
                  + "'s key "
                  + keys.fingerprint()
                  + " (new; /safety "
                  + name
                  + " to verify it)");
      case SAME -> {}
      case CHANGED -> say.accept(changedWarning(name, keys));
    }
  }

  String changedWarning(Username name, PublicIdentity keys) {
    String was = contacts.accepted(name).map(PublicIdentity::fingerprint).orElse("(none)");
    return "[e2e] WARNING: "
        + name
        + "'s identity key HAS CHANGED (was "
        + was
        + ", the directory now says "
        + keys.fingerprint()
        + "): the server may be substituting it. Nothing goes to "
        + name
        + " until you compare safety numbers (/safety "
        + name
        + ") and type /verify "
        + name;
  }
}
