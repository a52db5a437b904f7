package securechat.core.channel;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What protects a channel, in words a student can read: the stage, a one-line summary and any
 * details the handshake negotiated (protocol version, cipher suite, key fingerprints).
 *
 * @param stage the stage name, e.g. {@code plain}
 * @param protection one line, e.g. "none: every byte crosses the network as typed"
 * @param details further facts, one per line; empty for the plain stage
 * @param session what identifies this session, for the server's log line after the handshake (the
 *     ecdhe session fingerprint, the TLS cipher suite); empty when there is nothing to say
 * @param peer on the server, the user identity the client's handshake proved (the e2e stage); empty
 *     in every other stage
 */
public record ChannelInfo(
    String stage,
    String protection,
    List<String> details,
    Optional<String> session,
    Optional<PeerIdentity> peer) {
  public ChannelInfo {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(protection, "protection");
    details = List.copyOf(details);
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(peer, "peer");
  }

  /** A channel whose handshake proved no user identity. */
  public ChannelInfo(
      String stage, String protection, List<String> details, Optional<String> session) {
    this(stage, protection, details, session, Optional.empty());
  }

  /** A channel with nothing per session to log. */
  public ChannelInfo(String stage, String protection, List<String> details) {
    this(stage, protection, details, Optional.empty());
  }
}
