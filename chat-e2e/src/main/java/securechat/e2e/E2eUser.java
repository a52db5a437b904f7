package securechat.e2e;

import java.io.IOException;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Consumer;
import securechat.core.channel.HandshakeException;
import securechat.core.identity.KnownHosts;
import securechat.core.protocol.Limits;
import securechat.core.protocol.Username;

/**
 * Everything an e2e client knows about its own user before it connects.
 *
 * @param name who logs in
 * @param keys the user's unlocked identity keys
 * @param contacts the user's contacts: accepted keys, verification, counters
 * @param knownHosts the pinned server keys
 * @param hostPort the server as the user named it, the key of its pin
 * @param aead the AEAD this client seals with (recipients accept either)
 * @param clock the time written into envelopes
 * @param limits the protocol limits (file size)
 * @param say where the e2e layer speaks to the user: warnings, safety numbers
 */
public record E2eUser(
    Username name,
    IdentityKeys keys,
    ContactBook contacts,
    KnownHosts knownHosts,
    String hostPort,
    Hpke.Aead aead,
    Clock clock,
    Limits limits,
    Consumer<String> say) {
  public E2eUser {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(contacts, "contacts");
    Objects.requireNonNull(knownHosts, "knownHosts");
    Objects.requireNonNull(hostPort, "hostPort");
    Objects.requireNonNull(aead, "aead");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(say, "say");
  }

  /** Pins the server's key on first use; refuses, loudly, a key other than the pinned one. */
  void checkServerKey(PublicKey serverKey) throws IOException, HandshakeException {
    knownHosts.check(hostPort, serverKey);
  }
}
