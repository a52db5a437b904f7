package securechat.attacks.fs;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import securechat.attacks.Victims;
import securechat.attacks.legacy.RecordedConnection;
import securechat.attacks.wire.ConnectionHandler;
import securechat.attacks.wire.Recording;
import securechat.attacks.wire.Relay;
import securechat.core.channel.HandshakeException;
import securechat.core.cli.ConfigException;
import securechat.core.cli.Stage;
import securechat.core.client.ScriptedPeer;

/**
 * A real session of one stage, recorded: the stage's server and two clients on 127.0.0.1, built
 * from the stage's own options ({@link Victims}), with a {@link Relay} in front of the server that
 * keeps a copy of every byte ({@link Recording}). Alice whispers a secret to bob, bob answers, both
 * quit, and the server stops: when {@link #record} returns, the session is over and only the
 * recording and the victims' files remain.
 */
final class RecordedSession {
  /** Alice and bob. */
  private static final int CLIENTS = 2;

  private RecordedSession() {}

  /**
   * Runs the session in {@code dataDir} with {@code stageArgs} on both sides ({@code --transport
   * plain}); both clients append their session keys to {@code clientKeyLog} if given ({@code
   * --keylog}).
   *
   * @return the two recorded connections
   */
  static List<RecordedConnection> record(
      Stage stage,
      Path dataDir,
      List<String> stageArgs,
      Optional<Path> clientKeyLog,
      String secret,
      String reply)
      throws ConfigException, IOException, InterruptedException {
    Recording recording = new Recording();
    CountDownLatch ended = new CountDownLatch(CLIENTS);
    ConnectionHandler counted =
        (victim, server) -> {
          try {
            recording.handle(victim, server);
          } finally {
            ended.countDown();
          }
        };
    List<String> problems = Collections.synchronizedList(new ArrayList<>());
    String[] args = stageArgs.toArray(String[]::new);
    try (Victims victims = new Victims(stage, dataDir)) {
      InetSocketAddress server = victims.startServer(args);
      try (Relay relay = Relay.start(server, 0, counted, problems::add)) {
        converse(victims, relay.port(), clientKeyLog, secret, reply, args);
        if (!ended.await(30, TimeUnit.SECONDS)) {
          throw new IOException("the recorded connections did not end; the relay saw: " + problems);
        }
      }
    }
    List<RecordedConnection> connections = new ArrayList<>();
    for (Recording.Conversation conversation : recording.conversations()) {
      connections.add(
          RecordedConnection.of(conversation, "connection " + (connections.size() + 1)));
    }
    return connections;
  }

  private static void converse(
      Victims victims,
      int port,
      Optional<Path> clientKeyLog,
      String secret,
      String reply,
      String[] args)
      throws ConfigException, IOException, InterruptedException {
    try (ScriptedPeer alice = connect(victims, "alice", port, clientKeyLog, args);
        ScriptedPeer bob = connect(victims, "bob", port, clientKeyLog, args)) {
      victims.logIn(alice, "alice", true);
      victims.logIn(bob, "bob", true);
      alice.expect("JOIN bob");
      alice.send("/whisper bob " + secret);
      bob.expectContaining(secret);
      bob.send("/whisper alice " + reply);
      alice.expectContaining(reply);
      bob.send("/quit");
      bob.expect("BYE");
      alice.send("/quit");
      alice.expect("BYE");
    } catch (HandshakeException | ScriptedPeer.ScriptFailure e) {
      throw new IOException("the victims' session failed: " + e.getMessage(), e);
    }
  }

  private static ScriptedPeer connect(
      Victims victims, String name, int port, Optional<Path> keyLog, String[] args)
      throws ConfigException, IOException, HandshakeException {
    return keyLog.isPresent()
        ? victims.connectLoggingKeys(name, port, keyLog.get(), args)
        : victims.connect(name, port, args);
  }
}
