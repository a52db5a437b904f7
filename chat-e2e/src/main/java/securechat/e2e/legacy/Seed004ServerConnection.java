package securechat.e2e.legacy;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import securechat.core.channel.HandshakeException;
import securechat.core.protocol.ProtocolException;
import securechat.core.protocol.Username;
import securechat.e2e.legacy.Seed004Message.ChatMessage;
import securechat.e2e.legacy.Seed004Message.ErrorReply;
import securechat.e2e.legacy.Seed004Message.NonceResponse;
import securechat.e2e.legacy.Seed004Message.NonceVerification;
import securechat.e2e.legacy.Seed004Message.Register;

/**
 * One client of the seed 004 server, from the nonce challenge to the end of the connection.
 *
 * <p>Its reader thread runs {@link #serve}: the handshake and registration, writing its own replies
 * (nothing else writes to an unregistered client), then the chat loop. Once registered, every frame
 * for this client goes through a bounded outbox drained by a writer thread, so that a client that
 * does not read never blocks the others; a full outbox drops it.
 *
 * <p>Bad input ends this connection with one log line and never a stack trace: a frame over the
 * maximum, text that is not JSON, a message out of place, a failed challenge.
 */
final class Seed004ServerConnection {
  /** How long the client has for the nonce challenge; the username may take a person longer. */
  static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);

  /** Frames waiting for a slow client; one more and it is dropped. */
  static final int OUTBOX_FRAMES = 256;

  private final Seed004Server server;
  private final Socket socket;
  private final String peer;
  private final BlockingQueue<String> outbox = new ArrayBlockingQueue<>(OUTBOX_FRAMES);
  private volatile String username;
  private volatile Thread writer;
  private volatile boolean closed;

  Seed004ServerConnection(Seed004Server server, Socket socket, String peer) {
    this.server = server;
    this.socket = socket;
    this.peer = peer;
  }

  String peer() {
    return peer;
  }

  /** For the log: the name and address once registered, the address before. */
  private String who() {
    return username == null ? peer : username + " (" + peer + ")";
  }

  /** The registered name, once registration succeeded. */
  Optional<String> username() {
    return Optional.ofNullable(username);
  }

  /** The reader thread's body: never throws, always cleans up. */
  void serve() {
    try {
      InputStream in = new BufferedInputStream(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      handshake(in, out);
      if (registered(in, out)) {
        chat(in);
      }
    } catch (HandshakeException | Seed004FormatException e) {
      dropQuietly("dropped " + who() + ": " + e.getMessage());
    } catch (IOException e) {
      dropQuietly("dropped " + who() + ": " + reasonOf(e));
    } catch (RuntimeException bug) {
      server.log("BUG serving " + who() + ", connection closed: " + bug);
    } finally {
      close();
      server.leave(this);
    }
  }

  /** The nonce challenge, under a timeout. */
  private void handshake(InputStream in, OutputStream out)
      throws IOException, HandshakeException, Seed004FormatException {
    socket.setSoTimeout((int) HANDSHAKE_TIMEOUT.toMillis());
    Seed004ServerHandshake handshake =
        new Seed004ServerHandshake(server.serverKey(), server.insecureRandom());
    Seed004Framer.writeFrame(out, Seed004Codec.encode(handshake.challenge()));
    NonceResponse response = expect(NonceResponse.class, readMessage(in));
    try {
      Seed004Framer.writeFrame(out, Seed004Codec.encode(handshake.answer(response)));
    } catch (HandshakeException e) {
      Seed004Framer.writeFrame(out, Seed004Codec.encode(new NonceVerification(false, new byte[0])));
      throw e;
    }
    socket.setSoTimeout(0);
  }

  /**
   * Reads {@code register}, checks the name and the key text, joins the directory and starts the
   * writer. The key need not be the one used in the handshake: nothing in the seed ties them.
   *
   * @return false if the name was refused (the client was told why)
   */
  private boolean registered(InputStream in, OutputStream out)
      throws IOException, Seed004FormatException {
    Register register = expect(Register.class, readMessage(in));
    LegacyRsaPublicKey.parseKeyText(register.publicKey());
    Username name;
    try {
      name = Username.parse(register.username());
    } catch (ProtocolException e) {
      refuse(out, e.sentence());
      return false;
    }
    Optional<String> refused = server.register(this, name, register.publicKey());
    if (refused.isPresent()) {
      refuse(out, refused.get());
      return false;
    }
    username = name.value();
    // The first user_list is already in the outbox: from here on only the writer writes.
    writer = server.startThread("seed004 writer " + name, () -> drainOutbox(out));
    return true;
  }

  private void refuse(OutputStream out, String reason) throws IOException {
    Seed004Framer.writeFrame(out, Seed004Codec.encode(new ErrorReply(reason)));
    server.log("refused " + peer + ": " + reason);
  }

  private void chat(InputStream in) throws IOException, Seed004FormatException {
    for (Seed004Message message = readMessage(in); message != null; message = readMessage(in)) {
      server.forward(this, username, expect(ChatMessage.class, message));
    }
  }

  private Seed004Message readMessage(InputStream in) throws IOException, Seed004FormatException {
    String frame = Seed004Framer.readFrame(in);
    return frame == null ? null : Seed004Codec.decode(frame);
  }

  private static <T extends Seed004Message> T expect(Class<T> kind, Seed004Message message)
      throws Seed004FormatException {
    if (message == null) {
      throw new Seed004FormatException("the client left before it had registered");
    }
    return Seed004Codec.expect(kind, message);
  }

  /**
   * Queues a frame for the writer; a full outbox means the client stopped reading: it is dropped.
   * Never blocks, so it may be called with the directory lock held.
   */
  void offer(String json) {
    if (!closed && !outbox.offer(json)) {
      dropQuietly("dropped " + who() + ": " + OUTBOX_FRAMES + " frames wait unread");
      close();
    }
  }

  private void drainOutbox(OutputStream out) {
    try {
      while (!closed) {
        Seed004Framer.writeFrame(out, outbox.take());
      }
    } catch (InterruptedException e) {
      // close() interrupts a writer waiting for a frame: nothing more will come.
    } catch (IOException e) {
      dropQuietly("dropped " + who() + ": " + reasonOf(e));
      close();
    }
  }

  /** Closes the socket and stops the writer; safe to call more than once, from any thread. */
  void close() {
    closed = true;
    Seed004Server.closeQuietly(socket);
    Thread current = writer;
    if (current != null) {
      current.interrupt();
    }
  }

  /** Logs why the connection ends, unless the server closed it on purpose. */
  private void dropQuietly(String line) {
    if (!closed) {
      server.log(line);
    }
  }

  private static String reasonOf(IOException e) {
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }
}
