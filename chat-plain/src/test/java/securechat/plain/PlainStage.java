package securechat.plain;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import securechat.core.channel.ChannelSecurity;
import securechat.core.contract.StageUnderTest;
import securechat.core.protocol.Limits;

/** The plain stage for the behaviour contracts: no handshake, so a connected socket is ready. */
final class PlainStage implements StageUnderTest {

  @Override
  public String name() {
    return "plain";
  }

  @Override
  public ChannelSecurity serverSecurity(Limits limits, Path dataDir) {
    return new PlainSecurity(limits);
  }

  @Override
  public Socket connect(Socket unconnected, InetSocketAddress server) throws IOException {
    unconnected.connect(server, 5_000);
    return unconnected;
  }

  @Override
  public boolean protectsIntegrity() {
    return false;
  }
}
