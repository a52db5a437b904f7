package securechat.core.server;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import securechat.core.protocol.ServerMessage;
import securechat.core.protocol.Username;

/**
 * Who is online: each logged-in user and their session. Safe for many connection threads at once; a
 * user can be logged in on one connection only.
 */
public final class Roster {
  private final ConcurrentMap<Username, Session> online = new ConcurrentHashMap<>();

  /** Puts {@code session} online as {@code name}; false if that user is online elsewhere. */
  boolean claim(Username name, Session session) {
    return online.putIfAbsent(name, session) == null;
  }

  /** Takes {@code name} offline, if {@code session} is the one that holds the name. */
  boolean release(Username name, Session session) {
    return online.remove(name, session);
  }

  public Optional<Session> find(Username name) {
    return Optional.ofNullable(online.get(name));
  }

  /** Every online name, sorted. */
  public List<Username> names() {
    return online.keySet().stream().sorted().toList();
  }

  public int size() {
    return online.size();
  }

  /** Queues {@code message} for every online user. */
  void sendToAll(ServerMessage message) {
    online.values().forEach(session -> session.send(message));
  }

  /** Every online session but {@code except}. */
  List<Session> sessionsExcept(Session except) {
    return online.values().stream().filter(session -> session != except).toList();
  }

  /** Queues {@code message} for every online user but {@code except}. */
  void sendToAllExcept(Session except, ServerMessage message) {
    for (Session session : online.values()) {
      if (session != except) {
        session.send(message);
      }
    }
  }
}
