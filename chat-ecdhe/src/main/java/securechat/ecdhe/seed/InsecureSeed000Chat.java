package securechat.ecdhe.seed;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import securechat.core.channel.HandshakeException;
import securechat.core.channel.RecordException;
import securechat.core.terminal.ConsoleView;
import securechat.core.terminal.TerminalText;

/**
 * Seed 000's two programs, spoken exactly: a server whose administrator chats with one client, and
 * that client. Either talks to the original Python program ({@code server.py} / {@code client.py})
 * or to the other. Insecure on purpose; it is here to be compared and attacked.
 *
 * <pre>{@code
 * InsecureSeed000Chat.runServer("127.0.0.1", 65432, SeedFraming.RAW, console);  // one terminal
 * InsecureSeed000Chat.runClient("127.0.0.1", 65432, SeedFraming.RAW, console);  // another
 * }</pre>
 *
 * <p>As in the seed: each typed line is one message; {@code exit} ends the program here and is
 * never sent; a line starting with {@code \} is sent without it (so {@code \exit} sends "exit").
 * Received messages print as {@code client: TEXT} or {@code server: TEXT}, with terminal controls
 * made visible. A token that fails prints one line and the chat goes on.
 *
 * <p>Unlike the seed: we print a warning first and a key fingerprint, never the key; when piped
 * input ends we stop sending and wait for the peer to close, so a script sees every reply.
 *
 * <p><b>Does not protect:</b> anything against a man in the middle (see {@link Seed000Handshake}),
 * nor against replayed or reflected tokens (see {@link Seed000Session}).
 */
public final class InsecureSeed000Chat {
  /** Printed before anything else, by both programs. */
  public static final String WARNING =
      "warning: --insecure-compat seed000: unauthenticated key exchange, one key for both directions,"
          + " no replay protection: a man in the middle reads and changes everything";

  /** How long each handshake step may wait for the peer. */
  static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration READER_STOP_WAIT = Duration.ofSeconds(2);

  private InsecureSeed000Chat() {}

  /**
   * Listens on {@code host:port}, accepts one client, runs the handshake and chats until {@code
   * exit}, the end of input or the client leaving. The listening line names the port, useful with
   * port 0.
   *
   * @throws HandshakeException if the client breaks the handshake; the connection is closed
   */
  public static void runServer(String host, int port, SeedFraming framing, ConsoleView console)
      throws IOException, HandshakeException {
    console.print(WARNING);
    Socket socket;
    try (ServerSocket listener = new ServerSocket()) {
      listener.bind(new InetSocketAddress(host, port));
      console.print(
          "seed 000 server ("
              + framing.cliName()
              + " framing) listening on "
              + host
              + ":"
              + listener.getLocalPort()
              + ", waiting for one client");
      socket = listener.accept();
    }
    Seed000Session session = handshake(socket, framing, true);
    console.print(connectedLine("client " + socket.getRemoteSocketAddress(), session));
    converse(session, console, "client");
  }

  /**
   * Connects to {@code host:port}, runs the handshake and chats until {@code exit}, the end of
   * input or the server leaving.
   *
   * @throws HandshakeException if the server breaks the handshake; the connection is closed
   */
  public static void runClient(String host, int port, SeedFraming framing, ConsoleView console)
      throws IOException, HandshakeException {
    console.print(WARNING);
    Socket socket = new Socket();
    try {
      socket.connect(new InetSocketAddress(host, port), (int) CONNECT_TIMEOUT.toMillis());
    } catch (IOException e) {
      socket.close();
      throw e;
    }
    Seed000Session session = handshake(socket, framing, false);
    console.print(connectedLine("connected to " + host + ":" + port, session));
    converse(session, console, "server");
  }

