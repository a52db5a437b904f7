package securechat.e2e;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import securechat.core.protocol.ChatText;
import securechat.core.protocol.ClientMessage;
import securechat.core.protocol.MessageCodec;
import securechat.core.protocol.ProtocolException;
import securechat.core.protocol.ServerMessage;
import securechat.core.protocol.Username;

/**
 * The sending side of the client's e2e layer: seals each message to each recipient, with the
 * recipient's key from the directory and the next counter for that recipient; answers {@code
 * /safety} and {@code /verify}. Runs on the thread that types.
 */
final class EnvelopeSender {
  static final List<String> HELP =
      List.of(
          "end-to-end commands (handled by this client, never sent):",
          "  /safety NAME            the safety number to compare with NAME",
          "  /verify NAME            after comparing: mark NAME's key as verified",
          "  (messages, whispers and /sendfile are sealed for each recipient)");

  static final Duration KEY_TIMEOUT = Duration.ofSeconds(5);
  private static final int REMEMBERED = 1024;

  /** Sends one line to the server. */
  @FunctionalInterface
  interface LineSender {
    void send(String line) throws IOException;
  }

  private final E2eUser me;
  private final DirectoryView directory;
  private final LineSender out;
  private final Set<Username> online;
  private final MessageCodec codec;
  private final ReentrantLock sentLock = new ReentrantLock();
  private final Map<String, Payload> sent = new LinkedHashMap<>();

  EnvelopeSender(E2eUser me, DirectoryView directory, LineSender out, Set<Username> online) {
    this.me = me;
    this.directory = directory;
    this.out = out;
    this.online = online;
    this.codec = new MessageCodec(me.limits());
  }

  /** A line for everyone: one envelope per user online, each sealed to that user. */
  void broadcast(String text) throws IOException {
    try {
      ChatText.checkText(text);
    } catch (ProtocolException e) {
      me.say().accept("[e2e] not sent: " + e.sentence());
      return;
    }
    List<Username> recipients = online.stream().filter(n -> !n.equals(me.name())).toList();
    int sealed = 0;
    for (Username recipient : recipients) {
      sealed += sealTo(recipient, new Payload.Broadcast(text)) ? 1 : 0;
    }
    me.say()
        .accept(
            me.name()
                + ": "
                + text
                + "   [e2e: sealed for "
                + sealed
                + " of "
                + recipients.size()
                + " online]");
  }

  /** A decoded {@code /whisper} or {@code /file}: sealed to its recipient(s). */
  void sealCommand(Optional<ClientMessage> command) throws IOException {
    if (command.isEmpty()) {
      return;
    }
    switch (command.get()) {
      case ClientMessage.Whisper w -> sealTo(w.to(), new Payload.Whisper(w.text()));
      case ClientMessage.SendFile f -> {
        Payload.File file = new Payload.File(f.name(), f.content());
        List<Username> recipients =
            f.to()
                .map(List::of)
                .orElseGet(() -> online.stream().filter(n -> !n.equals(me.name())).toList());
        for (Username recipient : recipients) {
          sealTo(recipient, file);
        }
      }
      default -> throw new IllegalArgumentException("not a message to seal: " + command.get());
    }
  }

  /** Seals and sends; false (after saying why) if it could not. */
  private boolean sealTo(Username recipient, Payload payload) throws IOException {
    Optional<PublicIdentity> keys = keyFor(recipient, "not sent to " + recipient);
    if (keys.isEmpty() || !sendable(recipient, keys.get())) {
      return false;
    }
    long counter = me.contacts().nextCounter(recipient);
    Envelope envelope =
        Envelope.seal(
            me.keys(),
            me.name(),
            recipient,
            keys.get(),
            counter,
            me.clock().instant(),
            me.aead(),
            payload);
    remember(recipient, counter, payload);
    out.send("/whisper " + recipient + " " + envelope.encode());
    return true;
  }

  /** A contact whose directory key changed gets nothing until the user has said {@code /verify}. */
  private boolean sendable(Username recipient, PublicIdentity keys) {
    Optional<PublicIdentity> accepted = me.contacts().accepted(recipient);
    if (recipient.equals(me.name()) || accepted.isEmpty() || accepted.get().equals(keys)) {
      return true;
    }
    me.say().accept(directory.changedWarning(recipient, keys));
    return false;
  }

