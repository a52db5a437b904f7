package securechat.attacks.fs;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
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
import securechat.tls.pki.LabPki;

/**
 * Row 3 of {@code lab attack fs}: a recorded e2e session over its default transport, TLS 1.3, then
 * every long-term key the server holds, leaked: its TLS certificate key and its e2e identity. TLS
 * 1.3 agrees every session's keys with ephemeral (EC)DHE; the certificate key only signs. The
 * attacker tries each leaked key against each key share in the recorded hellos, runs the TLS 1.3
 * key schedule ({@link Tls13KeySchedule}) on every secret that gives, and tests it on the server's
 * first encrypted record.
 */
final class E2eServerKeysLeak {
  static final String TARGET = "e2e over TLS (the server's keys)";

  /** The name the lab's server certificate is issued to ({@code Victims.HOST}). */
  private static final String CERTIFICATE_NAME = "localhost";

  static final String WHY =
      "TLS 1.3 always agrees its keys with ephemeral (EC)DHE (RFC 8446 §2; the static RSA and DH"
          + " key exchanges of older TLS are gone), and the server's certificate key only signs the"
          + " handshake (CertificateVerify). The attack tried every leaked key against every key"
          + " share in the recorded hellos where the curves allow a Diffie-Hellman at all, ran the"
          + " TLS 1.3 key schedule (RFC 8446 §7.1) on each result, and the server's first encrypted"
          + " record refused every derived key. The server's e2e identity fares no better: it"
          + " signs logins and the key directory, and behind TLS every message is an envelope"
          + " sealed to its recipient's key, which the server never had. What TLS does not hide"
          + " from the server itself is the next row.";

  private E2eServerKeysLeak() {}

  static Verdict run(Stage e2e, Path folder, String secret, String reply, Narrator narrator)
      throws ConfigException, IOException, InterruptedException {
    Path victims = folder.resolve("victims");
    narrator.aboutTo(
        "run an e2e session over its default TLS transport on 127.0.0.1 (server, alice, bob)"
            + " through a relay that records every byte");
    List<RecordedConnection> recorded =
        RecordedSession.record(e2e, victims, List.of(), Optional.empty(), secret, reply);
    narrator.saw(FsNarration.recorded(recorded, secret));
    List<LeakedKey> leaked =
        List.of(
            LeakedKey.read(
                "the TLS certificate key", LabPki.in(victims).privateKeyFile(CERTIFICATE_NAME)),
            LeakedKey.read("the e2e server identity", ServerIdentity.file(victims, "e2e")));
    narrator.aboutTo(
        "leak the server's long-term keys ("
            + String.join(", ", leaked.stream().map(k -> k.file().toString()).toList())
            + ") and try to decrypt the recording with them and nothing else");
    List<Attempt> attempts = new ArrayList<>();
    for (RecordedConnection connection : recorded) {
      attempts.addAll(attempt(leaked, connection));
    }
    attempts.forEach(attempt -> narrator.saw(attempt.description()));
    return verdict(attempts);
  }

  /** Every leaked key against every key share of one recorded TLS 1.3 connection. */
  static List<Attempt> attempt(List<LeakedKey> leaked, RecordedConnection connection) {
    Tls13Hellos hellos;
    try {
      hellos = Tls13Hellos.read(connection.clientToServer(), connection.serverToClient());
    } catch (Tls13Hellos.NotTls13Exception e) {
      return List.of(Attempt.fact(connection.label() + ": " + e.getMessage()));
    }
    Optional<Tls13KeySchedule.Suite> suite = Tls13KeySchedule.Suite.of(hellos.cipherSuite());
    if (suite.isEmpty()) {
      return List.of(Attempt.fact(connection.label() + ": an unknown cipher suite"));
    }
    Map<String, PublicKey> shares = shares(hellos);
    List<Attempt> attempts = new ArrayList<>();
    attempts.add(
        Attempt.fact(
            connection.label()
                + ": TLS 1.3, TLS_"
                + suite.get()
                + ", the server's key share is "
                + Tls13Hellos.groupName(hellos.serverGroup())
                + "; "
                + shares.size()
                + " key shares in the hellos"));
    for (LeakedKey key : leaked) {
      attempts.addAll(tryKey(key, shares, suite.get(), hellos, connection.label()));
    }
    return attempts;
  }

  /** One leaked key against every share it can agree with, each secret tried on the record. */
  private static List<Attempt> tryKey(
      LeakedKey key,
      Map<String, PublicKey> shares,
      Tls13KeySchedule.Suite suite,
      Tls13Hellos hellos,
      String label) {
    List<Attempt> attempts = new ArrayList<>();
    for (Map.Entry<String, PublicKey> share : shares.entrySet()) {
      Optional<byte[]> secret = key.agreeWith(share.getValue());
      if (secret.isEmpty()) {
        continue;
      }
      boolean opened = opens(suite, secret.get(), hellos);
      attempts.add(
          Attempt.tested(
              label
                  + ": "
                  + key.name()
                  + " ("
                  + key.kind()
                  + ") with "
                  + share.getKey()
                  + (opened
                      ? ": the server's first record OPENED"
                      : ": the server's first record refuses the derived key"),
              opened));
    }
    return attempts;
  }

  private static Map<String, PublicKey> shares(Tls13Hellos hellos) {
    Map<String, PublicKey> shares = new LinkedHashMap<>();
    hellos
        .clientShares()
        .forEach(
            (group, share) ->
                KeyShares.publicKey(group, share)
                    .ifPresent(
                        key ->
                            shares.put(
                                "the client's " + Tls13Hellos.groupName(group) + " share", key)));
    KeyShares.publicKey(hellos.serverGroup(), hellos.serverShare())
        .ifPresent(
            key ->
                shares.put(
                    "the server's " + Tls13Hellos.groupName(hellos.serverGroup()) + " share", key));
    return shares;
  }

  private static boolean opens(Tls13KeySchedule.Suite suite, byte[] secret, Tls13Hellos hellos) {
    try {
      byte[] trafficSecret =
          Tls13KeySchedule.serverHandshakeTrafficSecret(
              suite, secret, hellos.clientHello(), hellos.serverHello());
      return Tls13KeySchedule.openFirstRecord(suite, trafficSecret, hellos.firstServerRecord())
          .isPresent();
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static Verdict verdict(List<Attempt> attempts) {
    long opened = attempts.stream().filter(Attempt::opened).count();
    long derived = attempts.stream().filter(Attempt::derivedSecret).count();
    Map<String, Number> figures = new LinkedHashMap<>();
    figures.put("secrets_derived", derived);
    figures.put("records_opened", opened);
    List<String> evidence = attempts.stream().map(Attempt::description).toList();
    if (opened > 0) {
      return new Verdict(
          "fs",
          TARGET,
          Outcome.SUCCEEDED,
          "a leaked server key decrypted the recorded TLS session",
          WHY,
          evidence,
          figures);
    }
    return new Verdict(
        "fs",
        TARGET,
        Outcome.REFUSED,
        "the server's leaked TLS and identity keys opened none of the recorded TLS sessions",
        WHY,
        evidence,
        figures);
  }
}
