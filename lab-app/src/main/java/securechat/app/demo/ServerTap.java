package securechat.app.demo;

import java.io.IOException;
import java.net.Socket;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import securechat.core.channel.ChannelInfo;
import securechat.core.channel.ChannelSecurity;
import securechat.core.channel.HandshakeException;
import securechat.core.channel.LineChannel;
import securechat.core.channel.UserDirectory;
import securechat.core.protocol.ProtocolException;

/**
 * The server's own view: wraps a stage's server-side security and keeps every line the server reads
 * once the stage's protection is removed, which is what a curious (or compromised) server could
 * log. The demo searches it for the secrets: only the e2e stage should keep them out.
 */
final class ServerTap implements ChannelSecurity {
  private final ChannelSecurity stage;
  private final Queue<String> read = new ConcurrentLinkedQueue<>();

  ServerTap(ChannelSecurity stage) {
    this.stage = stage;
  }

  /**
   * The chat lines and whispers the server read, at most {@code count}: what users wrote to each
   * other, as the server sees it. In the e2e stage these are envelopes.
   */
  List<String> chatLines(int count) {
    return read.stream()
        .filter(line -> line.startsWith("/whisper ") || !line.startsWith("/"))
        .limit(count)
        .toList();
  }

  /** Whether any line the server read contains any of {@code texts}. */
  boolean serverRead(List<String> texts) {
    return read.stream().anyMatch(line -> texts.stream().anyMatch(line::contains));
  }

  @Override
  public String stage() {
    return stage.stage();
  }

  @Override
  public UserDirectory directory() {
    return stage.directory();
  }

  @Override
  public LineChannel accept(Socket socket) throws IOException, HandshakeException {
    return new Tapped(stage.accept(socket));
  }

  @Override
  public LineChannel connect(Socket socket) throws IOException, HandshakeException {
    return stage.connect(socket);
  }

  /** A server connection whose received lines are kept. */
  private final class Tapped implements LineChannel {
    private final LineChannel channel;

    Tapped(LineChannel channel) {
      this.channel = channel;
    }

    @Override
    public String receive() throws IOException, ProtocolException {
      String line = channel.receive();
      if (line != null) {
        read.add(line);
      }
      return line;
    }

    @Override
    public void send(String line) throws IOException {
      channel.send(line);
    }

    @Override
    public void shutdownOutput() throws IOException {
      channel.shutdownOutput();
    }

    @Override
    public ChannelInfo info() {
      return channel.info();
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }
}
