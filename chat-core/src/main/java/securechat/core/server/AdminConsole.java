package securechat.core.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import securechat.core.protocol.ChatText;
import securechat.core.protocol.ProtocolException;
import securechat.core.protocol.ServerMessage;
import securechat.core.terminal.ConsoleView;

/**
 * The server administrator's console (from the seed 000 chat): list the connected clients, select
 * one and talk to it, {@code back} to the list, {@code exit} to drop the selected client, and
 * {@code exit} at the top to shut the server down; {@code broadcast TEXT} speaks to everyone.
 *
 * <p>It reads any {@link ConsoleView}, so tests and scripts drive it through stdin exactly as a
 * person types at it. When the input ends (no terminal, {@code </dev/null}) the console stops and
 * the server keeps running.
 */
public final class AdminConsole {
  private static final String HELP =
      "commands: list | select ID|NAME | broadcast TEXT | help | exit (shuts the server down);"
          + " once a client is selected: TEXT | back | exit (drops it)";

  private final ChatServer server;
  private final ConsoleView console;
  private Session selected;

  public AdminConsole(ChatServer server, ConsoleView console) {
    this.server = server;
    this.console = console;
  }

  /** Reads commands until {@code exit} at the top level (then shuts the server down) or EOF. */
  public void run() throws IOException {
    String line;
    while ((line = console.readLine(prompt())) != null) {
      line = line.strip();
      if (line.isEmpty()) {
        continue;
      }
      boolean keepGoing = selected == null ? topLevel(line) : talkTo(line);
      if (!keepGoing) {
        server.shutdown("the administrator shut the server down");
        return;
      }
    }
  }

  private String prompt() {
    return selected == null ? "admin> " : "admin/" + name(selected) + "> ";
  }

  /** One top-level command; false means shut down. */
  private boolean topLevel(String line) {
    String[] words = line.split(" ", 2);
    switch (words[0]) {
      case "exit" -> {
        return false;
      }
      case "list" -> list();
      case "select" -> select(words.length > 1 ? words[1].strip() : "");
      case "broadcast" -> broadcast(words.length > 1 ? words[1].strip() : "");
      case "help", "?" -> console.print(HELP);
      default -> console.print("unknown command '" + words[0] + "'; " + HELP);
    }
    return true;
  }

  private void list() {
    var sessions = server.sessions();
    console.print(sessions.size() + " connected:");
    Instant now = Instant.now();
    for (Session session : sessions) {
      long seconds = Duration.between(session.connectedAt(), now).toSeconds();
      console.print("  " + session.describe() + ", for " + seconds + " s");
    }
  }

  private void select(String idOrName) {
    Optional<Session> found = find(idOrName);
    if (found.isEmpty()) {
      console.print("no client '" + idOrName + "'; 'list' shows the connected ones");
      return;
    }
    selected = found.get();
    console.print("talking to " + selected.describe() + "; 'back' returns, 'exit' drops it");
  }

  private Optional<Session> find(String idOrName) {
    String id = idOrName.startsWith("#") ? idOrName.substring(1) : idOrName;
    if (!id.isEmpty() && id.chars().allMatch(Character::isDigit) && id.length() < 9) {
      return server.findSession(Integer.parseInt(id));
    }
    return server.sessions().stream()
        .filter(session -> session.user().map(u -> u.value().equals(idOrName)).orElse(false))
        .findFirst();
  }

  private void broadcast(String text) {
    if (text.isEmpty()) {
      console.print("usage: broadcast TEXT");
    } else if (isSendable(text)) {
      server.broadcastAdmin(text);
      console.print("sent to " + server.roster().size() + " online");
    }
  }

  /** The administrator's text obeys the users' rules: printable, and no longer than a line. */
  private boolean isSendable(String text) {
    try {
      ChatText.checkText(text);
    } catch (ProtocolException e) {
      console.print("not sent: " + e.sentence());
      return false;
    }
    int bytes = text.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > server.limits().maxLineBytes()) {
      console.print(
          "not sent: " + bytes + " bytes; the maximum is " + server.limits().maxLineBytes());
      return false;
    }
    return true;
  }

  /** A line while a client is selected; always true: only the top level shuts down. */
  private boolean talkTo(String line) {
    if (server.findSession(selected.id()).isEmpty()) {
      console.print(selected.describe() + " has gone");
      selected = null;
      return true;
    }
    switch (line) {
      case "back" -> selected = null;
      case "exit" -> {
        server.disconnect(selected, "removed by the administrator");
        console.print("dropped " + selected.describe());
        selected = null;
      }
      default -> {
        if (isSendable(line)) {
          selected.send(new ServerMessage.AdminSays(line));
        }
      }
    }
    return true;
  }

  private static String name(Session session) {
    return session.user().map(Object::toString).orElse("#" + session.id());
  }
}
