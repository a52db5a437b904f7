package securechat.bench.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import securechat.core.channel.ChannelSecurity;
import securechat.core.channel.HandshakeException;
import securechat.core.channel.LineChannel;
import securechat.core.protocol.ProtocolException;

/**
 * One simulated user: a connection through the stage's real client security, a reader thread that
 * hands every load message it receives to the {@link DeliveryTracker}, and a sender thread that
 * sends what the {@link Pacer} queues for it. Both are virtual threads, so ten thousand clients
 * cost ten thousand small stacks, not ten thousand platform threads.
 *
 * <p>Like {@code lab client}, it leaves Nagle's algorithm on: the load is what real clients send.
 */
final class LoadClient implements AutoCloseable {
  private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
  private static final int HANDSHAKE_TIMEOUT_MILLIS = 10_000;
  private static final Send STOP = new Send(0, Optional.empty());
  private static final Send QUIT = new Send(0, Optional.empty());

  private final int index;
  private final String name;
  private final LineChannel channel;
  private final DeliveryTracker tracker;
  private final int minimumChars;
  private final CountDownLatch welcomed = new CountDownLatch(1);
  private final CompletableFuture<String> login = new CompletableFuture<>();
  private final CountDownLatch ended = new CountDownLatch(1);
  private final AtomicLong answers = new AtomicLong();
  private final BlockingQueue<Send> queue = new LinkedBlockingQueue<>();
  private volatile boolean closing;

  /** Written by the sender thread only; read by others once it has stopped. */
  private volatile long nextSequence;

  /** A message the pacer wants sent: when it was due, and to whom (empty: to everyone). */
  record Send(long intendedNanos, Optional<String> whisperTo) {}

  private LoadClient(
      int index,
      String name,
      LineChannel channel,
      DeliveryTracker tracker,
      int minimumChars,
      long firstSequence) {
    this.index = index;
    this.name = name;
    this.channel = channel;
    this.tracker = tracker;
    this.minimumChars = minimumChars;
    this.nextSequence = firstSequence;
  }

  /**
   * Connects, runs the stage's handshake (at most 10 s) and starts the reader thread; the socket is
   * closed again if anything fails.
   *
   * @param firstSequence the sequence number of this user's next message: 0 for a new user, where
   *     the last session stopped for one that comes back ({@link #nextSequence()})
   */
  static LoadClient connect(
      int index,
      String name,
      ChannelSecurity security,
      InetSocketAddress server,
      DeliveryTracker tracker,
      int minimumChars,
      long firstSequence)
      throws IOException, HandshakeException {
    LineChannel channel = handshake(security, server, 0);
    LoadClient client = new LoadClient(index, name, channel, tracker, minimumChars, firstSequence);
    Thread.ofVirtual().name("load reader " + name).start(client::readAll);
    return client;
  }

