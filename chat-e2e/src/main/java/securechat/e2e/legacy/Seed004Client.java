package securechat.e2e.legacy;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import securechat.core.channel.HandshakeException;
import securechat.core.protocol.ProtocolException;
import securechat.core.protocol.Username;
import securechat.core.terminal.ConsoleView;
import securechat.e2e.legacy.Seed004Message.ChatMessage;
import securechat.e2e.legacy.Seed004Message.NonceChallenge;
import securechat.e2e.legacy.Seed004Message.NonceVerification;
import securechat.e2e.legacy.Seed004Message.Register;

/**
 * Seed 004's client on a connected socket: the nonce challenge, the username, then typed lines
 * {@code recipient:message} sent as packages while a reader thread ({@link Seed004ClientReader})
 * prints what arrives. {@code quit} or the end of input leaves.
 */
final class Seed004Client {
  /** The longest text one message may carry, in UTF-8 bytes; its frame stays far below 1 MiB. */
  static final int MAX_MESSAGE_BYTES = 64 * 1024;

  static final String USAGE = "type recipient:message, or quit";

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final ConsoleView console;
  private final LegacyRsaKeyPair clientKey;
  private final Random insecureRandom;

  /** How long the first typed line waits for the server's first user list. */
  private static final Duration FIRST_LIST_WAIT = Duration.ofSeconds(5);

  private final LegacyRsaDesCipher cipher;

  Seed004Client(
      Socket socket, ConsoleView console, LegacyRsaKeyPair clientKey, Random insecureRandom)
      throws IOException {
    this.socket = Objects.requireNonNull(socket, "socket");
    this.in = new BufferedInputStream(socket.getInputStream());
    this.out = socket.getOutputStream();
    this.console = Objects.requireNonNull(console, "console");
    this.clientKey = Objects.requireNonNull(clientKey, "clientKey");
    this.insecureRandom = Objects.requireNonNull(insecureRandom, "insecureRandom");
    this.cipher = new LegacyRsaDesCipher(insecureRandom);
  }

  /** Runs the whole session; closes the socket before returning. */
  void run() throws IOException {
    try (socket) {
      LegacyRsaPublicKey serverKey = handshake();
      String name = askUsername();
      if (name == null) {
        return;
      }
      send(new Register(name, clientKey.publicKey().toKeyText()));
      Seed004ClientReader reader = new Seed004ClientReader(in, console, clientKey, serverKey);
      Thread thread = Thread.ofVirtual().name("seed004 reader " + name).start(reader::run);
      sendTypedLines(reader, thread);
      reader.stop();
      socket.close();
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The nonce challenge; returns the key the server sent (unpinned, as in the seed). */
  private LegacyRsaPublicKey handshake() throws IOException {
    Seed004ClientHandshake handshake = new Seed004ClientHandshake(clientKey, insecureRandom);
    try {
      socket.setSoTimeout((int) Seed004ServerConnection.HANDSHAKE_TIMEOUT.toMillis());
      NonceChallenge challenge = Seed004Codec.expect(NonceChallenge.class, readMessage());
      send(handshake.respond(challenge));
      handshake.checkVerification(Seed004Codec.expect(NonceVerification.class, readMessage()));
      socket.setSoTimeout(0);
      return handshake.serverKey();
    } catch (HandshakeException | Seed004FormatException e) {
      throw new IOException("the seed 004 nonce challenge failed: " + e.getMessage(), e);
    }
  }

  /** The first line typed; asks again while it is not a valid name. Null at the end of input. */
  private String askUsername() throws IOException {
    while (true) {
      String typed = console.readLine("username: ");
      if (typed == null) {
        return null;
      }
      try {
        return Username.parse(typed.strip()).value();
      } catch (ProtocolException e) {
        console.print("error: " + e.sentence());
      }
    }
  }

  private void sendTypedLines(Seed004ClientReader reader, Thread readerThread)
      throws IOException, InterruptedException {
    // The server sends the user list right after register; a line typed (or piped) before it
    // arrives would be checked against nobody.
    reader.awaitFirstList(FIRST_LIST_WAIT);
    String prompt = console.isInteractive() ? "> " : "";
    while (readerThread.isAlive()) {
      String typed = console.readLine(prompt);
      if (typed == null || typed.strip().equals("quit")) {
        return;
      }
      if (!typed.isBlank() && !sendTyped(typed, reader.directory())) {
        return;
      }
    }
  }

  /**
   * Sends one typed {@code recipient:message} line, or prints one line saying why not.
   *
   * @return false if the connection is broken
   */
  private boolean sendTyped(String typed, Map<String, LegacyRsaPublicKey> directory) {
    int colon = typed.indexOf(':');
    if (colon < 0) {
      console.print("error: " + USAGE);
      return true;
    }
    String recipient = typed.substring(0, colon).strip();
    String text = typed.substring(colon + 1).strip();
    Optional<String> problem = problemWith(recipient, text, directory);
    if (problem.isPresent()) {
      console.print("error: " + problem.get());
      return true;
    }
    String sealed = cipher.seal(text, clientKey, directory.get(recipient));
    try {
      send(new ChatMessage(recipient, sealed, Optional.empty()));
      return true;
    } catch (IOException e) {
      console.print("not sent: the connection is broken (" + e.getMessage() + ")");
      return false;
    }
  }

  private static Optional<String> problemWith(
      String recipient, String text, Map<String, LegacyRsaPublicKey> directory) {
    if (recipient.isEmpty() || text.isEmpty()) {
      return Optional.of(USAGE);
    }
    if (!directory.containsKey(recipient)) {
      return Optional.of(
          "no user named "
              + ProtocolException.quote(recipient)
              + " is in the list; the users are "
              + String.join(", ", new TreeMap<>(directory).keySet()));
    }
    int bytes = text.getBytes(UTF_8).length;
    if (bytes > MAX_MESSAGE_BYTES) {
      return Optional.of("the message is " + bytes + " bytes; the maximum is " + MAX_MESSAGE_BYTES);
    }
    return Optional.empty();
  }

  private void send(Seed004Message message) throws IOException {
    Seed004Framer.writeFrame(out, Seed004Codec.encode(message));
  }

  private Seed004Message readMessage() throws IOException, Seed004FormatException {
    String frame = Seed004Framer.readFrame(in);
    if (frame == null) {
      throw new Seed004FormatException("the server closed the connection");
    }
    return Seed004Codec.decode(frame);
  }
}
