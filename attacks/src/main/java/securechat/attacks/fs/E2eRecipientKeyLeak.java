package securechat.attacks.fs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import securechat.attacks.Narrator;
import securechat.attacks.Outcome;
import securechat.attacks.Verdict;
import securechat.attacks.Victims;
import securechat.attacks.legacy.RecordedConnection;
import securechat.core.cli.ConfigException;
import securechat.core.cli.Stage;
import securechat.core.protocol.ProtocolException;
import securechat.core.protocol.Username;
import securechat.e2e.Envelope;
import securechat.e2e.EnvelopeException;
import securechat.e2e.IdentityKeys;
import securechat.e2e.IdentityStore;
import securechat.e2e.Payload;
import securechat.e2e.PublicIdentity;
import securechat.e2e.SignedKeyEntry;

/**
 * Row 4 of {@code lab attack fs}, the honest one: a recorded e2e session over {@code --transport
 * plain}, so that the envelopes are on the wire (what the server itself sees and could keep), then
 * the recipient's long-term identity key, leaked: bob's identity file, unlocked with his password.
 * HPKE in base mode seals each envelope to bob's static X25519 key, so that key opens every
 * envelope ever sent to him.
 */
final class E2eRecipientKeyLeak {
  static final String TARGET = "e2e --transport plain (bob's identity key)";

  static final String WHY =
      "An e2e envelope is sealed with HPKE in base mode (RFC 9180) to bob's long-term X25519"
          + " encryption key: HPKE makes a fresh ephemeral key for every envelope (ENC), but bob's"
          + " side of the exchange never changes. Whoever gets bob's private key later (here his"
          + " identity file and his password) opens every envelope ever sent to him, from any"
          + " recording that holds them: the server's own logs, a capture over --transport plain,"
          + " or a TLS capture whose session keys leaked. Message content has no forward secrecy"
          + " against the recipient's key, as Envelope and E2eSecurity say; only what was sent to"
          + " bob opens, not what bob sent. Protocols that need forward secrecy for content"
          + " ratchet: Signal's double ratchet derives a new key for every message from fresh"
          + " Diffie-Hellman exchanges and deletes the old ones, so yesterday's keys are gone"
          + " before anyone can steal them.";

  private E2eRecipientKeyLeak() {}

  static Verdict run(Stage e2e, Path folder, String secret, String reply, Narrator narrator)
      throws ConfigException, IOException, InterruptedException {
    Path victims = folder.resolve("victims");
    List<String> plain = List.of("--transport", "plain");
    narrator.aboutTo(
        "run an e2e session over --transport plain on 127.0.0.1 (server, alice, bob) through a"
            + " relay that records every byte: the envelopes cross the wire as the server sees them");
    List<RecordedConnection> recorded =
        RecordedSession.record(e2e, victims, plain, Optional.empty(), secret, reply);
    narrator.saw(FsNarration.recorded(recorded, secret));
    Username bob = new Username("bob");
    IdentityStore store = IdentityStore.withOwaspParameters(victims);
    narrator.aboutTo(
        "leak bob's identity key: his identity file "
            + store.file(bob)
            + ", unlocked with his password; then try every recorded envelope with it");
    if (!store.exists(bob)) {
      throw new ConfigException("bob's identity file " + store.file(bob) + " was never made");
    }
    IdentityKeys bobKeys =
        store.loadOrCreate(bob, Victims.passwordOf("bob"), line -> narrator.saw(line));
    List<Attempt> attempts = openAll(recorded, bobKeys);
    attempts.forEach(attempt -> narrator.saw(attempt.description()));
    return verdict(attempts, secret);
  }

  /** Every distinct envelope in the recording, tried with {@code keys}. */
  static List<Attempt> openAll(List<RecordedConnection> recorded, IdentityKeys keys) {
    Map<String, PublicIdentity> directory = new LinkedHashMap<>();
    Set<String> envelopes = new LinkedHashSet<>();
    for (RecordedConnection connection : recorded) {
      read(RecordedLines.of(connection.clientToServer()), directory, envelopes);
      read(RecordedLines.of(connection.serverToClient()), directory, envelopes);
    }
    List<Attempt> attempts = new ArrayList<>();
    for (String text : envelopes) {
      attempts.add(open(text, keys, directory));
    }
    return attempts;
  }

