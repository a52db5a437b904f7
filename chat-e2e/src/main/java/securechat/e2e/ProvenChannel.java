package securechat.e2e;

import java.io.IOException;
import securechat.core.channel.ChannelInfo;
import securechat.core.channel.LineChannel;
import securechat.core.protocol.ProtocolException;

/**
 * The server's end of an e2e connection after the handshake: the transport's channel, unchanged,
 * described with the identity the client proved. The server routes envelopes through it unopened.
 */
final class ProvenChannel implements LineChannel {
  private final LineChannel transport;
  private final ChannelInfo info;

  ProvenChannel(LineChannel transport, ChannelInfo info) {
    this.transport = transport;
    this.info = info;
  }

  @Override
  public void send(String line) throws IOException {
    transport.send(line);
  }

  @Override
  public String receive() throws IOException, ProtocolException {
    return transport.receive();
  }

  @Override
  public void shutdownOutput() throws IOException {
    transport.shutdownOutput();
  }

  @Override
  public ChannelInfo info() {
    return info;
  }

  @Override
  public void close() throws IOException {
    transport.close();
  }
}
