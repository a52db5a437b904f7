package securechat.e2e;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import securechat.core.channel.ChannelInfo;
import securechat.core.channel.LineChannel;

/**
 * A transport played by the test: lines queued with {@link #arrive} are what the "server" sends,
 * and every line the layer above sends is kept in {@link #sent()}. No sockets, no threads.
 */
final class ScriptedTransport implements LineChannel {
  private final BlockingQueue<String> incoming = new LinkedBlockingQueue<>();
  private final List<String> sent = new ArrayList<>();

  void arrive(String... lines) {
    incoming.addAll(List.of(lines));
  }

  synchronized List<String> sent() {
    return List.copyOf(sent);
  }

  @Override
  public synchronized void send(String line) {
    sent.add(line);
  }

  @Override
  public String receive() throws IOException {
    try {
      String line = incoming.poll(5, TimeUnit.SECONDS);
      if (line == null) {
        throw new IOException("the test queued nothing more to receive");
      }
      return line;
    } catch (InterruptedException e) {
      throw new IOException(e);
    }
  }

  /** Every queued line has "arrived": the layer above may handle them as one batch. */
  @Override
  public boolean hasBufferedLine() {
    return !incoming.isEmpty();
  }

  @Override
  public void shutdownOutput() {}

  @Override
  public ChannelInfo info() {
    return new ChannelInfo("plain", "scripted", List.of());
  }

  @Override
  public void close() {}
}
