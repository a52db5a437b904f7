package securechat.e2e;

import java.io.IOException;
import java.security.PublicKey;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.locks.ReentrantLock;
import securechat.core.channel.ChannelInfo;
import securechat.core.channel.LineChannel;
import securechat.core.protocol.ClientMessage;
import securechat.core.protocol.MessageCodec;
import securechat.core.protocol.ProtocolException;
import securechat.core.protocol.ServerMessage;
import securechat.core.protocol.Username;

/**
 * The client's e2e layer: sits between the chat client and the transport, seals what the user sends
 * and opens what arrives. The chat client above it is the one every stage uses, and it sees
 * ordinary protocol lines: this layer turns {@code /whisper bob hi} into {@code /whisper bob E2E1
 * ...} on the way out, and {@code WHISPER alice bob E2E1 ...} back into {@code WHISPER alice bob
 * hi} on the way in, once the envelope has passed every check.
 *
 * <pre>
 *   typed ─▶ send(): /whisper, /w, /file, plain text (a broadcast, one envelope per recipient)
 *            are sealed; /safety and /verify are answered here; the rest goes out as typed
 *   shown ◀─ receive(): KEY lines are verified and kept; envelopes are checked and opened;
 *            anything that arrives in clear is shown with a warning
 * </pre>
 *
 * <p>Its own words (warnings, refusals, safety numbers) go straight to the user, marked {@code
 * [e2e]}; nothing it refuses is shown as if it were a message.
 */
final class E2eClientChannel implements LineChannel {
  /** At most this many lines are handled before their counters are saved and shown. */
  static final int BATCH_LINES = 64;

  private final LineChannel transport;
  private final ChannelInfo info;
  private final E2eUser me;
  private final DirectoryView directory;
  private final EnvelopeSender sender;
  private final MessageCodec codec;
  private final ReentrantLock sendLock = new ReentrantLock();
  private final Set<Username> online = new ConcurrentSkipListSet<>();
  private final Map<Username, List<ServerMessage.Private>> waitingForKey =
      new ConcurrentHashMap<>();
  private final ArrayDeque<String> ready = new ArrayDeque<>();
  private ProtocolException laterError;
  private volatile boolean loggedIn;

  E2eClientChannel(LineChannel transport, ChannelInfo info, E2eUser me, PublicKey serverKey) {
    this.transport = transport;
    this.info = info;
    this.me = me;
    this.codec = new MessageCodec(me.limits());
    this.directory =
        new DirectoryView(
            me.name(), me.keys().publicIdentity(), serverKey, me.contacts(), me.say());
    this.sender = new EnvelopeSender(me, directory, this::sendRaw, online);
  }

  @Override
  public void send(String typedLine) throws IOException {
    String line = typedLine.stripLeading();
    if (!line.startsWith("/") || line.startsWith("//")) {
      sender.broadcast(line.startsWith("//") ? line.substring(1) : typedLine);
      return;
    }
    String[] commandAndRest = line.split(" ", 2);
    String rest = commandAndRest.length > 1 ? commandAndRest[1] : "";
    switch (commandAndRest[0].toLowerCase(Locale.ROOT)) {
      case "/whisper", "/w", "/file" -> sender.sealCommand(decode(line));
      case "/safety" -> sender.safety(rest.strip());
      case "/verify" -> sender.verify(rest.strip());
      case "/help" -> {
        sendRaw(line);
        EnvelopeSender.HELP.forEach(me.say());
      }
      default -> sendRaw(line);
    }
  }

  private Optional<ClientMessage> decode(String line) {
    try {
      return Optional.of(codec.decodeCommand(line));
    } catch (ProtocolException e) {
      me.say().accept("[e2e] not sent: " + e.sentence());
      return Optional.empty();
    }
  }

  /** Sends a line to the server as it is; both the typing and the reading thread call this. */
  void sendRaw(String line) throws IOException {
    sendLock.lock();
    try {
      transport.send(line);
    } finally {
      sendLock.unlock();
    }
  }

  @Override
  public String receive() throws IOException, ProtocolException {
    while (ready.isEmpty()) {
      if (laterError != null) {
        ProtocolException error = laterError;
        laterError = null;
        throw error;
      }
      String line = transport.receive();
      if (line == null) {
        return null;
      }
      handleWithWhatArrivedWith(line);
    }
    return ready.poll();
  }

  /**
   * Handles {@code first} and the lines that arrived with it (already buffered, so no waiting), up
   * to {@link #BATCH_LINES}, then makes the counters of all their envelopes durable with one write
   * of the contact book, where one write per envelope would cost a disk flush each. Nothing is
   * shown before that write: {@link ContactBook#holdSaves} says why the replay guarantee holds.
   */
  private void handleWithWhatArrivedWith(String first) throws IOException {
    me.contacts().holdSaves();
    try {
      handle(first);
      for (int count = 1; count < BATCH_LINES && transport.hasBufferedLine(); count++) {
        String next = receiveBuffered();
        if (next == null) {
          break;
        }
        handle(next);
      }
    } finally {
      try {
        me.contacts().saveHeld();
      } catch (IOException | RuntimeException e) {
        ready.clear(); // not durable: show none of them
        throw e;
      }
    }
  }

