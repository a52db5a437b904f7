package securechat.core.protocol;

import java.util.Objects;
import java.util.Optional;

/**
 * A command sent by a client ({@code docs/protocol.md} §Client commands).
 *
 * <p>Note what is absent: no command carries the sender's name. The server knows who is logged in
 * on each connection and writes the name into every message it delivers, so a client cannot pose as
 * someone else.
 */
public sealed interface ClientMessage extends Message {

  /** {@code /register NAME PASSWORD}: create an account and log in. */
  record Register(Username name, String password) implements ClientMessage {
    public Register {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
      return "Register[name=" + name + ", password=(hidden)]";
    }
  }

  /** {@code /login NAME PASSWORD}: log in to an existing account. */
  record Login(Username name, String password) implements ClientMessage {
    public Login {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
      return "Login[name=" + name + ", password=(hidden)]";
    }
  }

  /** A line of text for everyone who is logged in. */
  record Say(String text) implements ClientMessage {
    public Say {
      Objects.requireNonNull(text, "text");
    }
  }

  /** {@code /whisper NAME TEXT}: a private message to one user. */
  record Whisper(Username to, String text) implements ClientMessage {
    public Whisper {
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(text, "text");
    }
  }

  /** {@code /list}: who is online. */
  record ListOnline() implements ClientMessage {}

  /**
   * {@code /file NAME|* FILENAME CONTENT}: a text file for one user, or for everyone when {@code
   * to} is empty.
   */
  record SendFile(Optional<Username> to, FileName name, String content) implements ClientMessage {
    public SendFile {
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(content, "content");
    }
  }

  /** {@code /key NAME}: NAME's entry in the server's key directory (e2e stage). */
  record KeyRequest(Username name) implements ClientMessage {
    public KeyRequest {
      Objects.requireNonNull(name, "name");
    }
  }

  /** {@code /help}: the list of commands. */
  record Help() implements ClientMessage {}

  /** {@code /quit}: log out and close the connection. The account stays. */
  record Quit() implements ClientMessage {}
}
