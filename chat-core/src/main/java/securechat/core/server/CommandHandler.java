package securechat.core.server;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import securechat.core.account.AccountStore;
import securechat.core.channel.PeerIdentity;
import securechat.core.channel.UserDirectory;
import securechat.core.protocol.ClientMessage;
import securechat.core.protocol.ErrorCode;
import securechat.core.protocol.ProtocolException;
import securechat.core.protocol.ServerMessage;
import securechat.core.protocol.ServerMessage.DirectoryEntry;
import securechat.core.protocol.ServerMessage.FileDelivery;
import securechat.core.protocol.Username;

/**
 * The chat itself: what the server does with each command. It gets a decoded {@link ClientMessage}
 * and the sender's {@link Session}, and answers by queueing {@link ServerMessage}s in outboxes. It
 * never sees a socket and never waits for a client, so it is the same in every stage and is tested
 * without a network. Its one slow step, checking a password with Argon2id (tens of milliseconds, on
 * purpose), runs on the sender's own connection thread: it delays that sender and nobody else.
 *
 * <p>The server, not the client, writes the sender's name into every message it delivers: the name
 * comes from the session's login, so no one can speak as someone else.
 */
public final class CommandHandler {
  static final List<String> HELP =
      List.of(
          "/register NAME PASSWORD   create an account and log in",
          "/login NAME PASSWORD      log in",
          "TEXT                      say TEXT to everyone (start with // to say /TEXT)",
          "/whisper NAME TEXT        say TEXT to NAME only (also /w)",
          "/list                     who is online",
          "/key NAME                 NAME's entry in the key directory (e2e stage)",
          "/file NAME|* FILE TEXT    send a text file (the client's /sendfile does this for you)",
          "/help                     this list",
          "/quit                     log out and disconnect (your account stays)");

  private final Roster roster;
  private final AccountStore accounts;
  private final UserDirectory directory;

  /** A handler for a stage without a key directory. */
  public CommandHandler(Roster roster, AccountStore accounts) {
    this(roster, accounts, UserDirectory.NONE);
  }

  /**
   * @param directory what the server publishes about each user next to {@code JOIN}, and the check
   *     that ties a login to the handshake's proven identity (the e2e stage's key directory)
   */
  public CommandHandler(Roster roster, AccountStore accounts, UserDirectory directory) {
    this.roster = roster;
    this.accounts = accounts;
    this.directory = directory;
  }

  /** Carries out one command; a {@link ProtocolException} becomes the sender's {@code ERR}. */
  public void handle(Session session, ClientMessage message) throws ProtocolException {
    switch (message) {
      case ClientMessage.Register register -> register(session, register);
      case ClientMessage.Login login -> login(session, login);
      case ClientMessage.Help help ->
          HELP.forEach(line -> session.send(new ServerMessage.HelpLine(line)));
      case ClientMessage.Quit quit -> quit(session);
      case ClientMessage.Say say ->
          roster.sendToAll(new ServerMessage.Broadcast(sender(session), say.text()));
      case ClientMessage.Whisper whisper -> whisper(session, whisper);
      case ClientMessage.ListOnline list -> session.send(listFor(session));
      case ClientMessage.SendFile file -> sendFile(session, file);
      case ClientMessage.KeyRequest request -> session.send(entryOf(request.name()));
    }
  }

  /** Offline at once, so everyone has heard {@code LEAVE} before the quitter reads {@code BYE}. */
  private void quit(Session session) {
    disconnected(session, "quit");
    session.close("goodbye");
  }

  private void register(Session session, ClientMessage.Register register) throws ProtocolException {
    requireLoggedOut(session);
    requireProvenName(session, register.name());
    accounts.register(register.name(), register.password());
    directory.admit(session.peerIdentity(), register.name(), true);
    logIn(session, register.name(), "registered and logged in as " + register.name());
  }

  private void login(Session session, ClientMessage.Login login) throws ProtocolException {
    requireLoggedOut(session);
    requireProvenName(session, login.name());
    try {
      accounts.checkPassword(login.name(), login.password());
    } catch (ProtocolException wrongNameOrPassword) {
      session.recordFailedLogin();
      session.send(ServerMessage.ErrorReply.of(wrongNameOrPassword));
      long waitMillis = session.loginDelay().toMillis();
      session.send(
          new ServerMessage.Notice(
              "the next login on this connection waits " + waitMillis + " ms"));
      return;
    }
    directory.admit(session.peerIdentity(), login.name(), false);
    logIn(session, login.name(), "logged in as " + login.name());
  }

