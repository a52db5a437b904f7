package securechat.core.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import securechat.core.protocol.ClientMessage.ListOnline;
import securechat.core.protocol.ServerMessage.Online;

/**
 * Turns protocol lines into {@link Message}s and back ({@code docs/protocol.md} is the grammar).
 *
 * <p>Decoding validates everything a peer controls: names become {@link Username}s, file names
 * {@link FileName}s, text is checked for control characters and files for size. A line that fails
 * any check raises a {@link ProtocolException} whose sentence can go back to the peer.
 *
 * <pre>{@code
 * MessageCodec codec = new MessageCodec(Limits.DEFAULTS);
 * ClientMessage command = codec.decodeCommand("/whisper bob see you at 5"); // Whisper[bob, ...]
 * String line = codec.encode(new ServerMessage.Broadcast(alice, "hi"));   // "MSG alice hi"
 * }</pre>
 */
public final class MessageCodec {
  private final Limits limits;

  public MessageCodec(Limits limits) {
    this.limits = limits;
  }

  /** Decodes a line a client sent. Blank lines are the caller's to skip. */
  public ClientMessage decodeCommand(String rawLine) throws ProtocolException {
    // Leading spaces do not hide a command: " /login bob pw" must not be broadcast as chat.
    String line = rawLine.stripLeading();
    if (line.startsWith("//")) {
      return new ClientMessage.Say(ChatText.checkText(line.substring(1)));
    }
    if (!line.startsWith("/")) {
      return new ClientMessage.Say(ChatText.checkText(rawLine));
    }
    Words words = new Words(line);
    String command = words.next().toLowerCase(java.util.Locale.ROOT);
    return switch (command) {
      case "/register" -> decodeRegister(words);
      case "/login" -> decodeLogin(words);
      case "/whisper", "/w" -> decodeWhisper(command, words);
      case "/list" -> noArguments(words, "/list", new ListOnline());
      case "/file" -> decodeSendFile(words);
      case "/key" -> decodeKeyRequest(words);
      case "/help" -> new ClientMessage.Help();
      case "/quit" -> noArguments(words, "/quit", new ClientMessage.Quit());
      default ->
          throw new ProtocolException(
              ErrorCode.UNKNOWN_COMMAND,
              "unknown command " + ProtocolException.quote(command) + "; type /help for the list");
    };
  }

  private ClientMessage decodeRegister(Words words) throws ProtocolException {
    String usage = "usage: /register NAME PASSWORD";
    Username name = Username.parse(words.required(usage));
    return new ClientMessage.Register(name, words.rest(usage));
  }

  private ClientMessage decodeLogin(Words words) throws ProtocolException {
    String usage = "usage: /login NAME PASSWORD";
    Username name = Username.parse(words.required(usage));
    return new ClientMessage.Login(name, words.rest(usage));
  }

  private ClientMessage decodeWhisper(String command, Words words) throws ProtocolException {
    String usage = "usage: " + command + " NAME TEXT";
    Username to = Username.parse(words.required(usage));
    return new ClientMessage.Whisper(to, ChatText.checkText(words.rest(usage)));
  }

  private ClientMessage decodeSendFile(Words words) throws ProtocolException {
    String usage = "usage: /file NAME|* FILENAME CONTENT";
    Optional<Username> to = parseRecipient(words.required(usage));
    FileName name = FileName.parse(words.required(usage));
    return new ClientMessage.SendFile(
        to, name, ChatText.unescapeFile(words.restOrEmpty(), limits.maxFileBytes()));
  }

  private static ClientMessage decodeKeyRequest(Words words) throws ProtocolException {
    String usage = "usage: /key NAME";
    Username name = Username.parse(words.required(usage));
    if (words.hasMore()) {
      throw new ProtocolException(ErrorCode.USAGE, usage);
    }
    return new ClientMessage.KeyRequest(name);
  }

  private static ClientMessage noArguments(Words words, String command, ClientMessage message)
      throws ProtocolException {
    if (words.hasMore()) {
      throw new ProtocolException(ErrorCode.USAGE, command + " takes no arguments");
    }
    return message;
  }

