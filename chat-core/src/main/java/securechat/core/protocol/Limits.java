package securechat.core.protocol;

import java.time.Duration;
import java.util.Objects;

/**
 * The hard limits of the protocol and the server ({@code docs/protocol.md} §Limits), each with the
 * class that enforces it.
 *
 * @param maxLineBytes longest line, in UTF-8 bytes without the {@code \n} ({@code LineFramer})
 * @param maxFileBytes largest file, in UTF-8 bytes of its content ({@code ChatText})
 * @param maxClients most connections at once, logged in or not ({@code ChatServer})
 * @param handshakeTimeout time for a stage's handshake to finish ({@code Connection})
 * @param loginTimeout time from connect to a successful login ({@code Connection})
 * @param idleTimeout longest silence from a logged-in client ({@code Connection})
 * @param outboxCapacity most lines waiting for a slow client before it is dropped ({@code
 *     BoundedOutbox})
 * @param firstLoginDelay pause before the next login after a failed one; doubles per failure, up to
 *     {@link #MAX_LOGIN_DELAY} ({@code Session} computes it, {@code Connection} waits)
 * @param shutdownDeadline time for every connection thread to end on shutdown ({@code ChatServer})
 */
public record Limits(
    int maxLineBytes,
    int maxFileBytes,
    int maxClients,
    Duration handshakeTimeout,
    Duration loginTimeout,
    Duration idleTimeout,
    int outboxCapacity,
    Duration firstLoginDelay,
    Duration shutdownDeadline) {

  /** The documented defaults. */
  public static final Limits DEFAULTS =
      new Limits(
          64 * 1024,
          16 * 1024,
          1000,
          Duration.ofSeconds(10),
          Duration.ofSeconds(60),
          Duration.ofMinutes(30),
          256,
          Duration.ofMillis(500),
          Duration.ofSeconds(2));

  /**
   * How much longer a server line may be than a client line: the server adds a keyword and the
   * sender's name ({@code MSG alice ...}), so a client's framer allows this much more.
   */
  public static final int SERVER_LINE_HEADROOM = 128;

  /** Longest pause after failed logins: the doubling stops here. */
  public static final Duration MAX_LOGIN_DELAY = Duration.ofSeconds(8);

  public Limits {
    requirePositive(maxLineBytes, "maxLineBytes");
    requirePositive(maxFileBytes, "maxFileBytes");
    requirePositive(maxClients, "maxClients");
    requirePositive(outboxCapacity, "outboxCapacity");
    Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
    Objects.requireNonNull(loginTimeout, "loginTimeout");
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    Objects.requireNonNull(firstLoginDelay, "firstLoginDelay");
    Objects.requireNonNull(shutdownDeadline, "shutdownDeadline");
  }

  /** The longest line a client accepts from the server. */
  public int maxServerLineBytes() {
    return maxLineBytes + SERVER_LINE_HEADROOM;
  }

  private static void requirePositive(int value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, not " + value);
    }
  }

  public Limits withMaxLineBytes(int bytes) {
    return new Limits(
        bytes,
        maxFileBytes,
        maxClients,
        handshakeTimeout,
        loginTimeout,
        idleTimeout,
        outboxCapacity,
        firstLoginDelay,
        shutdownDeadline);
  }

  public Limits withMaxFileBytes(int bytes) {
    return new Limits(
        maxLineBytes,
        bytes,
        maxClients,
        handshakeTimeout,
        loginTimeout,
        idleTimeout,
        outboxCapacity,
        firstLoginDelay,
        shutdownDeadline);
  }

  public Limits withMaxClients(int clients) {
    return new Limits(
        maxLineBytes,
        maxFileBytes,
        clients,
        handshakeTimeout,
        loginTimeout,
        idleTimeout,
        outboxCapacity,
        firstLoginDelay,
        shutdownDeadline);
  }

  public Limits withTimeouts(Duration handshake, Duration login, Duration idle) {
    return new Limits(
        maxLineBytes,
        maxFileBytes,
        maxClients,
        handshake,
        login,
        idle,
        outboxCapacity,
        firstLoginDelay,
        shutdownDeadline);
  }

  public Limits withOutboxCapacity(int lines) {
    return new Limits(
        maxLineBytes,
        maxFileBytes,
        maxClients,
        handshakeTimeout,
        loginTimeout,
        idleTimeout,
        lines,
        firstLoginDelay,
        shutdownDeadline);
  }

  public Limits withFirstLoginDelay(Duration delay) {
    return new Limits(
        maxLineBytes,
        maxFileBytes,
        maxClients,
        handshakeTimeout,
        loginTimeout,
        idleTimeout,
        outboxCapacity,
        delay,
        shutdownDeadline);
  }
}
