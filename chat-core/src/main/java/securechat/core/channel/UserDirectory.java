package securechat.core.channel;

import java.util.Optional;
import securechat.core.protocol.ProtocolException;
import securechat.core.protocol.Username;

/**
 * What a server publishes about each user next to the user's presence, and the check that ties a
 * login to the identity the client's handshake proved ({@link ChannelInfo#peer()}). The e2e stage's
 * key directory is one: it binds each account to its owner's public keys and hands out a signed
 * entry with every {@code JOIN}. The chat itself needs none: {@link #NONE}.
 *
 * <p>The server calls {@link #admit} after the password was checked (or the account created) and
 * before the user goes online, then sends {@code KEY NAME ENTRY} for {@link #entry} before {@code
 * JOIN NAME} to everyone, and one {@code KEY} line per online user to the newcomer.
 */
public interface UserDirectory {

  /** No directory: any password-checked login goes online, nothing is published. */
  UserDirectory NONE = new NoDirectory();

  /**
   * Lets {@code peer} go online as {@code name}, or refuses with a sentence for the client.
   *
   * @param peer what the handshake proved; empty if it proved nothing
   * @param newAccount true when the account was created by this very login ({@code /register})
   */
  void admit(Optional<PeerIdentity> peer, Username name, boolean newAccount)
      throws ProtocolException;

  /** The entry published about {@code name}, once admitted; empty if there is none. */
  Optional<String> entry(Username name);

  /** The directory of the stages that have none. */
  final class NoDirectory implements UserDirectory {
    private NoDirectory() {}

    @Override
    public void admit(Optional<PeerIdentity> peer, Username name, boolean newAccount) {}

    @Override
    public Optional<String> entry(Username name) {
      return Optional.empty();
    }
  }
}
