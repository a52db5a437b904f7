package securechat.plain;

import java.io.IOException;
import java.net.Socket;
import java.util.List;
import securechat.core.channel.ChannelInfo;
import securechat.core.channel.ChannelSecurity;
import securechat.core.channel.FramedLineChannel;
import securechat.core.channel.LineChannel;
import securechat.core.protocol.Limits;

/**
 * The plain stage: no handshake and no protection. Each chat line crosses the network as UTF-8
 * bytes ending in {@code \n}, exactly as typed.
 *
 * <p><b>Protects:</b> nothing.
 *
 * <p><b>Does not protect:</b> confidentiality (anyone on the path reads every password, message and
 * file), integrity (anyone on the path can change a line or inject one), or authenticity (the
 * client cannot tell our server from an impostor's).
 *
 * <p><b>What the sniffer sees:</b> everything. Wireshark's "Follow TCP Stream" on a capture shows
 * {@code /login alice ...} with the password, then every message.
 *
 * <pre>{@code
 * ChannelSecurity plain = new PlainSecurity(Limits.DEFAULTS);
 * LineChannel channel = plain.connect(new Socket("127.0.0.1", 7001));
 * channel.send("/login alice correct-horse");
 * }</pre>
 */
public final class PlainSecurity implements ChannelSecurity {
  /** What {@code /info} shows for a plain channel. */
  public static final ChannelInfo INFO =
      new ChannelInfo(
          "plain",
          "none: every byte crosses the network as typed",
          List.of(
              "an eavesdropper reads passwords, messages and files",
              "an active attacker can change or inject any line"));

  private final Limits limits;

  public PlainSecurity(Limits limits) {
    this.limits = limits;
  }

  @Override
  public String stage() {
    return "plain";
  }

  @Override
  public LineChannel accept(Socket socket) throws IOException {
    return new FramedLineChannel(socket, limits.maxLineBytes(), INFO);
  }

  @Override
  public LineChannel connect(Socket socket) throws IOException {
    return new FramedLineChannel(socket, limits.maxServerLineBytes(), INFO);
  }
}
