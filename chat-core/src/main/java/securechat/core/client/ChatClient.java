package securechat.core.client;

import static securechat.core.terminal.TerminalText.sanitize;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import securechat.core.channel.ChannelInfo;
import securechat.core.channel.ChannelSecurity;
import securechat.core.channel.HandshakeException;
import securechat.core.channel.LineChannel;
import securechat.core.protocol.ClientMessage;
import securechat.core.protocol.MessageCodec;
import securechat.core.protocol.ProtocolException;
import securechat.core.terminal.ConsoleView;

/**
 * The chat client: one connection to a server, the same in every stage; only the {@link
 * ChannelSecurity} passed to {@link #connect} changes.
 *
 * <p>One virtual thread, named {@code client reader HOST:PORT}, receives the server's lines and
 * prints them on the {@link ConsoleView} (see {@link ServerReader}); whoever owns the client feeds
 * it typed lines with {@link #type}. Typed lines go to the server exactly as typed (so raw protocol
 * works, as with {@code nc}), except these local commands, which never leave the machine:
 *
 * <pre>
 *   /sendfile NAME|* PATH   read a local UTF-8 text file and send it as /file
 *   /info                   show what protects this connection, and the peer's address
 *   /help                   ask the server for its commands, and list these
 *   /quit                   send /quit, wait up to 3 s for BYE, close
 * </pre>
 *
 * <p>Used without a terminal by tests and the demo:
 *
 * <pre>{@code
 * try (ChatClient client = ChatClient.connect(security, settings, console)) {
 *   client.awaitReady(Duration.ofSeconds(5));   // WELCOME arrived, login answered
 *   client.type("hello everyone");
 *   client.quit();
 * }
 * }</pre>
 */