  /** Decodes a line the server sent, as a client does. */
  public ServerMessage decodeReply(String rawLine) throws ProtocolException {
    Words words = new Words(rawLine);
    String keyword = words.next();
    return switch (keyword) {
      case "WELCOME" ->
          new ServerMessage.Welcome(words.required("WELCOME STAGE"), words.restOrEmpty());
      case "OK" -> new ServerMessage.Ok(words.restOrEmpty());
      case "ERR" -> new ServerMessage.ErrorReply(words.required("ERR CODE"), words.restOrEmpty());
      case "MSG" -> new ServerMessage.Broadcast(name(words), words.restOrEmpty());
      case "WHISPER" -> new ServerMessage.Private(name(words), name(words), words.restOrEmpty());
      case "FILE" -> decodeFileDelivery(words);
      case "JOIN" -> new ServerMessage.Joined(name(words));
      case "LEAVE" -> new ServerMessage.Left(name(words), words.restOrEmpty());
      case "LIST" -> decodeOnline(words);
      case "KEY" -> new ServerMessage.DirectoryEntry(name(words), words.restOrEmpty());
      case "NOTICE" -> new ServerMessage.Notice(words.restOrEmpty());
      case "ADMIN" -> new ServerMessage.AdminSays(words.restOrEmpty());
      case "HELP" -> new ServerMessage.HelpLine(words.restOrEmpty());
      case "BYE" -> new ServerMessage.Bye(words.restOrEmpty());
      default ->
          throw new ProtocolException(
              ErrorCode.UNKNOWN_COMMAND, "unknown server line " + ProtocolException.quote(keyword));
    };
  }

  private ServerMessage decodeFileDelivery(Words words) throws ProtocolException {
    Username from = name(words);
    Optional<Username> to = parseRecipient(words.required("FILE FROM TO FILENAME"));
    FileName name = FileName.parse(words.required("FILE FROM TO FILENAME"));
    return new ServerMessage.FileDelivery(
        from, to, name, ChatText.unescapeFile(words.restOrEmpty(), limits.maxFileBytes()));
  }

  private static ServerMessage decodeOnline(Words words) throws ProtocolException {
    List<Username> names = new ArrayList<>();
    while (words.hasMore()) {
      names.add(Username.parse(words.next()));
    }
    return new Online(names);
  }

  private static Username name(Words words) throws ProtocolException {
    return Username.parse(words.required("a user name"));
  }

  private static Optional<Username> parseRecipient(String untrusted) throws ProtocolException {
    return untrusted.equals("*") ? Optional.empty() : Optional.of(Username.parse(untrusted));
  }

  /** Encodes any message as one line, without the {@code \n}. */
  public String encode(Message message) {
    return switch (message) {
      case ClientMessage command -> encodeCommand(command);
      case ServerMessage reply -> encodeReply(reply);
    };
  }

  private String encodeCommand(ClientMessage command) {
    return switch (command) {
      case ClientMessage.Register r -> "/register " + r.name() + " " + r.password();
      case ClientMessage.Login l -> "/login " + l.name() + " " + l.password();
      case ClientMessage.Say s -> s.text().startsWith("/") ? "/" + s.text() : s.text();
      case ClientMessage.Whisper w -> "/whisper " + w.to() + " " + w.text();
      case ClientMessage.ListOnline l -> "/list";
      case ClientMessage.SendFile f ->
          "/file " + recipient(f.to()) + " " + f.name() + " " + ChatText.escapeFile(f.content());
      case ClientMessage.KeyRequest k -> "/key " + k.name();
      case ClientMessage.Help h -> "/help";
      case ClientMessage.Quit q -> "/quit";
    };
  }

  // One case per server line: a table, kept together on purpose.
  private String encodeReply(ServerMessage reply) {
    return switch (reply) {
      case ServerMessage.Welcome w -> "WELCOME " + w.stage() + " " + w.text();
      case ServerMessage.Ok ok -> "OK " + ok.text();
      case ServerMessage.ErrorReply e -> "ERR " + e.code() + " " + e.text();
      case ServerMessage.Broadcast b -> "MSG " + b.from() + " " + b.text();
      case ServerMessage.Private p -> "WHISPER " + p.from() + " " + p.to() + " " + p.text();
      case ServerMessage.FileDelivery f ->
          "FILE "
              + f.from()
              + " "
              + recipient(f.to())
              + " "
              + f.name()
              + " "
              + ChatText.escapeFile(f.content());
      case ServerMessage.Joined j -> "JOIN " + j.name();
      case ServerMessage.Left l -> "LEAVE " + l.name() + " " + l.reason();
      case ServerMessage.Online o -> encodeOnline(o);
      case ServerMessage.DirectoryEntry d -> "KEY " + d.name() + " " + d.entry();
      case ServerMessage.Notice n -> "NOTICE " + n.text();
      case ServerMessage.AdminSays a -> "ADMIN " + a.text();
      case ServerMessage.HelpLine h -> "HELP " + h.text();
      case ServerMessage.Bye b -> "BYE " + b.reason();
    };
  }

  private static String encodeOnline(Online online) {
    StringBuilder line = new StringBuilder("LIST");
    online.names().forEach(name -> line.append(' ').append(name));
    return line.toString();
  }

  private static String recipient(Optional<Username> to) {
    return to.map(Username::value).orElse("*");
  }
}
