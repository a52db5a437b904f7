package securechat.core.channel;

import java.util.Objects;
import securechat.core.protocol.Username;

/**
 * Who a handshake proved the client to be: a user name and the public keys it proved it holds, as
 * text the chat core compares but never reads. Only the e2e stage's handshake proves one; in the
 * other stages a client is whoever logs in with the right password.
 *
 * @param name the user the client proved to be (it must log in as this user)
 * @param keys the client's public identity keys, written by the stage, compared as they are
 */
public record PeerIdentity(Username name, String keys) {
  public PeerIdentity {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(keys, "keys");
  }
}
