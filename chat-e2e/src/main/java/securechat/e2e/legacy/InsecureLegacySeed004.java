package securechat.e2e.legacy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Random;
import securechat.core.terminal.ConsoleView;

/**
 * Seed 004's two programs, reproduced faithfully ({@code --insecure-legacy seed004}): a
 * multi-client server that forwards "end-to-end" packages, and its client. They talk only to each
 * other. Insecure on purpose: the attack lab recovers every message from a capture with {@link
 * LegacyKeyRecovery}.
 *
 * <pre>{@code
 * InsecureLegacySeed004.runServer("127.0.0.1", 7004, console);  // one terminal
 * InsecureLegacySeed004.runClient("127.0.0.1", 7004, console);  // one per user
 * }</pre>
 *
 * <p>The client asks for a username, then reads lines {@code recipient:message}; {@code quit} or
 * the end of input leaves. Received messages print as {@code [sender] text}, and the user list
 * whenever it changes. The server logs one line per event and stops on {@code exit} or the end of
 * its console's input.
 *
 * <p><b>Does not protect:</b> anything. See {@link LegacyRsaDesCipher} for the package, {@link
 * Seed004ServerHandshake} for the nonce challenge, and {@code docs/legacy-seed004.md} for the whole
 * story.
 */
public final class InsecureLegacySeed004 {
  /** Printed before anything else, by both programs. */
  public static final String WARNING =
      "warning: --insecure-legacy seed004 is INSECURE on purpose: textbook RSA and DES-ECB,"
          + " keys from java.util.Random; any eavesdropper can read every message";

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private InsecureLegacySeed004() {}

  /**
   * Runs the seed 004 server on {@code host:port} (0 for any free port, named in the listening
   * line) until {@code exit} is typed or the console's input ends; then closes every socket and
   * ends every thread.
   */
  public static void runServer(String host, int port, ConsoleView console) throws IOException {
    runServer(host, port, console, new Random());
  }

  /**
   * As {@link #runServer(String, int, ConsoleView)}, with the generator the keys and nonces come
   * from. Whoever knows the generator's seed can make the server's key again: the forward-secrecy
   * attack ({@code lab attack fs}) seeds it so that it can "leak" the key after the session.
   */
  public static void runServer(String host, int port, ConsoleView console, Random insecureRandom)
      throws IOException {
    console.print(WARNING);
    LegacyRsaKeyPair serverKey = LegacyRsaKeyPair.generate(insecureRandom);
    try (Seed004Server server =
        Seed004Server.start(host, port, serverKey, insecureRandom, console)) {
      console.print(
          "seed 004 server listening on " + host + ":" + server.port() + "; type exit to stop");
      for (String typed = console.readLine(""); typed != null; typed = console.readLine("")) {
        if (typed.strip().equals("exit")) {
          break;
        }
        if (!typed.isBlank()) {
          console.print("the only command is exit");
        }
      }
    }
  }

  /**
   * Connects to a seed 004 server, runs the nonce challenge, registers the name typed first, then
   * sends typed {@code recipient:message} lines until {@code quit} or the end of input.
   *
   * @throws IOException if the connection or the nonce challenge fails
   */
  public static void runClient(String host, int port, ConsoleView console) throws IOException {
    runClient(host, port, console, new Random());
  }

  /**
   * As {@link #runClient(String, int, ConsoleView)}, with the generator the keys, nonces and DES
   * keys come from. The client's RSA key is the first thing drawn from it, so {@code
   * LegacyRsaKeyPair.generate(new Random(seed))} makes the same key again: the forward-secrecy
   * attack ({@code lab attack fs}) "leaks" a recipient's private key that way, after the session.
   */
  public static void runClient(String host, int port, ConsoleView console, Random insecureRandom)
      throws IOException {
    console.print(WARNING);
    // Before connecting, so that the server's handshake timeout does not include it.
    LegacyRsaKeyPair clientKey = LegacyRsaKeyPair.generate(insecureRandom);
    Socket socket = new Socket();
    try {
      socket.connect(new InetSocketAddress(host, port), (int) CONNECT_TIMEOUT.toMillis());
    } catch (IOException e) {
      socket.close();
      throw e;
    }
    new Seed004Client(socket, console, clientKey, insecureRandom).run();
  }
}
