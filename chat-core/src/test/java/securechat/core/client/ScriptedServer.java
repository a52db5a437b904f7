package securechat.core.client;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A one-connection server on a loopback port for client tests: the test sends the server's lines by
 * hand and reads what the client sent, line by line, as raw text.
 */
public final class ScriptedServer implements Closeable {
  /** Received in place of a line once the client has closed its side. */
  public static final String CLIENT_CLOSED = "(client closed the connection)";

  private static final Duration WAIT = Duration.ofSeconds(5);

  private final ServerSocket listener;
  private final CompletableFuture<Socket> connection = new CompletableFuture<>();
  private final BlockingQueue<String> received = new LinkedBlockingQueue<>();

  private ScriptedServer(ServerSocket listener) {
    this.listener = listener;
  }

  /** Listens on a free loopback port and accepts one client in the background. */
  public static ScriptedServer start() throws IOException {
    ScriptedServer server =
        new ScriptedServer(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
    Thread.ofVirtual().name("scripted server").start(server::acceptAndRead);
    return server;
  }

  public int port() {
    return listener.getLocalPort();
  }

  private void acceptAndRead() {
    try (Socket socket = listener.accept()) {
      connection.complete(socket);
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        received.add(line);
      }
    } catch (IOException e) {
      connection.completeExceptionally(e);
    } finally {
      received.add(CLIENT_CLOSED);
    }
  }

  /** Sends one line to the client, as the server would. */
  public void send(String line) throws IOException {
    OutputStream out = socket().getOutputStream();
    out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** The next line the client sent, waiting up to 5 seconds. */
  public String nextReceived() throws InterruptedException {
    String line = received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    if (line == null) {
      throw new AssertionError("the client sent nothing within " + WAIT.toSeconds() + " s");
    }
    return line;
  }

  /** Closes the connection from the server's side, without a BYE. */
  public void hangUp() throws IOException {
    socket().close();
  }

  private Socket socket() throws IOException {
    try {
      return connection.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for the client", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException("no client connected", e);
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
    if (connection.isDone() && !connection.isCompletedExceptionally()) {
      connection.join().close();
    }
  }
}
