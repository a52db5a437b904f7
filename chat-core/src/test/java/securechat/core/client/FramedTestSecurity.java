package securechat.core.client;

import java.io.IOException;
import java.net.Socket;
import java.util.List;
import securechat.core.channel.ChannelInfo;
import securechat.core.channel.ChannelSecurity;
import securechat.core.channel.FramedLineChannel;
import securechat.core.channel.LineChannel;
import securechat.core.protocol.Limits;

/** A test-only plain stage: lines framed on the socket, no handshake, no protection. */
public final class FramedTestSecurity implements ChannelSecurity {
  public static final ChannelInfo INFO =
      new ChannelInfo("test", "none: a test channel", List.of("framed lines, nothing more"));

  private final Limits limits;

  public FramedTestSecurity(Limits limits) {
    this.limits = limits;
  }

  @Override
  public String stage() {
    return "test";
  }

  @Override
  public LineChannel accept(Socket socket) throws IOException {
    return new FramedLineChannel(socket, limits.maxLineBytes(), INFO);
  }

  /** The client allows the server's headroom: the server adds a keyword and a name to lines. */
  @Override
  public LineChannel connect(Socket socket) throws IOException {
    return new FramedLineChannel(socket, limits.maxServerLineBytes(), INFO);
  }
}
