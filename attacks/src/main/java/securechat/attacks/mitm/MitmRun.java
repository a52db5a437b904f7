package securechat.attacks.mitm;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import securechat.attacks.Narrator;
import securechat.attacks.Victims;
import securechat.attacks.wire.ConnectionHandler;
import securechat.attacks.wire.Recording;
import securechat.attacks.wire.Relay;
import securechat.core.channel.HandshakeException;
import securechat.core.cli.ConfigException;
import securechat.core.cli.Stage;
import securechat.core.client.ScriptedPeer;

/**
 * One man-in-the-middle run: the stage's real server, a relay in front of it that the victim
 * (alice) connects to, and bob connected directly. The relay first passes bytes through unchanged,
 * as an honest network does, until {@link #attackWith} puts the attacker in.
 */
final class MitmRun implements AutoCloseable {
  static final String MESSAGE = "the vault code is 4711";
  static final String FIND = "4711";
  static final String REPLACEMENT = "0000";
  static final Duration WAIT = Duration.ofSeconds(5);

  private final Victims victims;
  private final Narrator narrator;
  private final InetSocketAddress server;
  private final Relay relay;
  private final AtomicReference<ConnectionHandler> handler;
  private final List<String> events;

  private MitmRun(
      Victims victims,
      Narrator narrator,
      InetSocketAddress server,
      Relay relay,
      AtomicReference<ConnectionHandler> handler,
      List<String> events) {
    this.victims = victims;
    this.narrator = narrator;
    this.server = server;
    this.relay = relay;
    this.handler = handler;
    this.events = events;
  }

  /** Starts {@code stage}'s server with {@code serverArgs} and an honest relay in front of it. */
  static MitmRun start(Stage stage, Path dataDir, Narrator narrator, String... serverArgs)
      throws ConfigException, IOException {
    Victims victims = new Victims(stage, dataDir);
    InetSocketAddress server = victims.startServer(serverArgs);
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    AtomicReference<ConnectionHandler> handler = new AtomicReference<>(new Recording());
    Relay relay =
        Relay.start(server, 0, (victim, real) -> handler.get().handle(victim, real), events::add);
    narrator.saw(
        "the "
            + stage.name()
            + " server listens on 127.0.0.1:"
            + server.getPort()
            + "; alice's path to it runs through 127.0.0.1:"
            + relay.port());
    return new MitmRun(victims, narrator, server, relay, handler, events);
  }

  /** From now on, connections through the relay meet {@code attacker}. */
  void attackWith(ConnectionHandler attacker) {
    handler.set(attacker);
  }

  /** Connects {@code name} through the relay with {@code clientArgs}. */
  ScriptedPeer viaRelay(String name, String... clientArgs)
      throws ConfigException, IOException, HandshakeException {
    return victims.connect(name, relay.port(), clientArgs);
  }

  /** Connects {@code name} straight to the server with {@code clientArgs}. */
  ScriptedPeer direct(String name, String... clientArgs)
      throws ConfigException, IOException, HandshakeException {
    return victims.connect(name, server.getPort(), clientArgs);
  }

  /** Alice says {@link #MESSAGE}; returns what bob then reads from her, if anything arrives. */
  Optional<String> aliceSaysTheMessage(ScriptedPeer alice, ScriptedPeer bob)
      throws IOException, InterruptedException {
    narrator.aboutTo("let alice say \"" + MESSAGE + "\" to everyone");
    alice.send(MESSAGE);
    return bob.find(line -> line.contains("the vault code is"), WAIT);
  }

  Victims victims() {
    return victims;
  }

  int relayPort() {
    return relay.port();
  }

  int serverPort() {
    return server.getPort();
  }

  /** The attacker in front of this run's server, keeping its own files in {@code attackerDir}. */
  AttackerPosition position(Path attackerDir) {
    return new AttackerPosition(attackerDir, victims.dataDir(), server.getPort());
  }

  /**
   * Where the attacker's proxy reports its handshakes and refusals: the narration and {@link
   * #events}.
   */
  java.util.function.Consumer<String> attackerEvents() {
    return event -> {
      events.add(event);
      narrator.saw("attacker: " + event);
    };
  }

  /** What happened on the attacker's connections so far (handshakes, refusals). */
  List<String> events() {
    synchronized (events) {
      return List.copyOf(events);
    }
  }

  /** Alice's screen lines that start with {@code prefix}, for evidence. */
  List<String> screen(String name, String contains) {
    return victims.screenOf(name).stream().filter(line -> line.contains(contains)).toList();
  }

  @Override
  public void close() throws IOException {
    relay.close();
    victims.close();
  }
}
