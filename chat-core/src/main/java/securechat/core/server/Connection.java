package securechat.core.server;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import securechat.core.channel.HandshakeException;
import securechat.core.channel.LineChannel;
import securechat.core.protocol.ClientMessage;
import securechat.core.protocol.ErrorCode;
import securechat.core.protocol.ProtocolException;
import securechat.core.protocol.ServerMessage;

/**
 * One client connection on the server: a reader thread (handshake, then receive → decode → handle)
 * and a writer thread (drain the {@link BoundedOutbox} → send). Both are virtual threads named
 * after the peer, so a thread dump reads like the architecture.
 *
 * <p>Whatever happens here (a silent peer, garbage, a reset, a bug in a handler) ends this
 * connection at most; the server and every other client carry on.
 */
final class Connection {
  /** Time a closing connection gets to flush its last lines before the socket is closed. */
  static final Duration CLOSE_GRACE = Duration.ofSeconds(1);

  /** The close reason when the writer could not send: the socket broke under it. */
  private static final String CONNECTION_LOST = "connection lost";

  private final ChatServer server;
  private final Socket socket;
  private final String peer;
  private final boolean serverFull;
  private final BoundedOutbox outbox;
  private final Session session;
  private volatile LineChannel channel;
  private volatile Thread reader;
  private volatile Thread writer;

  /** Why the connection ended, when the reader knows; else the outbox's close reason is used. */
  private volatile String endReason;

  Connection(ChatServer server, Socket socket, int id, boolean serverFull) {
    this.server = server;
    this.socket = socket;
    this.peer = socket.getInetAddress().getHostAddress() + ":" + socket.getPort();
    this.serverFull = serverFull;
    this.outbox = new BoundedOutbox(server.limits().outboxCapacity(), this::closeAfterGrace);
    this.session = new Session(id, peer, outbox, server.limits());
  }

  Session session() {
    return session;
  }

  void start() {
    reader = Thread.ofVirtual().name("reader " + peer).start(this::readLoop);
  }

  private void readLoop() {
    ScheduledFuture<?> loginDeadline =
        server.schedule(this::checkLoggedIn, server.limits().loginTimeout());
    try {
      handshake();
      greet();
      receiveUntilClosed();
    } catch (HandshakeException e) {
      server.log().info(peer + " handshake failed: " + e.getMessage());
    } catch (SocketTimeoutException e) {
      endReason = timeoutReason();
      session.close(endReason);
    } catch (IOException e) {
      // Log why the read failed unless the connection was being closed on purpose. The writer
      // failing at the same moment is no purpose: a record the server's TLS refused breaks the
      // socket under both threads, and only the reader knows why (bad_record_mac).
      if (outbox.closeReason().filter(reason -> !reason.equals(CONNECTION_LOST)).isEmpty()) {
        server.log().info(peer + " connection lost: " + e.getMessage());
      }
    } catch (RuntimeException e) {
      server.log().bug("connection " + session.describe(), e);
      session.send(ServerMessage.ErrorReply.of(ErrorCode.SERVER_ERROR, "internal server error"));
      endReason = "server error";
    } finally {
      loginDeadline.cancel(false);
      finish();
    }
  }

  private void handshake() throws IOException, HandshakeException {
    socket.setSoTimeout(millis(server.limits().handshakeTimeout()));
    channel = server.security().accept(socket);
    channel.info().session().ifPresent(session -> server.log().info(peer + " " + session));
    session.handshakeProved(channel.info().peer());
    socket.setSoTimeout(millis(server.limits().loginTimeout()));
    writer = Thread.ofVirtual().name("writer " + peer).start(this::writeLoop);
  }

  private void greet() {
    if (serverFull) {
      session.send(
          ServerMessage.ErrorReply.of(
              ErrorCode.SERVER_FULL,
              "the server is full (" + server.limits().maxClients() + " clients); try later"));
      endReason = "server full";
      session.close(endReason);
      return;
    }
    session.send(new ServerMessage.Welcome(server.security().stage(), server.welcomeText()));
  }

  private void receiveUntilClosed() throws IOException {
    while (outbox.closeReason().isEmpty()) {
      String line;
      try {
        line = channel.receive();
      } catch (ProtocolException badLine) {
        session.send(ServerMessage.ErrorReply.of(badLine));
        continue;
      }
      if (line == null) {
        return;
      }
      if (!line.isBlank()) {
        handleLine(line);
      }
    }
  }

  private void handleLine(String rawLine) throws IOException {
    try {
      ClientMessage message = server.codec().decodeCommand(rawLine);
      if (message instanceof ClientMessage.Login) {
        server.pause(session.loginDelay());
      }
      boolean wasLoggedIn = session.user().isPresent();
      server.handler().handle(session, message);
      if (!wasLoggedIn && session.user().isPresent()) {
        socket.setSoTimeout(millis(server.limits().idleTimeout()));
        server.log().info(peer + " logged in as " + session.user().get());
      }
      if (message instanceof ClientMessage.Quit) {
        endReason = "quit";
      }
    } catch (ProtocolException problem) {
      session.send(ServerMessage.ErrorReply.of(problem));
    }
  }

  private void writeLoop() {
    try {
      List<ServerMessage> waiting;
      while (!(waiting = outbox.takeAll()).isEmpty()) {
        List<String> lines = new ArrayList<>(waiting.size());
        for (ServerMessage message : waiting) {
          lines.add(server.codec().encode(message));
        }
        channel.sendAll(lines);
      }
      channel.shutdownOutput();
    } catch (IOException | UnsupportedOperationException e) {
      outbox.close(CONNECTION_LOST);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Which timeout a silent peer just ran into. */
  private String timeoutReason() {
    if (channel == null) {
      server.log().info(peer + " handshake timeout");
      return "handshake timeout";
    }
    return session.user().isPresent() ? "idle timeout" : "login timeout";
  }

  private void checkLoggedIn() {
    if (session.user().isEmpty()) {
      session.close(
          "login timeout: log in within "
              + server.limits().loginTimeout().toSeconds()
              + " seconds of connecting");
      if (channel == null) {
        forceClose();
      }
    }
  }

  /** Asks the connection to end: {@code BYE reason}, then close. */
  void disconnect(String reason) {
    if (channel == null) {
      forceClose();
    } else {
      session.close(reason);
    }
  }

  private void closeAfterGrace() {
    server.schedule(this::forceClose, CLOSE_GRACE);
  }

  /** Closes the socket now; blocked reads and writes end at once. */
  void forceClose() {
    try {
      socket.close();
    } catch (IOException e) {
      server.log().info(peer + " close failed: " + e.getMessage());
    }
  }

  private void finish() {
    String reason = endReason != null ? endReason : outbox.closeReason().orElse("disconnected");
    server.handler().disconnected(session, reason);
    outbox.close(reason);
    awaitWriter(); // it flushes the last lines (BYE) within the grace time
    forceClose();
    awaitWriter(); // a writer blocked on a full socket ends once the socket is closed
    server.log().info(peer + " closed (" + reason + ")");
    server.forget(this);
  }

  private void awaitWriter() {
    Thread writerThread = writer;
    if (writerThread != null) {
      try {
        writerThread.join(CLOSE_GRACE);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The threads of this connection that are still alive. */
  Optional<Thread> aliveThread() {
    for (Thread thread : new Thread[] {reader, writer}) {
      if (thread != null && thread.isAlive()) {
        return Optional.of(thread);
      }
    }
    return Optional.empty();
  }

  private static int millis(Duration duration) {
    return (int) Math.min(Integer.MAX_VALUE, Math.max(1, duration.toMillis()));
  }
}
