package securechat.e2e.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import securechat.core.terminal.ScriptedConsole;

/**
 * A seed 004 server on 127.0.0.1 and a free port, and its clients, each program on its own virtual
 * thread with a {@link ScriptedConsole}. {@link #close} interrupts whatever is still running.
 */
final class LoopbackSeed004 implements AutoCloseable {
  private static final Pattern PORT = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+);");

  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final ScriptedConsole serverConsole = new ScriptedConsole("server");
  private final Future<?> server;
  private final int port;

  private LoopbackSeed004() throws InterruptedException {
    server =
        threads.submit(
            () -> {
              InsecureLegacySeed004.runServer("127.0.0.1", 0, serverConsole);
              return null;
            });
    assertThat(serverConsole.nextLine()).isEqualTo(InsecureLegacySeed004.WARNING);
    Matcher listening = PORT.matcher(serverConsole.nextLine());
    assertThat(listening.find()).isTrue();
    port = Integer.parseInt(listening.group(1));
  }

  /** Starts the server and waits until it listens. */
  static LoopbackSeed004 start() throws InterruptedException {
    return new LoopbackSeed004();
  }

  int port() {
    return port;
  }

  ScriptedConsole serverConsole() {
    return serverConsole;
  }

  /** Waits until {@code runServer} has returned. */
  void awaitServerEnd() throws Exception {
    server.get(10, TimeUnit.SECONDS);
  }

  /** Runs {@code runClient} against {@code port} (the server's, or a relay's in front of it). */
  Future<?> startClient(ScriptedConsole console, int port) {
    return threads.submit(
        () -> {
          InsecureLegacySeed004.runClient("127.0.0.1", port, console);
          return null;
        });
  }

  /** Starts a client, registers {@code name}, and waits for its first user list. */
  ScriptedConsole joined(String name, String firstList) throws InterruptedException {
    return joinedThrough(port, name, firstList);
  }

  /** As {@link #joined}, connecting to {@code port}. */
  ScriptedConsole joinedThrough(int port, String name, String firstList)
      throws InterruptedException {
    ScriptedConsole console = new ScriptedConsole(name);
    startClient(console, port);
    assertThat(console.nextLine()).isEqualTo(InsecureLegacySeed004.WARNING);
    console.type(name);
    assertThat(console.nextLine()).isEqualTo(firstList);
    return console;
  }

  @Override
  public void close() {
    threads.shutdownNow();
  }
}
