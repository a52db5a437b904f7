package securechat.app.demo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import securechat.core.channel.ChannelSecurity;
import securechat.core.channel.HandshakeException;
import securechat.core.channel.LineChannel;
import securechat.core.protocol.ProtocolException;

/**
 * A scripted chat user for the demo: sends protocol lines and waits for the replies it expects,
 * reporting every line it sends and reads (as the chat sees them, after the stage's protection) to
 * a transcript.
 */
final class ScriptedPeer implements AutoCloseable {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String CLOSED = "\u0000closed";

  private final String name;
  private final LineChannel channel;
  private final Consumer<String> wire;
  private final BlockingQueue<String> received = new LinkedBlockingQueue<>();

  ScriptedPeer(
      String name, ChannelSecurity security, InetSocketAddress server, Consumer<String> wire)
      throws IOException, HandshakeException {
    this.name = name;
    this.wire = wire;
    Socket socket = new Socket();
    socket.connect(server, 5_000);
    socket.setSoTimeout((int) WAIT.toMillis()); // a handshake that stalls fails, not hangs
    this.channel = security.connect(socket);
    socket.setSoTimeout(0);
    Thread.ofVirtual().name("demo " + name).start(this::receiveAll);
  }

  private void receiveAll() {
    try {
      String line;
      while ((line = channel.receive()) != null) {
        received.add(line);
      }
    } catch (IOException | ProtocolException e) {
      received.add("ERR demo " + e.getMessage());
    }
    received.add(CLOSED);
  }

  void send(String line) throws IOException {
    wire.accept(String.format("%-6s → server  %s", name, line));
    channel.send(line);
  }

  /** Waits for the next line starting with {@code prefix}; fails if the server says otherwise. */
  String expect(String prefix) throws InterruptedException, DemoFailure {
    return await("'" + prefix + "…'", line -> line.startsWith(prefix));
  }

  /** Waits for the next line that contains {@code text}, whatever the stage shows around it. */
  String expectContaining(String text) throws InterruptedException, DemoFailure {
    return await("a line with '" + text + "'", line -> line.contains(text));
  }

  private String await(String wanted, Predicate<String> matches)
      throws InterruptedException, DemoFailure {
    while (true) {
      String line = received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      if (line == null || line.equals(CLOSED)) {
        throw new DemoFailure(
            name
                + " expected "
                + wanted
                + " but "
                + (line == null
                    ? "nothing arrived within " + WAIT.toSeconds() + " s"
                    : "the connection closed"));
      }
      wire.accept(String.format("server → %-6s %s", name, line));
      if (matches.test(line)) {
        return line;
      }
      if (line.startsWith("ERR")) {
        throw new DemoFailure(name + " expected " + wanted + " but got: " + line);
      }
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  /** The scripted conversation did not go as planned. */
  static final class DemoFailure extends Exception {
    private static final long serialVersionUID = 1L;

    DemoFailure(String sentence) {
      super(sentence);
    }
  }
}
