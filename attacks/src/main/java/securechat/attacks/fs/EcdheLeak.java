package securechat.attacks.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import securechat.attacks.Narrator;
import securechat.attacks.Outcome;
import securechat.attacks.Verdict;
import securechat.attacks.legacy.RecordedConnection;
import securechat.core.cli.ConfigException;
import securechat.core.cli.Stage;
import securechat.core.identity.ServerIdentity;
import securechat.ecdhe.Fernet;
import securechat.sniffer.dissect.EcdheKeyLog;

/**
 * Row 2 of {@code lab attack fs}: a recorded ecdhe session, then the server's long-term Ed25519
 * identity key, leaked. The key only ever signed the handshake; the session keys came from
 * ephemeral X25519 keys that no one kept. The control, the clients' {@code --keylog} (sealed away
 * then), opens the same recording: it is complete, and only the ephemeral secrets are missing.
 */
final class EcdheLeak {
  static final String TARGET = "ecdhe (the server's identity key)";

  static final String WHY =
      "The ecdhe stage's session keys come from X25519 key pairs that client and server make for"
          + " this one connection and forget after the handshake; HKDF turns their shared secret"
          + " into the Fernet keys. The server's long-term Ed25519 key only signs the transcript,"
          + " to prove who answered: it takes no part in the key exchange. So a key stolen after"
          + " the session cannot recompute its secret: used as an X25519 key against each recorded"
          + " ephemeral key, with the keys derived as the stage derives them, it opened no token."
          + " The recording is complete (the clients' key log opens every token), only the"
          + " ephemeral secrets are missing, and they exist nowhere any more: that is forward"
          + " secrecy. It does not cover a key log left on disk, an endpoint compromised during"
          + " the session, or a thief who steals the identity key before a session and sits in the"
          + " middle of it: then the signature is the thief's.";

  private EcdheLeak() {}

  static Verdict run(Stage ecdhe, Path folder, String secret, String reply, Narrator narrator)
      throws ConfigException, IOException, InterruptedException {
    Path victims = folder.resolve("victims");
    Path keyLog = folder.resolve("sealed-away").resolve("clients.keylog");
    Files.createDirectories(keyLog.getParent());
    narrator.aboutTo(
        "run an ecdhe session on 127.0.0.1 (server, alice, bob) through a relay that records every"
            + " byte; the clients also write their session keys to "
            + keyLog
            + " (--keylog), sealed away for the control");
    List<RecordedConnection> recorded =
        RecordedSession.record(ecdhe, victims, List.of(), Optional.of(keyLog), secret, reply);
    narrator.saw(FsNarration.recorded(recorded, secret));
    Path identityFile = ServerIdentity.file(victims, "ecdhe");
    narrator.aboutTo(
        "leak the server's long-term key from "
            + identityFile
            + " and try to decrypt the recording with it and nothing else");
    LeakedKey identity = LeakedKey.read("the ecdhe server's identity", identityFile);
    List<Attempt> attempts = new ArrayList<>();
    List<EcdheTranscript> transcripts = new ArrayList<>();
    for (RecordedConnection connection : recorded) {
      EcdheTranscript transcript = transcript(connection);
      transcripts.add(transcript);
      attempts.addAll(attempt(identity, transcript, connection.label()));
    }
    attempts.forEach(attempt -> narrator.saw(attempt.description()));
    narrator.aboutTo("the control: unseal " + keyLog + " and decrypt the same recording with it");
    List<String> opened = control(EcdheKeyLog.read(keyLog), transcripts);
    narrator.saw("the key log opened " + opened.size() + " tokens, among them:");
    opened.stream()
        .filter(line -> line.contains(secret))
        .forEach(line -> narrator.saw("  " + line));
    int tokens =
        transcripts.stream().mapToInt(t -> t.tokensUp().size() + t.tokensDown().size()).sum();
    return verdict(attempts, opened, tokens, secret);
  }

