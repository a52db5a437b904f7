package securechat.core.channel;

import java.util.List;
import java.util.Objects;

/**
 * What protects a channel, in words a student can read: the stage, a one-line summary and any
 * details the handshake negotiated (protocol version, cipher suite, key fingerprints).
 *
 * @param stage the stage name, e.g. {@code plain}
 * @param protection one line, e.g. "none: every byte crosses the network as typed"
 * @param details further facts, one per line; empty for the plain stage
 */
public record ChannelInfo(String stage, String protection, List<String> details) {
  public ChannelInfo {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(protection, "protection");
    details = List.copyOf(details);
  }
}
