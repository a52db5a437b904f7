package securechat.core.protocol;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A line sent by the server ({@code docs/protocol.md} §Server lines).
 *
 * <p>Every line starts with an upper-case keyword, so a client (or a student reading a capture) can
 * always tell a user's words ({@code MSG}, {@code WHISPER}, {@code FILE}) from the server's own
 * ({@code NOTICE}, {@code ADMIN}, {@code OK}, {@code ERR}).
 */
public sealed interface ServerMessage extends Message {

  /** {@code WELCOME STAGE TEXT}: the first line on every connection. */
  record Welcome(String stage, String text) implements ServerMessage {}

  /** {@code OK TEXT}: the last command worked. */
  record Ok(String text) implements ServerMessage {}

  /** {@code ERR CODE TEXT}: the last command failed; the connection stays open. */
  record ErrorReply(String code, String text) implements ServerMessage {
    public static ErrorReply of(ProtocolException problem) {
      return new ErrorReply(problem.code().wireCode(), problem.sentence());
    }

    public static ErrorReply of(ErrorCode code, String text) {
      return new ErrorReply(code.wireCode(), text);
    }
  }

  /** {@code MSG FROM TEXT}: a message to everyone; the sender gets it too. */
  record Broadcast(Username from, String text) implements ServerMessage {}

  /** {@code WHISPER FROM TO TEXT}: a private message; both sender and recipient get it. */
  record Private(Username from, Username to, String text) implements ServerMessage {}

  /** {@code FILE FROM TO|* FILENAME CONTENT}: a text file; {@code to} is empty for everyone. */
  record FileDelivery(Username from, Optional<Username> to, FileName name, String content)
      implements ServerMessage {}

  /** {@code JOIN NAME}: someone logged in. */
  record Joined(Username name) implements ServerMessage {}

  /** {@code LEAVE NAME REASON}: someone logged out or was disconnected. */
  record Left(Username name, String reason) implements ServerMessage {}

  /** {@code LIST NAME...}: everyone online, sorted. */
  record Online(List<Username> names) implements ServerMessage {
    public Online {
      names = List.copyOf(names);
    }
  }

  /**
   * {@code KEY NAME ENTRY}: NAME's entry in the server's key directory, signed by the server (e2e
   * stage only): sent before {@code JOIN NAME} and in answer to {@code /key NAME}.
   */
  record DirectoryEntry(Username name, String entry) implements ServerMessage {
    public DirectoryEntry {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(entry, "entry");
    }
  }

  /** {@code NOTICE TEXT}: a message from the server itself. */
  record Notice(String text) implements ServerMessage {}

  /** {@code ADMIN TEXT}: a message typed by the server's administrator. */
  record AdminSays(String text) implements ServerMessage {}

  /** {@code HELP TEXT}: one line of the answer to {@code /help}. */
  record HelpLine(String text) implements ServerMessage {}

  /** {@code BYE REASON}: the server is about to close this connection. */
  record Bye(String reason) implements ServerMessage {
    public Bye {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
