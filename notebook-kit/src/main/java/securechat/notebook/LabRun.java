package securechat.notebook;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import securechat.attacks.Victims;
import securechat.core.channel.HandshakeException;
import securechat.core.cli.ConfigException;
import securechat.core.cli.Stage;
import securechat.core.client.ScriptedPeer;
import securechat.core.storage.LabFiles;
import securechat.sniffer.capture.CaptureException;
import securechat.sniffer.capture.LiveCaptureOptions;

/**
 * One stage of the chat running on loopback inside a notebook: the stage's real server, real
 * clients logged in with scripted input, and the traffic between them captured, so that a notebook
 * can chat, then look at the wire.
 *
 * <pre>{@code
 * try (LabRun lab = LabRun.of("plain")) {
 *   ScriptedPeer alice = lab.client("alice");
 *   ScriptedPeer bob = lab.client("bob");
 *   alice.send("/whisper bob the code is 4711");
 *   bob.expectContaining("4711");
 *   Check.that(lab.wire().contains("4711"), "the plain stage shows the whisper to everyone");
 * }
 * }</pre>
 *
 * <p>The server and clients are built from the stage's own command-line options, as {@code lab
 * server --stage tls --mutual-tls} would build them (the attacks' {@link Victims}), in a fresh
 * temporary data folder on a free port of 127.0.0.1. The traffic is captured live on {@code lo}
 * with libpcap when this process may capture, otherwise recorded by a relay between the clients and
 * the server; the run prints one line saying which, and why. {@link #close} stops everything and
 * deletes the data folder; {@link #wire()} still answers afterwards, with the whole capture.
 */
public final class LabRun implements AutoCloseable {
  private final Stage stage;
  private final Path dataDir;
  private final Victims victims;
  private final InetSocketAddress server;
  private final WireTap tap;
  private final List<String> clients = new ArrayList<>(); // in the order they connected
  private final Set<String> registered = new HashSet<>();
  private Wire finalWire; // set by close()

  private LabRun(
      Stage stage, Path dataDir, Victims victims, InetSocketAddress server, WireTap tap) {
    this.stage = stage;
    this.dataDir = dataDir;
    this.victims = victims;
    this.server = server;
    this.tap = tap;
  }

  /**
   * Starts the stage called {@code stageName} ({@code plain}, {@code tls}, {@code ecdhe}, {@code
   * e2e}), captured live if possible.
   *
   * @param serverOptions the stage's server options, as typed after {@code lab server --stage S}
   * @throws ConfigException for an unknown stage or an option its server does not take
   */
  public static LabRun of(String stageName, String... serverOptions)
      throws ConfigException, IOException {
    return of(Stages.find(stageName), CaptureMode.LIVE_OR_RELAY, serverOptions);
  }

  /** Starts {@code stage} (any stage, also one a notebook builds), seen as {@code mode} says. */
  public static LabRun of(Stage stage, CaptureMode mode, String... serverOptions)
      throws ConfigException, IOException {
    return start(stage, mode, LiveCaptureOptions.LOOPBACK, System.out::println, serverOptions);
  }

  /**
   * Starts the run, capturing on {@code interfaceName} if {@code mode} allows, and tells {@code
   * say} how the wire is seen.
   */
  static LabRun start(
      Stage stage,
      CaptureMode mode,
      String interfaceName,
      Consumer<String> say,
      String... serverOptions)
      throws ConfigException, IOException {
    Path dataDir = Files.createTempDirectory("securechat-lab-" + stage.name() + "-");
    Victims victims = new Victims(stage, dataDir);
    try {
      InetSocketAddress server = victims.startServer(serverOptions);
      WireTap tap = WireTap.start(server, mode, interfaceName, dataDir.resolve("wire.pcap"));
      say.accept(tap.how());
      return new LabRun(stage, dataDir, victims, server, tap);
    } catch (ConfigException | IOException | RuntimeException e) {
      victims.close();
      LabFiles.deleteTree(dataDir);
      throw e;
    }
  }

  /**
   * Connects a client called {@code name} and logs it in: it registers the first time the run sees
   * the name, then logs in. Its password is {@code Victims.passwordOf(name)}.
   *
   * @param clientOptions the stage's client options, as typed after {@code lab client --stage S}
   * @return the client, ready for {@code send}, {@code expect} and {@code expectContaining}
   */
  public ScriptedPeer client(String name, String... clientOptions)
      throws ConfigException,
          IOException,
          HandshakeException,
          InterruptedException,
          ScriptedPeer.ScriptFailure {
    requireOpen();
    clients.add(name); // before connecting: this connection is the next one on the wire
    ScriptedPeer peer;
    try {
      peer = victims.connect(name, tap.clientPort(), clientOptions);
    } catch (ConfigException e) {
      clients.remove(clients.size() - 1); // refused before connecting: nothing on the wire
      throw e;
    }
    victims.logIn(peer, name, registered.add(name));
    return peer;
  }

  /**
   * The traffic so far, reassembled and dissected; after {@link #close}, all of it, with the pcap
   * file when it was captured live.
   */
  public Wire wire() throws InterruptedException {
    if (finalWire != null) {
      return finalWire;
    }
    return Wire.of(tap.segments(), tap.counts(), clients, tap.live(), tap.how(), Optional.empty());
  }

  /** Every line {@code name}'s client printed (warnings included) or exchanged, in order. */
  public List<String> screenOf(String name) {
    return victims.screenOf(name);
  }

  /** Every line the server logged so far. */
  public List<String> serverLog() {
    return victims.serverLog();
  }

  /** The stage this run runs. */
  public Stage stage() {
    return stage;
  }

  /** Where the server listens (127.0.0.1 and a free port); the clients may go through a relay. */
  public InetSocketAddress server() {
    return server;
  }

  /** The run's data folder (accounts, keys, certificates), deleted by {@link #close}. */
  public Path dataDir() {
    return dataDir;
  }

  /**
   * Closes the clients and the server, finishes the capture, keeps the whole wire for {@link
   * #wire()}, and deletes the data folder. Closing twice does nothing.
   */
  @Override
  public void close() throws IOException, InterruptedException {
    if (finalWire != null) {
      return;
    }
    try {
      victims.close();
      Optional<Path> pcapFile = tap.stop();
      Optional<byte[]> pcap =
          pcapFile.isPresent() ? Optional.of(Files.readAllBytes(pcapFile.get())) : Optional.empty();
      finalWire = Wire.of(tap.segments(), tap.counts(), clients, tap.live(), tap.how(), pcap);
    } catch (CaptureException e) {
      throw new IOException("the capture did not end cleanly: " + e.getMessage(), e);
    } finally {
      LabFiles.deleteTree(dataDir);
    }
  }

  private void requireOpen() {
    if (finalWire != null) {
      throw new IllegalStateException("this run is closed: start a new one with LabRun.of(...)");
    }
  }

  @Override
  public String toString() {
    return stage.name() + " stage on " + server + " (" + dataDir + ")";
  }
}
