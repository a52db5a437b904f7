package securechat.attacks.legacy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import securechat.core.terminal.ScriptedConsole;
import securechat.e2e.legacy.InsecureLegacySeed004;

/**
 * The victims of the legacy attacks: the seed 004 replica's real server and real clients on
 * 127.0.0.1, each program on its own virtual thread, typed into through a {@link ScriptedConsole}
 * as a person would type ({@code username}, then {@code recipient:message} lines).
 *
 * <pre>{@code
 * try (LegacyVictims victims = LegacyVictims.start(name -> new Random())) {
 *   victims.chat(victims.server().getPort(),
 *       List.of(new LegacyVictims.Line("alice", "bob", "hello bob")));
 * }
 * }</pre>
 *
 * <p>Each program gets the {@link Random} that {@code randoms} gives for its name ({@code server},
 * {@code alice}, {@code bob}): a fresh one, as the seed, or a seeded one when an attack must make a
 * victim's key again later.
 */
public final class LegacyVictims implements AutoCloseable {
  /** The longest any victim may take to do what it was asked. */
  public static final Duration WAIT = Duration.ofSeconds(15);

  private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+);");

  /**
   * One line a victim types: {@code to:text} at {@code from}'s console.
   *
   * @param from who types it
   * @param to who it is for
   * @param text what it says
   */
  public record Line(String from, String to, String text) {}

  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final Function<String, Random> randoms;
  private final ScriptedConsole serverConsole = new ScriptedConsole("server");
  private final Map<String, ScriptedConsole> consoles = new LinkedHashMap<>();
  private final List<Future<?>> clients = new ArrayList<>();
  private Future<?> serverRun;
  private InetSocketAddress server;

  private LegacyVictims(Function<String, Random> randoms) {
    this.randoms = randoms;
  }

  /** Starts the replica's server on 127.0.0.1 and a free port, and waits until it listens. */
  public static LegacyVictims start(Function<String, Random> randoms)
      throws IOException, InterruptedException {
    LegacyVictims victims = new LegacyVictims(randoms);
    Random random = randoms.apply("server");
    victims.serverRun =
        victims.threads.submit(
            () -> {
              InsecureLegacySeed004.runServer("127.0.0.1", 0, victims.serverConsole, random);
              return null;
            });
    try {
      String listening =
          victims.serverConsole.await(
              line -> LISTENING.matcher(line).find(), "'listening on ...' line", WAIT);
      Matcher port = LISTENING.matcher(listening);
      port.find();
      victims.server = new InetSocketAddress("127.0.0.1", Integer.parseInt(port.group(1)));
      return victims;
    } catch (IllegalStateException e) {
      victims.threads.shutdownNow();
      throw new IOException(e.getMessage(), e);
    }
  }

  /** Where the server listens. */
  public InetSocketAddress server() {
    return server;
  }

  /**
   * Connects alice and bob to {@code port} (the server's, or a relay's in front of it), has them
   * type {@code lines} in order, each delivered before the next is typed, then has both quit and
   * waits until their programs have ended.
   *
   * @throws IOException if a victim did not do what it was asked within {@link #WAIT}
   */
  public void chat(int port, List<Line> lines) throws IOException, InterruptedException {
    join("alice", port, "users: alice");
    join("bob", port, "users: alice, bob");
    awaitLine("alice", "users: alice, bob");
    for (Line line : lines) {
      consoles.get(line.from()).type(line.to() + ":" + line.text());
      awaitLine(line.to(), "[" + line.from() + "] " + line.text());
    }
    consoles.values().forEach(ScriptedConsole::endInput);
    for (Future<?> client : clients) {
      awaitEnd(client, "a client");
    }
  }

  /** Everything {@code name}'s program printed (the server's: {@code server}). */
  public List<String> screenOf(String name) {
    ScriptedConsole console = name.equals("server") ? serverConsole : consoles.get(name);
    return console == null ? List.of() : console.printed();
  }

  private void join(String name, int port, String firstList)
      throws IOException, InterruptedException {
    ScriptedConsole console = new ScriptedConsole(name);
    consoles.put(name, console);
    Random random = randoms.apply(name);
    clients.add(
        threads.submit(
            () -> {
              InsecureLegacySeed004.runClient("127.0.0.1", port, console, random);
              return null;
            }));
    console.type(name);
    awaitLine(name, firstList);
  }

  private void awaitLine(String name, String expected) throws IOException, InterruptedException {
    try {
      consoles.get(name).await(expected::equals, "'" + expected + "'", WAIT);
    } catch (IllegalStateException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  private static void awaitEnd(Future<?> program, String what)
      throws IOException, InterruptedException {
    try {
      program.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IOException(what + " failed: " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IOException(what + " did not end within " + WAIT.toSeconds() + " s", e);
    }
  }

  /** Stops the server (as typing {@code exit}) and waits for it; interrupts whatever remains. */
  @Override
  public void close() throws IOException {
    try {
      serverConsole.type("exit");
      awaitEnd(serverRun, "the server");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      threads.shutdownNow();
    }
  }
}