  /**
   * Collects the envelopes of {@code /whisper NAME ENVELOPE} and {@code WHISPER FROM TO ENVELOPE}
   * lines, and the public keys of {@code KEY NAME ...} directory lines, as the server sees them.
   */
  private static void read(
      List<String> lines, Map<String, PublicIdentity> directory, Set<String> envelopes) {
    for (String line : lines) {
      if (line.startsWith("/whisper ")) {
        String[] words = line.split(" ", 3);
        addIfEnvelope(words.length == 3 ? words[2] : "", envelopes);
      } else if (line.startsWith("WHISPER ")) {
        String[] words = line.split(" ", 4);
        addIfEnvelope(words.length == 4 ? words[3] : "", envelopes);
      } else if (line.startsWith("KEY ")) {
        String[] words = line.split(" ", 3);
        if (words.length == 3) {
          addKey(words[1], words[2], directory);
        }
      }
    }
  }

  private static void addKey(
      String untrustedName, String untrustedEntry, Map<String, PublicIdentity> directory) {
    try {
      Username name = Username.parse(untrustedName);
      directory.put(name.value(), SignedKeyEntry.parse(name, untrustedEntry).keys());
    } catch (ProtocolException | IllegalArgumentException e) {
      // Not a directory line the attacker can use; the envelopes are still tried.
    }
  }

  private static void addIfEnvelope(String text, Set<String> envelopes) {
    if (Envelope.isEnvelope(text)) {
      envelopes.add(text);
    }
  }

  private static Attempt open(
      String text, IdentityKeys keys, Map<String, PublicIdentity> directory) {
    try {
      Envelope envelope = Envelope.parse(text);
      String about = "envelope " + envelope.sender() + " → " + envelope.recipient();
      PublicIdentity sender = directory.get(envelope.sender().value());
      if (sender == null) {
        return Attempt.fact(about + ": no KEY line for its sender in the recording");
      }
      try {
        Payload payload = envelope.open(keys, sender);
        return Attempt.tested(about + ": OPENED: \"" + textOf(payload) + "\"", true);
      } catch (EnvelopeException e) {
        String why =
            e.reason() == EnvelopeException.Reason.TAMPERED
                ? "HPKE refuses this key: it was sealed to " + envelope.recipient() + "'s"
                : e.getMessage();
        return Attempt.tested(about + ": stays closed (" + why + ")", false);
      }
    } catch (EnvelopeException e) {
      return Attempt.fact("a malformed envelope: " + e.getMessage());
    }
  }

  private static String textOf(Payload payload) {
    return switch (payload) {
      case Payload.Whisper whisper -> whisper.text();
      case Payload.Broadcast broadcast -> broadcast.text();
      case Payload.File file -> file.name() + ": " + file.content();
    };
  }

  private static Verdict verdict(List<Attempt> attempts, String secret) {
    long opened = attempts.stream().filter(Attempt::opened).count();
    boolean found = attempts.stream().anyMatch(a -> a.opened() && a.description().contains(secret));
    Map<String, Number> figures = new LinkedHashMap<>();
    figures.put("envelopes", attempts.size());
    figures.put("envelopes_opened", opened);
    List<String> evidence = attempts.stream().map(Attempt::description).toList();
    if (found) {
      return new Verdict(
          "fs",
          TARGET,
          Outcome.SUCCEEDED,
          "bob's leaked identity key opened the recorded envelope: \"" + secret + "\"",
          WHY,
          evidence,
          figures);
    }
    return new Verdict(
        "fs",
        TARGET,
        Outcome.REFUSED,
        "bob's leaked identity key opened no recorded envelope that holds the secret",
        WHY,
        evidence,
        figures);
  }
}