public final class ChatClient implements Closeable {
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);
  static final Duration QUIT_TIMEOUT = Duration.ofSeconds(3);

  private static final List<String> LOCAL_HELP =
      List.of(
          "local commands (handled by this client, never sent):",
          "  /sendfile NAME|* PATH   send a local UTF-8 text file to NAME, or * for everyone",
          "  /info                   show what protects this connection",
          "  /quit                   log out and close the connection");

  private final LineChannel channel;
  private final ClientSettings settings;
  private final ConsoleView console;
  private final String peer;
  private final MessageCodec codec;
  private final ServerReader reader;
  private volatile boolean closedByUs;

  private ChatClient(
      LineChannel channel, ClientSettings settings, ConsoleView console, String peer) {
    this.channel = channel;
    this.settings = settings;
    this.console = console;
    this.peer = peer;
    this.codec = new MessageCodec(settings.limits());
    this.reader = new ServerReader(channel, settings, console);
  }

  /**
   * Connects to the server in {@code settings}, runs the stage's handshake and starts the reader
   * thread. The socket is closed again if anything fails.
   *
   * @throws java.net.ConnectException if nothing listens on that port (connection refused)
   * @throws java.net.UnknownHostException if the host name does not resolve
   * @throws SocketTimeoutException if the server did not accept within 5 seconds
   * @throws HandshakeException if the handshake failed or took longer than 10 seconds
   */
  public static ChatClient connect(
      ChannelSecurity security, ClientSettings settings, ConsoleView console)
      throws IOException, HandshakeException {
    Objects.requireNonNull(security, "security");
    Objects.requireNonNull(console, "console");
    Socket socket = new Socket();
    try {
      InetSocketAddress address = new InetSocketAddress(settings.host(), settings.port());
      socket.connect(address, (int) CONNECT_TIMEOUT.toMillis());
      LineChannel channel = handshake(security, socket);
      String peer = socket.getInetAddress().getHostAddress() + ":" + socket.getPort();
      ChatClient client = new ChatClient(channel, settings, console, peer);
      client.announce();
      Thread.ofVirtual().name("client reader " + settings.address()).start(client.reader);
      return client;
    } catch (IOException | HandshakeException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  /** A silent server must not hang the client: the socket times out during the handshake only. */
  private static LineChannel handshake(ChannelSecurity security, Socket socket)
      throws IOException, HandshakeException {
    socket.setSoTimeout((int) HANDSHAKE_TIMEOUT.toMillis());
    try {
      LineChannel channel = security.connect(socket);
      socket.setSoTimeout(0);
      return channel;
    } catch (SocketTimeoutException e) {
      throw new HandshakeException(
          "the server did not finish the "
              + security.stage()
              + " handshake within "
              + HANDSHAKE_TIMEOUT.toSeconds()
              + " seconds; does it run the same stage?",
          e);
    }
  }

  /**
   * Handles one typed line as the console would: a local command, or a line sent as typed. An empty
   * line is not sent. Problems (a file that cannot be read, a closed connection) are printed on the
   * console, never thrown.
   */
  public void type(String typedLine) {
    Objects.requireNonNull(typedLine, "typedLine");
    if (typedLine.isEmpty()) {
      return;
    }
    String[] commandAndRest = typedLine.split(" ", 2);
    String rest = commandAndRest.length > 1 ? commandAndRest[1] : "";
    switch (commandAndRest[0].toLowerCase(Locale.ROOT)) {
      case "/sendfile" -> sendFile(rest);
      case "/info" -> showInfo();
      case "/quit" -> quit();
      case "/help" -> {
        send(typedLine);
        LOCAL_HELP.forEach(console::print);
      }
      default -> send(typedLine);
    }
  }

  /** Sends {@code /quit}, waits up to 3 seconds for the server's BYE or close, then closes. */
  public void quit() {
    reader.expectEnd();
    send("/quit");
    awaitClosed(QUIT_TIMEOUT);
    closeChannel();
  }

  /**
   * Waits until the server is ready for chat: it sent WELCOME and, when the settings name a user,
   * answered the login (OK or ERR). Also returns once the connection has ended.
   *
   * @return false if that did not happen within {@code timeout}
   */
  public boolean awaitReady(Duration timeout) {
    return reader.awaitReady(timeout);
  }

  /** Waits until the connection has ended; false if it is still open after {@code timeout}. */
  public boolean awaitClosed(Duration timeout) {
    return reader.awaitEnd(timeout);
  }

  /** True until the connection ends or {@link #close} is called. */
  public boolean isOpen() {
    return !closedByUs && !reader.hasEnded();
  }

  /** True if the server closed the connection, or it broke, without a BYE and without our quit. */
  public boolean endedUnexpectedly() {
    return reader.endedUnexpectedly();
  }

  /** What protects this connection, as {@code /info} shows it. */
  public ChannelInfo info() {
    return channel.info();
  }

  /** Closes the connection at once, without {@code /quit}; the reader thread then ends. */
  @Override
  public void close() throws IOException {
    closedByUs = true;
    reader.expectEnd();
    channel.close();
  }

  private void send(String line) {
    if (reader.hasEnded()) {
      console.print("not sent: the connection is closed");
      return;
    }
    try {
      channel.send(line);
    } catch (IOException e) {
      console.print("not sent: " + sanitize(reason(e)));
    }
  }

  private void sendFile(String arguments) {
    String[] recipientAndPath = arguments.strip().split(" ", 2);
    if (recipientAndPath.length < 2 || recipientAndPath[1].isBlank()) {
      console.print("usage: /sendfile NAME|* PATH");
      return;
    }
    try {
      ClientMessage.SendFile file =
          OutgoingFile.read(recipientAndPath[0], recipientAndPath[1].strip(), settings.limits());
      send(codec.encode(file));
    } catch (ProtocolException | IOException e) {
      console.print("error: " + sanitize(reason(e)));
    }
  }

  /** Says once, on connect, what protects this connection: the user should not have to ask. */
  private void announce() {
    ChannelInfo info = channel.info();
    console.print(
        "connected to "
            + peer
            + " ("
            + sanitize(info.stage())
            + "): "
            + sanitize(info.protection()));
    info.details().forEach(detail -> console.print("  " + sanitize(detail)));
  }

  private void showInfo() {
    ChannelInfo info = channel.info();
    console.print("stage: " + sanitize(info.stage()));
    console.print("protection: " + sanitize(info.protection()));
    info.details().forEach(detail -> console.print("  " + sanitize(detail)));
    console.print("peer: " + peer);
  }

  private void closeChannel() {
    try {
      close();
    } catch (IOException e) {
      console.print("while closing the connection: " + sanitize(reason(e)));
    }
  }

  /** The message of {@code e} for the console, or its type when it has none. */
  static String reason(Exception e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