  private static EcdheTranscript transcript(RecordedConnection connection) throws IOException {
    try {
      return EcdheTranscript.read(connection.clientToServer(), connection.serverToClient());
    } catch (IllegalArgumentException e) {
      throw new IOException(connection.label() + " is not an ecdhe session: " + e.getMessage(), e);
    }
  }

  /** The leaked key against both ephemeral keys of one session, each tried on its first token. */
  static List<Attempt> attempt(LeakedKey leaked, EcdheTranscript transcript, String label) {
    Map<String, PublicKey> ephemeral = new LinkedHashMap<>();
    ephemeral.put("the client's ephemeral key", transcript.clientEphemeral());
    ephemeral.put("the server's ephemeral key", transcript.serverEphemeral());
    List<Attempt> attempts = new ArrayList<>();
    for (Map.Entry<String, PublicKey> peer : ephemeral.entrySet()) {
      String tried =
          label + ": " + leaked.kind() + " key used as an X25519 key with " + peer.getKey();
      Optional<byte[]> secret = leaked.agreeWith(peer.getValue());
      if (secret.isEmpty()) {
        attempts.add(Attempt.fact(tried + ": no shared secret at all"));
        continue;
      }
      Fernet key = EcdheTokens.clientToServerKey(secret.get(), transcript);
      boolean opened =
          !transcript.tokensUp().isEmpty()
              && EcdheTokens.open(key, transcript.tokensUp().get(0)).isPresent();
      attempts.add(
          Attempt.tested(
              tried + (opened ? ": the first token OPENED" : ": the first token fails its HMAC"),
              opened));
    }
    return attempts;
  }

  /** Every token of every session the key log names, opened. */
  static List<String> control(EcdheKeyLog keyLog, List<EcdheTranscript> transcripts) {
    List<String> lines = new ArrayList<>();
    for (EcdheTranscript transcript : transcripts) {
      Optional<EcdheKeyLog.Session> session = keyLog.find(transcript.clientNonce());
      if (session.isEmpty()) {
        continue;
      }
      transcript
          .tokensUp()
          .forEach(t -> EcdheTokens.open(session.get().clientToServer(), t).ifPresent(lines::add));
      transcript
          .tokensDown()
          .forEach(t -> EcdheTokens.open(session.get().serverToClient(), t).ifPresent(lines::add));
    }
    return lines;
  }

  private static Verdict verdict(
      List<Attempt> attempts, List<String> opened, int tokens, String secret) {
    long worked = attempts.stream().filter(Attempt::opened).count();
    boolean controlFound = opened.stream().anyMatch(line -> line.contains(secret));
    Map<String, Number> figures = new LinkedHashMap<>();
    figures.put("secrets_derived", attempts.stream().filter(Attempt::derivedSecret).count());
    figures.put("secrets_that_opened_a_token", worked);
    figures.put("tokens", tokens);
    figures.put("tokens_opened_with_key_log", opened.size());
    List<String> evidence = new ArrayList<>(attempts.stream().map(Attempt::description).toList());
    evidence.add("the sealed-away key log opened " + opened.size() + " of " + tokens + " tokens");
    if (worked > 0) {
      return new Verdict(
          "fs",
          TARGET,
          Outcome.SUCCEEDED,
          "the server's leaked identity key decrypted the recorded session",
          WHY,
          evidence,
          figures);
    }
    String headline =
        controlFound
            ? "the server's leaked identity key opened none of the recorded session; the clients'"
                + " key log (the control) opened "
                + (opened.size() == tokens ? "all " + tokens : opened.size() + " of " + tokens)
                + " tokens, secret included"
            : "the server's leaked identity key opened nothing, but neither did the key log: the"
                + " recording may be incomplete, so this run proves nothing";
    return new Verdict("fs", TARGET, Outcome.REFUSED, headline, WHY, evidence, figures);
  }
}
