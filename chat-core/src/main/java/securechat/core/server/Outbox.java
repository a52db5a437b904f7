package securechat.core.server;

import securechat.core.protocol.ServerMessage;

/**
 * Where a connection's outgoing messages wait for its writer thread. {@link #send} never blocks: a
 * handler hands a message to a hundred outboxes without waiting for any client.
 */
public interface Outbox {

  /** Queues a message for delivery; dropped silently once the outbox is closed. */
  void send(ServerMessage message);

  /**
   * Queues {@code BYE reason} after everything already waiting, then ends the connection. Later
   * calls do nothing: the first reason wins.
   */
  void close(String reason);
}
