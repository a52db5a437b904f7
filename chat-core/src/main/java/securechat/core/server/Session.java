package securechat.core.server;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import securechat.core.channel.PeerIdentity;
import securechat.core.protocol.Limits;
import securechat.core.protocol.ServerMessage;
import securechat.core.protocol.Username;

/**
 * What the server knows about one connection: who is logged in on it, where it comes from, and how
 * many logins have failed on it. The {@link CommandHandler} sees sessions, never sockets.
 */
public final class Session {
  private final int id;
  private final String peer;
  private final Outbox outbox;
  private final Duration firstLoginDelay;
  private final Instant connectedAt = Instant.now();
  private volatile Username user;
  private volatile Optional<PeerIdentity> peerIdentity = Optional.empty();
  private volatile int failedLogins;

  public Session(int id, String peer, Outbox outbox, Limits limits) {
    this.id = id;
    this.peer = peer;
    this.outbox = outbox;
    this.firstLoginDelay = limits.firstLoginDelay();
  }

  /** A number that names this connection in the log and the admin console. */
  public int id() {
    return id;
  }

  /** The peer's address, e.g. {@code 127.0.0.1:51234}. */
  public String peer() {
    return peer;
  }

  public Instant connectedAt() {
    return connectedAt;
  }

  /** The user logged in on this connection, if any. */
  public Optional<Username> user() {
    return Optional.ofNullable(user);
  }

  /** Who the handshake proved the client to be (e2e stage); empty in the other stages. */
  public Optional<PeerIdentity> peerIdentity() {
    return peerIdentity;
  }

  void handshakeProved(Optional<PeerIdentity> identity) {
    peerIdentity = identity;
  }

  void loggedIn(Username name) {
    user = name;
  }

  /** Queues a message for this connection. */
  public void send(ServerMessage message) {
    outbox.send(message);
  }

  /** Ends this connection after the messages already queued, telling the client why. */
  public void close(String reason) {
    outbox.close(reason);
  }

  void recordFailedLogin() {
    failedLogins++;
  }

  /**
   * How long to pause before trying the next login on this connection: nothing at first, then
   * {@code firstLoginDelay} doubling per failure up to {@link Limits#MAX_LOGIN_DELAY}. Online
   * password guessing gets slow; a typo costs half a second.
   */
  Duration loginDelay() {
    if (failedLogins == 0) {
      return Duration.ZERO;
    }
    Duration delay = firstLoginDelay.multipliedBy(1L << Math.min(failedLogins - 1, 16));
    return delay.compareTo(Limits.MAX_LOGIN_DELAY) > 0 ? Limits.MAX_LOGIN_DELAY : delay;
  }

  /** One line for logs and the admin console. */
  public String describe() {
    return "#" + id + " " + user().map(Username::value).orElse("(not logged in)") + " from " + peer;
  }
}