  private static Seed000Session handshake(Socket socket, SeedFraming framing, boolean asServer)
      throws IOException, HandshakeException {
    try {
      socket.setSoTimeout((int) HANDSHAKE_TIMEOUT.toMillis());
      Seed000Session session =
          asServer
              ? Seed000Handshake.server(socket, framing)
              : Seed000Handshake.client(socket, framing);
      socket.setSoTimeout(0);
      return session;
    } catch (IOException | HandshakeException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  private static String connectedLine(String who, Seed000Session session) {
    return who
        + " ("
        + session.framing().cliName()
        + " framing); key fingerprint "
        + session.keyFingerprint()
        + ": the same on both consoles means the same key, not that no one is in the middle";
  }

  /**
   * The chat itself, on a session that is ready: a reader thread prints what arrives while this
   * thread sends what is typed. Closes the session before returning.
   */
  static void converse(Seed000Session session, ConsoleView console, String peerName)
      throws IOException {
    try (session) {
      Thread reader =
          Thread.ofVirtual()
              .name("seed000 reader " + peerName)
              .start(() -> printIncoming(session, console, peerName));
      boolean leaveNow = sendTypedLines(session, console, reader);
      if (!leaveNow) {
        // Piped input is over: say so to the peer and let it finish before we hang up.
        session.shutdownOutput();
        join(reader, null);
      }
      session.close();
      join(reader, READER_STOP_WAIT);
    }
  }

  /**
   * Sends typed lines until the input ends or the connection does.
   *
   * @return true to close at once ({@code exit}, end of input on a terminal, a failed send); false
   *     when piped input ran out and the peer may still have something to say
   */
  private static boolean sendTypedLines(Seed000Session session, ConsoleView console, Thread reader)
      throws IOException {
    String prompt = console.isInteractive() ? "> " : "";
    while (reader.isAlive()) {
      String typed = console.readLine(prompt);
      if (typed == null) {
        return console.isInteractive();
      }
      if (typed.equals("exit")) {
        return true;
      }
      // As the seed does: a leading backslash is dropped, so that "\exit" can be sent.
      String text = typed.startsWith("\\") ? typed.substring(1) : typed;
      if (!sendOne(session, console, text)) {
        return true;
      }
    }
    return true;
  }

  /** Sends one message; false if the connection is broken. */
  private static boolean sendOne(Seed000Session session, ConsoleView console, String text) {
    int bytes = text.getBytes(UTF_8).length;
    if (bytes > Seed000Session.MAX_MESSAGE_BYTES) {
      console.print(
          "not sent: the message is "
              + bytes
              + " bytes; the maximum is "
              + Seed000Session.MAX_MESSAGE_BYTES);
      return true;
    }
    int tokenChars = Seed000Session.tokenChars(bytes);
    if (session.framing() == SeedFraming.RAW && tokenChars > SeedFraming.SEED_V1_READ_BYTES) {
      console.print(
          "note: this message makes a "
              + tokenChars
              + "-character token; the original seed 000 v1 reads "
              + SeedFraming.SEED_V1_READ_BYTES
              + " bytes at a time and cannot decrypt it");
    }
    try {
      session.send(text);
      return true;
    } catch (IOException e) {
      console.print("not sent: the connection is broken (" + reasonOf(e) + ")");
      return false;
    }
  }

  /** The reader thread: prints each message, or one line for each token that fails. */
  private static void printIncoming(Seed000Session session, ConsoleView console, String peerName) {
    while (true) {
      try {
        String text = session.receive();
        if (text == null) {
          String leave = console.isInteractive() ? " (press Enter to leave)" : "";
          console.print("the " + peerName + " closed the connection" + leave);
          return;
        }
        console.print(peerName + ": " + TerminalText.sanitize(text));
      } catch (RecordException e) {
        console.print("refused a token from the " + peerName + ": " + e.getMessage());
      } catch (IOException e) {
        if (!session.isClosed()) {
          console.print("the connection to the " + peerName + " broke: " + reasonOf(e));
        }
        return;
      }
    }
  }

  private static String reasonOf(IOException e) {
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  /** Waits for {@code thread} to end, at most {@code limit} (forever if null). */
  private static void join(Thread thread, Duration limit) {
    try {
      if (limit == null) {
        thread.join();
      } else {
        thread.join(limit);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