  /**
   * A connected socket with the stage's handshake done: also what the connect pattern times.
   *
   * @param receiveBufferBytes the socket's receive buffer, to make a client that never reads fill
   *     up sooner; 0 for the system's default
   */
  static LineChannel handshake(
      ChannelSecurity security, InetSocketAddress server, int receiveBufferBytes)
      throws IOException, HandshakeException {
    Socket socket = new Socket();
    try {
      if (receiveBufferBytes > 0) {
        socket.setReceiveBufferSize(receiveBufferBytes);
      }
      socket.connect(server, CONNECT_TIMEOUT_MILLIS);
      socket.setSoTimeout(HANDSHAKE_TIMEOUT_MILLIS);
      LineChannel channel = security.connect(socket);
      socket.setSoTimeout(0);
      return channel;
    } catch (IOException | HandshakeException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  /**
   * Waits for {@code WELCOME}, sends {@code /login} (or {@code /register}) and waits for the
   * answer.
   *
   * @throws LoginException with the server's words if it refused, or if nothing came in time
   */
  void logIn(String password, boolean register, Duration timeout)
      throws IOException, InterruptedException, LoginException {
    if (!welcomed.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new LoginException("no WELCOME within " + timeout.toSeconds() + " s");
    }
    channel.send((register ? "/register " : "/login ") + name + " " + password);
    try {
      login.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new LoginException(e.getCause().getMessage());
    } catch (TimeoutException e) {
      throw new LoginException("no answer to the login within " + timeout.toSeconds() + " s");
    }
    Thread.ofVirtual().name("load sender " + name).start(this::sendAll);
  }

  /** Queues a message; the sender thread sends it as soon as it can. Never blocks the pacer. */
  void queue(Send send) {
    queue.add(send);
  }

  private void sendAll() {
    try {
      Send send;
      while ((send = queue.take()) != STOP) {
        if (send == QUIT) {
          closing = true;
          channel.send("/quit");
          return;
        }
        LoadMessage message = new LoadMessage(index, nextSequence++, send.intendedNanos());
        channel.send(line(message, send.whisperTo()));
        tracker.sent(send.whisperTo().isPresent() ? 1 : tracker.clients() - 1);
      }
    } catch (IOException e) {
      if (!closing) {
        tracker.error("send failed: " + Errors.kind(e));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private String line(LoadMessage message, Optional<String> whisperTo) {
    String text = message.text(minimumChars);
    return whisperTo.map(to -> "/whisper " + to + " " + text).orElse(text);
  }

  private void readAll() {
    try {
      String line;
      while ((line = channel.receive()) != null) {
        handle(line, System.nanoTime());
      }
      if (!closing) {
        tracker.error("connection closed by the server");
      }
    } catch (IOException e) {
      if (!closing) {
        tracker.error("connection lost: " + Errors.kind(e));
      }
    } catch (ProtocolException e) {
      tracker.error("bad line from the server: " + e.code().wireCode());
    } finally {
      welcomed.countDown();
      login.completeExceptionally(new IOException("the connection ended before the login"));
      ended.countDown();
    }
  }

  /** One line from the server, parsed just enough to find the load messages quickly. */
  private void handle(String line, long nowNanos) {
    if (line.startsWith("MSG ")) {
      int space = line.indexOf(' ', 4);
      boolean fromMe = space - 4 == name.length() && line.startsWith(name, 4);
      if (space > 0 && !fromMe) {
        LoadMessage.parse(line.substring(space + 1))
            .ifPresent(m -> tracker.received(index, m, nowNanos));
      }
    } else if (line.startsWith("WHISPER ")) {
      String[] fields = line.split(" ", 4);
      if (fields.length == 4 && fields[2].equals(name) && !fields[1].equals(name)) {
        LoadMessage.parse(fields[3]).ifPresent(m -> tracker.received(index, m, nowNanos));
      } else if (fields.length == 4 && fields[1].equals(name)) {
        answers.incrementAndGet(); // the server's copy of a whisper of ours
      }
    } else if (line.startsWith("JOIN ")) {
      tracker.joined();
    } else if (line.startsWith("WELCOME ")) {
      welcomed.countDown();
    } else if (line.startsWith("OK ") && !login.isDone()) {
      login.complete(line);
    } else if (line.startsWith("ERR ")) {
      serverError(line);
    } else if (line.startsWith("BYE ") && !closing) {
      tracker.error("BYE " + Errors.firstWords(line.substring(4)));
    }
  }

  private void serverError(String line) {
    if (!login.isDone()) {
      login.completeExceptionally(new IOException(line));
    } else {
      answers.incrementAndGet();
      tracker.error("ERR " + line.substring(4).split(" ", 2)[0]); // the code: no-such-user
    }
  }

  int index() {
    return index;
  }

  /** The sequence number the next message would carry; read it after {@link #quit}. */
  long nextSequence() {
    return nextSequence;
  }

  /**
   * Leaves politely: sends what is queued, then {@code /quit}, and waits up to {@code timeout} for
   * the server to say {@code BYE} and close. Every message sent before has then been handled by the
   * server, so its deliveries are under way. True if the server closed in time.
   */
  boolean quit(Duration timeout) throws IOException, InterruptedException {
    queue.add(QUIT);
    boolean closed = ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    close();
    return closed;
  }

  /**
   * Whispers of ours the server has answered so far, with its copy or with an {@code ERR}: a sender
   * that waits for these never runs ahead of its own reading.
   */
  long answers() {
    return answers.get();
  }

  /** Messages queued and not sent yet. */
  int backlog() {
    return queue.size();
  }

  /** Stops the sender and closes the connection; what arrives from now on is not counted. */
  @Override
  public void close() throws IOException {
    closing = true;
    queue.add(STOP);
    channel.close();
  }

  /** The server refused a login, or did not answer. */
  static final class LoginException extends Exception {
    private static final long serialVersionUID = 1L;

    LoginException(String sentence) {
      super(sentence);
    }
  }
}
