package securechat.bench.load;

import java.util.Locale;

/**
 * What the clients of a load run do once they are logged in.
 *
 * <ul>
 *   <li>{@link #BROADCAST}: each message goes to everyone, so one message makes {@code N - 1}
 *       deliveries: the fan-out of a class chat.
 *   <li>{@link #WHISPER}: each message goes to one other client, chosen at random with a fixed
 *       seed: many private conversations.
 *   <li>{@link #CONNECT}: no chat; clients connect, run the stage's handshake, read {@code WELCOME}
 *       and close, again and again: what a handshake costs the server.
 * </ul>
 */
enum LoadPattern {
  BROADCAST,
  WHISPER,
  CONNECT;

  /** The name on the command line and in the report: {@code broadcast}. */
  String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
