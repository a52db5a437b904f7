package securechat.attacks.legacy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import securechat.attacks.legacy.LegacyVictims.Line;
import securechat.attacks.wire.ConnectionHandler;
import securechat.attacks.wire.Recording;
import securechat.attacks.wire.Relay;
import securechat.core.cli.ConfigException;
import securechat.sniffer.capture.BpfFilters;
import securechat.sniffer.capture.CaptureException;
import securechat.sniffer.capture.LiveCapture;
import securechat.sniffer.capture.LiveCaptureOptions;

/**
 * The two ways the attack lab records a conversation of the seed 004 replica: a live capture on
 * {@code lo} into a pcap file (what {@code lab sniff} and Wireshark do; needs capture rights), or a
 * relay in the middle that copies every byte and keeps a copy (no rights needed). Either way the
 * eavesdropper ends up with the same bytes.
 */
public final class LegacyWiretap {
  /** Alice and bob are the two connections of every recorded conversation. */
  private static final int CLIENTS = 2;

  private LegacyWiretap() {}

  /**
   * Captures on {@code lo} while the victims type {@code lines}, into {@code file}, and reads the
   * file back once both connections have ended.
   *
   * @throws CaptureException if this machine cannot capture (no rights, no libpcap)
   */
  public static LegacyCaptureFile capture(LegacyVictims victims, List<Line> lines, Path file)
      throws CaptureException, ConfigException, IOException, InterruptedException {
    int port = victims.server().getPort();
    ClosedConnections ended = new ClosedConnections(port);
    LiveCaptureOptions options =
        LiveCaptureOptions.onLoopback(BpfFilters.forPorts(port)).writingTo(file);
    LiveCapture capture = LiveCapture.start(options, ended);
    try {
      victims.chat(port, lines);
      if (!ended.await(CLIENTS, LegacyVictims.WAIT)) {
        throw new IOException(
            "the capture did not see both connections end within "
                + LegacyVictims.WAIT.toSeconds()
                + " s ("
                + ended
                + ")");
      }
    } finally {
      capture.stop();
    }
    return LegacyCaptureFile.read(file, OptionalInt.of(port));
  }

  /**
   * Puts a {@link Relay} with a {@link Recording} in front of the server, has the victims type
   * {@code lines} through it, and returns what it recorded once both connections have ended.
   */
  public static List<RecordedConnection> relay(LegacyVictims victims, List<Line> lines)
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
    try (Relay relay = Relay.start(victims.server(), 0, counted, problems::add)) {
      victims.chat(relay.port(), lines);
      if (!ended.await(LegacyVictims.WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IOException("the relayed connections did not end; the relay saw: " + problems);
      }
    }
    List<RecordedConnection> connections = new ArrayList<>();
    List<Recording.Conversation> conversations = recording.conversations();
    for (int i = 0; i < conversations.size(); i++) {
      connections.add(RecordedConnection.of(conversations.get(i), "relayed connection " + (i + 1)));
    }
    return connections;
  }
}
