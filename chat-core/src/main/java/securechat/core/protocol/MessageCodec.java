package securechat.core.protocol;

import java.nio.charset.StandardCharsets;
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
      return new ClientMessage.Say(checkText(line.substring(1)));
    }
    if (!line.startsWith("/")) {
      return new ClientMessage.Say(checkText(rawLine));
    }
    Words words = new Words(line);
    String command = words.next().toLowerCase(java.util.Locale.ROOT);
    return switch (command) {
      case "/register" -> decodeRegister(words);
      case "/login" -> decodeLogin(words);
      case "/whisper", "/w" -> decodeWhisper(command, words);
      case "/list" -> noArguments(words, "/list", new ListOnline());
      case "/file" -> decodeSendFile(words);
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
    return new ClientMessage.Whisper(to, checkText(words.rest(usage)));
  }

  private ClientMessage decodeSendFile(Words words) throws ProtocolException {
    String usage = "usage: /file NAME|* FILENAME CONTENT";
    Optional<Username> to = parseRecipient(words.required(usage));
    FileName name = FileName.parse(words.required(usage));
    return new ClientMessage.SendFile(to, name, unescapeFile(words.restOrEmpty()));
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
    return new ServerMessage.FileDelivery(from, to, name, unescapeFile(words.restOrEmpty()));
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
          "/file " + recipient(f.to()) + " " + f.name() + " " + escapeFile(f.content());
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
              + escapeFile(f.content());
      case ServerMessage.Joined j -> "JOIN " + j.name();
      case ServerMessage.Left l -> "LEAVE " + l.name() + " " + l.reason();
      case ServerMessage.Online o -> encodeOnline(o);
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

  /**
   * Checks chat text: not blank, and no control characters but TAB. ESC in particular is refused:
   * it starts the ANSI sequences that could rewrite another user's terminal.
   */
  public static String checkText(String untrustedText) throws ProtocolException {
    if (untrustedText.isBlank()) {
      throw new ProtocolException(ErrorCode.USAGE, "empty message: there is nothing to send");
    }
    int bad = firstControl(untrustedText, "\t");
    if (bad >= 0) {
      throw new ProtocolException(
          ErrorCode.BAD_TEXT,
          String.format(
              "text contains control character U+%04X at position %d; only printable text and"
                  + " tabs are allowed",
              untrustedText.codePointAt(bad), bad + 1));
    }
    return untrustedText;
  }

  /** The index of the first control character not in {@code allowed}, or -1. */
  private static int firstControl(String text, String allowed) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) && allowed.indexOf(c) < 0) {
        return i;
      }
    }
    return -1;
  }

  /**
   * File content travels on one line: backslash becomes {@code \\}, line feed {@code \n} and
   * carriage return {@code \r}. Everything else is sent as it is, so a capture stays readable.
   */
  static String escapeFile(String content) {
    StringBuilder out = new StringBuilder(content.length() + 16);
    for (int i = 0; i < content.length(); i++) {
      char c = content.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private String unescapeFile(String escaped) throws ProtocolException {
    StringBuilder out = new StringBuilder(escaped.length());
    for (int i = 0; i < escaped.length(); i++) {
      char c = escaped.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char next = i + 1 < escaped.length() ? escaped.charAt(++i) : ' ';
      switch (next) {
        case '\\' -> out.append('\\');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        default ->
            throw new ProtocolException(
                ErrorCode.NOT_TEXT,
                "file content has an unknown escape at position "
                    + i
                    + "; only \\\\, \\n and \\r are defined");
      }
    }
    return checkFile(out.toString());
  }

  private String checkFile(String content) throws ProtocolException {
    int bytes = content.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > limits.maxFileBytes()) {
      throw new ProtocolException(
          ErrorCode.FILE_TOO_LARGE,
          "file is " + bytes + " bytes; the maximum is " + limits.maxFileBytes());
    }
    int bad = firstControl(content, "\t\n\r");
    if (bad >= 0) {
      throw new ProtocolException(
          ErrorCode.NOT_TEXT,
          String.format(
              "file contains control character U+%04X; only UTF-8 text files can be sent",
              content.codePointAt(bad)));
    }
    return content;
  }

  /** Splits a line into space-separated words, keeping the rest of the line intact. */
  private static final class Words {
    private final String line;
    private int position;

    Words(String line) {
      this.line = line;
    }

    boolean hasMore() {
      return position < line.length() && !line.substring(position).isBlank();
    }

    String next() {
      while (position < line.length() && line.charAt(position) == ' ') {
        position++;
      }
      int end = line.indexOf(' ', position);
      end = end < 0 ? line.length() : end;
      String word = line.substring(position, end);
      position = Math.min(line.length(), end + 1);
      return word;
    }

    String required(String usage) throws ProtocolException {
      String word = next();
      if (word.isEmpty()) {
        throw new ProtocolException(ErrorCode.USAGE, usage);
      }
      return word;
    }

    /** The rest of the line exactly as sent (it may hold spaces); must not be empty. */
    String rest(String usage) throws ProtocolException {
      String rest = restOrEmpty();
      if (rest.isEmpty()) {
        throw new ProtocolException(ErrorCode.USAGE, usage);
      }
      return rest;
    }

    String restOrEmpty() {
      String rest = line.substring(position);
      position = line.length();
      return rest;
    }
  }
}
