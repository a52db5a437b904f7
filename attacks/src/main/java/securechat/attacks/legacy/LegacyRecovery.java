package securechat.attacks.legacy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import securechat.e2e.legacy.LegacyKeyRecovery;
import securechat.e2e.legacy.Seed004FormatException;
import securechat.e2e.legacy.Seed004Message;
import securechat.e2e.legacy.Seed004Message.ChatMessage;
import securechat.e2e.legacy.Seed004Message.Register;

/**
 * The eavesdropper's whole attack on seed 004: find every {@code message} frame in recorded
 * connections and recover its DES key and text from the package alone ({@link
 * LegacyKeyRecovery#recover}: {@code K = signed_key^e mod n} with the sender's public key, which
 * the package itself carries). The same code serves a capture file and a relay's recording.
 *
 * <pre>{@code
 * LegacyRecovery.Result result = LegacyRecovery.recover(connections);
 * result.messages().forEach(m -> System.out.println(m.describe()));
 * }</pre>
 *
 * <p>A package the server forwards crosses the wire twice (sender → server, server → recipient); it
 * is recovered once and counted twice. The sender of a package on its way to the server is the name
 * its connection registered; on its way to the recipient the server names it.
 */
final class LegacyRecovery {
  private LegacyRecovery() {}

  /**
   * What the attack found.
   *
   * @param messages every distinct package recovered, in the order first seen
   * @param seed004Connections connections whose bytes parse as seed 004 frames
   * @param otherConnections connections that do not: another protocol, nothing to recover
   * @param problems packages that would not give their key away, and bytes the capture lost
   */
  record Result(
      List<RecoveredMessage> messages,
      int seed004Connections,
      int otherConnections,
      List<String> problems) {
    public Result {
      messages = List.copyOf(messages);
      problems = List.copyOf(problems);
    }

    /** How many distinct DES keys were recovered. */
    long distinctKeys() {
      return messages.stream().map(RecoveredMessage::desKey).distinct().count();
    }
  }

  /** Recovers every message in {@code connections}. */
  static Result recover(List<RecordedConnection> connections) {
    Collector found = new Collector();
    int seed004 = 0;
    for (RecordedConnection connection : connections) {
      LegacyFrames up = LegacyFrames.read(connection.clientToServer());
      LegacyFrames down = LegacyFrames.read(connection.serverToClient());
      if (!up.isSeed004() && !down.isSeed004()) {
        continue;
      }
      seed004++;
      found.problems.addAll(connection.notes());
      Optional<String> registered = registeredName(up.messages());
      for (Seed004Message message : up.messages()) {
        if (message instanceof ChatMessage chat) {
          found.add(chat, registered.orElse("?"), connection);
        }
      }
      for (Seed004Message message : down.messages()) {
        if (message instanceof ChatMessage chat) {
          found.add(chat, chat.sender().orElse("?"), connection);
        }
      }
    }
    return new Result(
        List.copyOf(found.byPackage.values()),
        seed004,
        connections.size() - seed004,
        found.problems);
  }

  private static Optional<String> registeredName(List<Seed004Message> fromClient) {
    return fromClient.stream()
        .filter(Register.class::isInstance)
        .map(message -> ((Register) message).username())
        .findFirst();
  }

  /** The packages recovered so far, by their JSON text, and the ones that resisted. */
  private static final class Collector {
    private final Map<String, RecoveredMessage> byPackage = new LinkedHashMap<>();
    private final Set<String> resisted = new HashSet<>();
    private final List<String> problems = new ArrayList<>();

    void add(ChatMessage chat, String sender, RecordedConnection connection) {
      String packageJson = chat.encryptedPackage();
      RecoveredMessage seen = byPackage.get(packageJson);
      if (seen != null) {
        String knownSender = seen.sender().equals("?") ? sender : seen.sender();
        byPackage.put(
            packageJson,
            new RecoveredMessage(
                knownSender, seen.recipient(), seen.desKey(), seen.text(), seen.copies() + 1));
        return;
      }
      if (resisted.contains(packageJson)) {
        return;
      }
      try {
        LegacyKeyRecovery.Recovered recovered = LegacyKeyRecovery.recover(packageJson);
        byPackage.put(
            packageJson,
            new RecoveredMessage(
                sender, chat.recipient(), recovered.desKeyText(), recovered.plaintext(), 1));
      } catch (Seed004FormatException e) {
        resisted.add(packageJson);
        problems.add(
            connection.label()
                + ": a package to "
                + chat.recipient()
                + " resisted: "
                + e.getMessage());
      }
    }
  }
}