  /** In the e2e stage the handshake proved a name: the login must be for that same user. */
  private static void requireProvenName(Session session, Username name) throws ProtocolException {
    Optional<Username> proven = session.peerIdentity().map(PeerIdentity::name);
    if (proven.isPresent() && !proven.get().equals(name)) {
      throw new ProtocolException(
          ErrorCode.IDENTITY_MISMATCH,
          "this connection proved the identity of "
              + proven.get()
              + ", so it can log in as "
              + proven.get()
              + " only");
    }
  }

  private void logIn(Session session, Username name, String greeting) throws ProtocolException {
    if (!roster.claim(name, session)) {
      throw new ProtocolException(
          ErrorCode.ALREADY_ONLINE, name + " is already logged in on another connection");
    }
    session.loggedIn(name);
    session.send(new ServerMessage.Ok(greeting + "; " + roster.size() + " online"));
    // The key directory's entry goes before JOIN, so everyone can write to the newcomer at once.
    Optional<ServerMessage> entry = directory.entry(name).map(e -> new DirectoryEntry(name, e));
    for (Session other : roster.sessionsExcept(session)) {
      entry.ifPresent(other::send);
      other.send(new ServerMessage.Joined(name));
    }
  }

  private ServerMessage entryOf(Username name) throws ProtocolException {
    return directory
        .entry(name)
        .map(entry -> (ServerMessage) new DirectoryEntry(name, entry))
        .orElseThrow(
            () ->
                new ProtocolException(
                    ErrorCode.NO_KEY,
                    directory == UserDirectory.NONE
                        ? "this server keeps no key directory (only the e2e stage has one)"
                        : name + " has no entry in the key directory"));
  }

  private static void requireLoggedOut(Session session) throws ProtocolException {
    if (session.user().isPresent()) {
      throw new ProtocolException(
          ErrorCode.ALREADY_LOGGED_IN,
          "already logged in as " + session.user().get() + "; /quit first to change user");
    }
  }

  private static Username sender(Session session) throws ProtocolException {
    return session
        .user()
        .orElseThrow(
            () ->
                new ProtocolException(
                    ErrorCode.LOGIN_REQUIRED,
                    "log in first: /login NAME PASSWORD, or /register NAME PASSWORD"));
  }

  private void whisper(Session session, ClientMessage.Whisper whisper) throws ProtocolException {
    Username from = sender(session);
    Session recipient = online(whisper.to());
    ServerMessage.Private message = new ServerMessage.Private(from, whisper.to(), whisper.text());
    recipient.send(message);
    if (recipient != session) {
      session.send(message);
    }
  }

  private ServerMessage listFor(Session session) throws ProtocolException {
    sender(session);
    return new ServerMessage.Online(roster.names());
  }

  private void sendFile(Session session, ClientMessage.SendFile file) throws ProtocolException {
    Username from = sender(session);
    FileDelivery delivery = new FileDelivery(from, file.to(), file.name(), file.content());
    int bytes = file.content().getBytes(StandardCharsets.UTF_8).length;
    if (file.to().isPresent()) {
      online(file.to().get()).send(delivery);
    } else {
      roster.sendToAllExcept(session, delivery);
    }
    String to = file.to().map(Username::value).orElse("everyone");
    session.send(new ServerMessage.Ok("sent " + file.name() + " (" + bytes + " bytes) to " + to));
  }

  private Session online(Username name) throws ProtocolException {
    return roster
        .find(name)
        .orElseThrow(() -> new ProtocolException(ErrorCode.NO_SUCH_USER, name + " is not online"));
  }

  /** Called once when a connection ends: takes its user offline and tells everyone. */
  public void disconnected(Session session, String reason) {
    session
        .user()
        .filter(name -> roster.release(name, session))
        .ifPresent(name -> roster.sendToAll(new ServerMessage.Left(name, reason)));
  }
}