  /** The directory's verified key for {@code name}, asking the server if none has come yet. */
  Optional<PublicIdentity> keyFor(Username name, String failure) throws IOException {
    Optional<PublicIdentity> known = directory.find(name);
    if (known.isPresent()) {
      return known;
    }
    DirectoryView.Request request = directory.request(name);
    if (request.mustSend()) {
      out.send("/key " + name);
    }
    try {
      return Optional.of(request.answer().get(KEY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
    } catch (ExecutionException e) {
      me.say().accept("[e2e] " + failure + ": " + e.getCause().getMessage());
    } catch (TimeoutException e) {
      me.say().accept("[e2e] " + failure + ": the server did not answer /key " + name);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return Optional.empty();
  }

  private void remember(Username recipient, long counter, Payload payload) {
    sentLock.lock();
    try {
      sent.put(recipient + "#" + counter, payload);
      if (sent.size() > REMEMBERED) {
        sent.remove(sent.keySet().iterator().next());
      }
    } finally {
      sentLock.unlock();
    }
  }

  /**
   * The server's copy of our own envelope to someone else: we cannot open it (it is sealed to
   * them), so we show what we remember having sealed, as the other stages show a whisper.
   */
  Optional<String> echo(ServerMessage.Private whisper) {
    Payload payload;
    try {
      Envelope envelope = Envelope.parse(whisper.text());
      sentLock.lock();
      try {
        payload = sent.remove(envelope.recipient() + "#" + envelope.counter());
      } finally {
        sentLock.unlock();
      }
    } catch (EnvelopeException e) {
      return Optional.empty();
    }
    return switch (payload) {
      case Payload.Whisper w ->
          Optional.of(codec.encode(new ServerMessage.Private(me.name(), whisper.to(), w.text())));
      case Payload.File f -> {
        me.say().accept("[e2e] sent " + f.name() + " to " + whisper.to() + ", sealed end to end");
        yield Optional.empty();
      }
      case null, default -> Optional.empty();
    };
  }

  /** {@code /safety NAME}: the 60 digits both users should see. */
  void safety(String untrustedName) throws IOException {
    Optional<Username> name = parseName(untrustedName, "/safety NAME");
    Optional<PublicIdentity> keys =
        name.isEmpty() ? Optional.empty() : keyFor(name.get(), "no safety number");
    if (keys.isEmpty()) {
      return;
    }
    SafetyNumber number =
        SafetyNumber.of(me.name(), me.keys().publicIdentity(), name.get(), keys.get());
    String digits = number.grouped();
    me.say().accept("[e2e] safety number with " + name.get() + " (compare it with theirs):");
    me.say().accept("      " + digits.substring(0, 35));
    me.say().accept("      " + digits.substring(36));
    boolean verified =
        me.contacts().isVerified(name.get())
            && me.contacts().accepted(name.get()).map(keys.get()::equals).orElse(false);
    me.say()
        .accept(
            "      "
                + name.get()
                + "'s key "
                + keys.get().fingerprint()
                + (verified
                    ? ": verified"
                    : ": not verified; after comparing, type /verify " + name.get()));
  }

  /** {@code /verify NAME}: the user compared the numbers; accept this key as NAME's. */
  void verify(String untrustedName) throws IOException {
    Optional<Username> name = parseName(untrustedName, "/verify NAME");
    Optional<PublicIdentity> keys =
        name.isEmpty() ? Optional.empty() : keyFor(name.get(), "not verified");
    if (keys.isPresent()) {
      me.contacts().verify(name.get(), keys.get());
      me.say()
          .accept(
              "[e2e] " + name.get() + "'s key " + keys.get().fingerprint() + " is now verified");
    }
  }

  private Optional<Username> parseName(String untrusted, String usage) {
    try {
      return Optional.of(Username.parse(untrusted));
    } catch (ProtocolException e) {
      me.say().accept("[e2e] usage: " + usage + " (" + e.sentence() + ")");
      return Optional.empty();
    }
  }
}
