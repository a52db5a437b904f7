package securechat.core.client;

import static securechat.core.terminal.TerminalText.sanitize;

import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import securechat.core.protocol.ServerMessage;
import securechat.core.protocol.ServerMessage.FileDelivery;
import securechat.core.protocol.Username;

/**
 * Turns each line the server sent into the line the user sees: {@code MSG alice hi} becomes {@code
 * alice: hi}.
 *
 * <p>Every string the server supplied passes through {@link
 * securechat.core.terminal.TerminalText#sanitize} here, the one place where network text meets the
 * screen. Names are {@link Username} and {@code FileName} values, already restricted to harmless
 * ASCII by the codec, so they print as they are.
 */
final class ReplyRenderer {

  private ReplyRenderer() {}

  // One case per server line, kept together as a table: the compiler names any line left out.
  static String render(ServerMessage reply) {
    return switch (reply) {
      case ServerMessage.Welcome w -> "[server] " + sanitize(w.text());
      case ServerMessage.Ok ok -> "ok: " + sanitize(ok.text());
      case ServerMessage.ErrorReply e ->
          "error: " + sanitize(e.text()) + " (" + sanitize(e.code()) + ")";
      case ServerMessage.Broadcast b -> b.from() + ": " + sanitize(b.text());
      case ServerMessage.Private p ->
          p.from() + " -> " + p.to() + " (whisper): " + sanitize(p.text());
      case ServerMessage.FileDelivery f -> fileArrived(f);
      case ServerMessage.Joined j -> "* " + j.name() + " joined";
      case ServerMessage.Left l -> "* " + l.name() + " left (" + sanitize(l.reason()) + ")";
      case ServerMessage.Online o ->
          "online ("
              + o.names().size()
              + "): "
              + o.names().stream().map(Username::value).collect(Collectors.joining(", "));
      case ServerMessage.DirectoryEntry d -> "* key of " + d.name() + ": " + sanitize(d.entry());
      case ServerMessage.Notice n -> "[server] " + sanitize(n.text());
      case ServerMessage.AdminSays a -> "[admin] " + sanitize(a.text());
      case ServerMessage.HelpLine h -> "  " + sanitize(h.text());
      case ServerMessage.Bye b -> "[server] closing the connection: " + sanitize(b.reason());
    };
  }

  /** {@code alice sent you notes.txt (42 bytes)}; the caller adds where it was saved. */
  private static String fileArrived(FileDelivery file) {
    int bytes = file.content().getBytes(StandardCharsets.UTF_8).length;
    String toWhom = file.to().isPresent() ? "you" : "everyone";
    return file.from() + " sent " + toWhom + " " + file.name() + " (" + bytes + " bytes)";
  }

  /** A line the codec could not decode, shown so that a student can see what arrived. */
  static String undecodable(String rawLine) {
    return "[?] " + sanitize(rawLine);
  }
}
