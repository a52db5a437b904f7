package securechat.attacks.wire;

import java.io.IOException;
import java.net.Socket;

/**
 * What the attacker does with one intercepted connection: {@code victim} is the client that
 * connected to the relay, {@code server} a fresh connection to the real server. Runs on its own
 * thread and returns when the conversation is over; the relay closes both sockets afterwards.
 */
@FunctionalInterface
public interface ConnectionHandler {
  void handle(Socket victim, Socket server) throws IOException;
}
