package securechat.core.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;
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
 * A scripted chat user, for programs that play a conversation without a person (the demo, the
 * attacks): sends protocol lines and waits for the replies it expects, reporting every line it
 * sends and reads (as the chat sees them, after the stage's protection) to a transcript.
 *
 * <pre>{@code
 * try (ScriptedPeer alice = new ScriptedPeer("alice", security, server, transcript::add)) {
 *   alice.send("/register alice " + password);
 *   alice.expect("OK");
 * }
 * }</pre>
 */
public final class ScriptedPeer implements AutoCloseable {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String CLOSED = "\u0000closed";

  private final String name;
  private final LineChannel channel;
  private final Consumer<String> wire;
  private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
  private volatile boolean closed;

  /** Connects to {@code server} and runs the stage's handshake; a stalled handshake fails. */
  public ScriptedPeer(
      String name, ChannelSecurity security, InetSocketAddress server, Consumer<String> wire)
      throws IOException, HandshakeException {
    this.name = name;
    this.wire = wire;
    Socket socket = new Socket();
    try {
      socket.connect(server, 5_000);
      socket.setSoTimeout((int) WAIT.toMillis()); // a handshake that stalls fails, not hangs
      this.channel = security.connect(socket);
      socket.setSoTimeout(0);
    } catch (IOException | HandshakeException | RuntimeException e) {
      socket.close(); // a refused handshake must not leave the socket open
      throw e;
    }
    Thread.ofVirtual().name("scripted " + name).start(this::receiveAll);
  }

  private void receiveAll() {
    try {
      String line;
      while ((line = channel.receive()) != null) {
        received.add(line);
      }
    } catch (IOException | ProtocolException e) {
      received.add("ERR script " + e.getMessage());
    }
    received.add(CLOSED);
  }

  /** Sends one protocol line, as typed. */
  public void send(String line) throws IOException {
    wire.accept(String.format("%-6s → server  %s", name, line));
    channel.send(line);
  }

  /** Waits for the next line starting with {@code prefix}; fails if the server says otherwise. */
  public String expect(String prefix) throws InterruptedException, ScriptFailure {
    return await("'" + prefix + "…'", line -> line.startsWith(prefix));
  }

  /** Waits for the next line that contains {@code text}, whatever the stage shows around it. */
  public String expectContaining(String text) throws InterruptedException, ScriptFailure {
    return await("a line with '" + text + "'", line -> line.contains(text));
  }

  /**
   * Waits up to {@code timeout} for a line that {@code matches}, skipping the others (an {@code
   * ERR} line included); empty if none came or the connection closed first.
   */
  public Optional<String> find(Predicate<String> matches, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!closed) {
      long left = deadline - System.nanoTime();
      String line = left > 0 ? received.poll(left, TimeUnit.NANOSECONDS) : null;
      if (line == null) {
        return Optional.empty();
      }
      if (line.equals(CLOSED)) {
        closed = true;
        return Optional.empty();
      }
      wire.accept(String.format("server → %-6s %s", name, line));
      if (matches.test(line)) {
        return Optional.of(line);
      }
    }
    return Optional.empty();
  }

  /** True once the connection has closed and every line before the close has been read. */
  public boolean isClosed() {
    return closed;
  }

  private String await(String wanted, Predicate<String> matches)
      throws InterruptedException, ScriptFailure {
    while (true) {
      String line = received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      if (line == null || line.equals(CLOSED)) {
        closed = closed || line != null;
        throw new ScriptFailure(
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
        throw new ScriptFailure(name + " expected " + wanted + " but got: " + line);
      }
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  /** The scripted conversation did not go as planned. */
  public static final class ScriptFailure extends Exception {
    private static final long serialVersionUID = 1L;

    ScriptFailure(String sentence) {
      super(sentence);
    }
  }
}