  /** A buffered line; a line the transport refuses is reported after the lines before it. */
  private String receiveBuffered() throws IOException {
    try {
      return transport.receive();
    } catch (ProtocolException e) {
      laterError = e;
      return null;
    }
  }

  private void handle(String rawLine) throws IOException {
    ServerMessage reply;
    try {
      reply = codec.decodeReply(rawLine);
    } catch (ProtocolException undecodable) {
      ready.add(rawLine);
      return;
    }
    switch (reply) {
      case ServerMessage.DirectoryEntry entry -> keyArrived(entry);
      case ServerMessage.Private whisper when Envelope.isEnvelope(whisper.text()) ->
          envelopeArrived(whisper);
      case ServerMessage.Private p -> inClear(rawLine, p.from());
      case ServerMessage.Broadcast b -> inClear(rawLine, b.from());
      case ServerMessage.FileDelivery f -> inClear(rawLine, f.from());
      default -> {
        track(reply);
        ready.add(rawLine);
      }
    }
  }

  /** Presence, and the answers this layer asked for itself. */
  private void track(ServerMessage reply) throws IOException {
    switch (reply) {
      case ServerMessage.Ok ok when !loggedIn -> {
        loggedIn = true;
        sendRaw("/list"); // who is online: the recipients of a broadcast
      }
      case ServerMessage.Online list -> {
        online.clear();
        online.addAll(list.names());
      }
      case ServerMessage.Joined joined -> online.add(joined.name());
      case ServerMessage.Left left -> online.remove(left.name());
      case ServerMessage.ErrorReply error when error.code().equals("no-key") ->
          directory.refuseOldest(error.text());
      default -> {}
    }
  }

  private void keyArrived(ServerMessage.DirectoryEntry entry) {
    directory.accept(entry.name(), entry.entry());
    List<ServerMessage.Private> held = waitingForKey.remove(entry.name());
    if (held != null) {
      held.forEach(this::envelopeArrived);
    }
  }

  private void envelopeArrived(ServerMessage.Private whisper) {
    if (whisper.from().equals(me.name()) && !whisper.to().equals(me.name())) {
      sender.echo(whisper).ifPresent(ready::add);
      return;
    }
    Optional<PublicIdentity> senderKeys = directory.find(whisper.from());
    if (senderKeys.isEmpty()) {
      holdUntilKeyArrives(whisper);
      return;
    }
    try {
      ready.add(EnvelopeReceiver.open(whisper, senderKeys.get(), me, codec));
    } catch (EnvelopeException e) {
      me.say().accept("[e2e] REFUSED a message from " + whisper.from() + ": " + e.getMessage());
    }
  }

  /** The sender was online before us: ask the directory, and open the envelope once it answers. */
  private void holdUntilKeyArrives(ServerMessage.Private whisper) {
    List<ServerMessage.Private> held =
        waitingForKey.computeIfAbsent(whisper.from(), name -> new ArrayList<>());
    if (held.size() >= 64) {
      me.say().accept("[e2e] dropped a message from " + whisper.from() + ": too many waiting");
      return;
    }
    held.add(whisper);
    DirectoryView.Request request = directory.request(whisper.from());
    request.answer().whenComplete((keys, refused) -> dropHeldIfRefused(whisper.from(), refused));
    if (request.mustSend()) {
      try {
        sendRaw("/key " + whisper.from());
      } catch (IOException e) {
        me.say().accept("[e2e] cannot ask for " + whisper.from() + "'s key: " + e.getMessage());
      }
    }
  }

  private void dropHeldIfRefused(Username from, Throwable refused) {
    List<ServerMessage.Private> held = refused == null ? null : waitingForKey.remove(from);
    if (held != null) {
      me.say()
          .accept(
              "[e2e] REFUSED "
                  + held.size()
                  + " message(s) from "
                  + from
                  + ": no key for "
                  + from
                  + " in the directory");
    }
  }

  private void inClear(String rawLine, Username from) {
    me.say()
        .accept(
            "[e2e] WARNING: the next message from "
                + from
                + " is NOT end-to-end encrypted: the server could read or have written it");
    ready.add(rawLine);
  }

  @Override
  public void shutdownOutput() throws IOException {
    transport.shutdownOutput();
  }

  @Override
  public ChannelInfo info() {
    return info;
  }

  @Override
  public void close() throws IOException {
    transport.close();
  }

  /** For tests and the MITM lab: the directory's verified keys. */
  Optional<PublicIdentity> directoryKeys(Username name) {
    return directory.find(name);
  }
}
