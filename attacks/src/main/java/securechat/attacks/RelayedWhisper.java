package securechat.attacks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import securechat.attacks.wire.RecordEditor;
import securechat.attacks.wire.RecordRelay;
import securechat.attacks.wire.Relay;
import securechat.attacks.wire.StageWire;
import securechat.attacks.wire.WireFormat;
import securechat.core.channel.HandshakeException;
import securechat.core.cli.ConfigException;
import securechat.core.client.ScriptedPeer;

/**
 * The conversation the record attacks (tamper, replay) play on one stage: bob connects straight to
 * a real server, alice through the attacker's {@link RecordRelay}; both register; alice whispers to
 * bob; her last whisper tells bob she is done. Everything the victims saw is then read back as
 * {@link Observed}, for the verdict.
 *
 * <pre>{@code
 * try (RelayedWhisper run = new RelayedWhisper(wire, dataDir, narrator)) {
 *   run.start(new RecordChanger(wire.format().messagePicker(), flip, run::relayed));
 *   run.whisper("transfer 100 euros to alice", true);
 *   Observed seen = run.finish();
 * }
 * }</pre>
 */
public final class RelayedWhisper implements AutoCloseable {
  /** Alice's last whisper: once bob has it, he has had everything before it. */
  public static final String LAST = "that is all";

  /**
   * The longest each wait lasts: for the relay to act on a whisper, for alice's last whisper to
   * come back to her, for bob to get it or the news that alice left. Each ends as soon as its line
   * arrives; a run where all goes to plan never reaches it.
   */
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final StageWire wire;
  private final Victims victims;
  private final Narrator narrator;
  private final List<String> relayed = Collections.synchronizedList(new ArrayList<>());
  private final BlockingQueue<String> untold = new LinkedBlockingQueue<>();
  private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
  private Relay relay;
  private ScriptedPeer alice;
  private ScriptedPeer bob;

  /**
   * @param dataDir a fresh folder for the victims' accounts, keys and pins
   */
  public RelayedWhisper(StageWire wire, Path dataDir, Narrator narrator) {
    this.wire = Objects.requireNonNull(wire, "wire");
    this.victims = new Victims(wire.stage(), dataDir);
    this.narrator = Objects.requireNonNull(narrator, "narrator");
  }

  /**
   * Starts the server, registers bob on it, starts the relay with {@code editor} in front of it,
   * and registers alice through the relay, saying what it is about to do before each step.
   */
  public void start(RecordEditor editor)
      throws ConfigException,
          IOException,
          HandshakeException,
          InterruptedException,
          ScriptedPeer.ScriptFailure {
    String options = wire.options().isEmpty() ? "" : " with " + String.join(" ", wire.options());
    narrator.aboutTo("start a real " + wire.name() + " server on 127.0.0.1" + options);
    InetSocketAddress server = victims.startServer(wire.optionArgs());
    narrator.aboutTo(
        "connect bob straight to the server (port " + server.getPort() + ") and register him");
    bob = victims.connect("bob", server.getPort(), wire.optionArgs());
    victims.logIn(bob, "bob", true);
    WireFormat format = wire.format();
    relay = Relay.start(server, 0, new RecordRelay(format.framing(), editor), problems::add);
    narrator.aboutTo(
        "connect alice to the attacker's relay on port "
            + relay.port()
            + " instead, and register her; the relay cuts what she sends into "
            + format.framing().recordName()
            + "s and passes the server's bytes back untouched");
    alice = victims.connect("alice", relay.port(), wire.optionArgs());
    victims.logIn(alice, "alice", true);
  }

  /**
   * For the relay's editor, on the relay's thread: one thing the relay did, kept as evidence and
   * narrated by the next {@link #whisper}.
   */
  public void relayed(String event) {
    relayed.add("relay: " + event);
    untold.add("relay: " + event);
  }

  /**
   * Alice whispers {@code text} to bob (a connection the server already closed is noted); if the
   * relay is expected to act on it, waits until it has and narrates what it did.
   */
  public void whisper(String text, boolean relayActs) throws InterruptedException {
    try {
      alice.send(WireFormat.WHISPER_TO_BOB + text);
    } catch (IOException e) {
      problems.add("alice could not send her whisper: " + e.getMessage());
    }
    String event = relayActs ? untold.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS) : null;
    if (event != null) {
      narrator.saw(event);
    }
  }

  /**
   * Alice sends her {@link #LAST} whisper; waits until alice has the server's copy of it, an error,
   * or a closed connection, and until bob has it or is told that alice left; then reads what
   * everyone saw.
   */
  public Observed finish() throws InterruptedException {
    whisper(LAST, false);
    String last = "WHISPER alice bob " + LAST;
    alice.find(line -> line.equals(last) || line.startsWith("ERR "), WAIT);
    bob.find(line -> line.equals(last) || line.startsWith("LEAVE alice"), WAIT);
    List<String> events;
    synchronized (relayed) {
      events = new ArrayList<>(relayed);
    }
    synchronized (problems) {
      problems.forEach(problem -> events.add("problem: " + problem));
    }
    return Observed.of(victims, events);
  }

  /** Closes the clients, the relay and the server. */
  @Override
  public void close() throws IOException {
    try {
      victims.close();
    } finally {
      if (relay != null) {
        relay.close();
      }
    }
  }
}
