package securechat.attacks.fs;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import securechat.attacks.Narrator;
import securechat.attacks.Outcome;
import securechat.attacks.Verdict;
import securechat.attacks.legacy.LegacyFrames;
import securechat.attacks.legacy.LegacyVictims;
import securechat.attacks.legacy.LegacyWiretap;
import securechat.attacks.legacy.RecordedConnection;
import securechat.core.channel.RecordException;
import securechat.core.cli.ConfigException;
import securechat.e2e.legacy.LegacyDesEcb;
import securechat.e2e.legacy.LegacyEncryptedPackage;
import securechat.e2e.legacy.LegacyRsaKeyPair;
import securechat.e2e.legacy.LegacyTextbookRsa;
import securechat.e2e.legacy.Seed004FormatException;
import securechat.e2e.legacy.Seed004Message;
import securechat.e2e.legacy.Seed004Message.ChatMessage;
import securechat.e2e.legacy.Seed004Message.Register;

/**
 * Row 1 of {@code lab attack fs}: a recorded session of the seed 004 replica, then the recipient's
 * long-term RSA key, leaked. The replica keeps keys in memory only, so the leak is the generator:
 * bob's client drew its key from a {@link Random} the attack seeded, and the same seed makes the
 * same key again. The recorded {@code encrypted_key} is K^e mod n under bob's key; his d opens it,
 * and K opens the text. The {@code signed_key} flaw of {@code lab attack legacy} is not used here.
 */
final class LegacyRsaLeak {
  static final String TARGET = "e2e --insecure-legacy seed004 (bob's RSA key)";

  static final String WHY =
      "Seed 004 sends each message's DES key K encrypted to the recipient's long-term RSA key,"
          + " encrypted_key = K^e mod n, and that key never changes. Whoever gets it later (a"
          + " stolen laptop, a seized server, a key file in a backup) computes K = encrypted_key^d"
          + " mod n for every package ever recorded, and DES-ECB gives the text: the secrecy of"
          + " every past message rests on one key staying secret forever. This row used bob's key"
          + " and nothing else (not the signed_key flaw of lab attack legacy), and only what was"
          + " sent to bob opened. The cure is forward secrecy: agree each session's or message's"
          + " key with ephemeral Diffie-Hellman keys that are deleted after use, and keep the"
          + " long-term key for signatures, as the ecdhe stage and TLS 1.3 do.";

  private LegacyRsaLeak() {}

  static Verdict run(String secret, String reply, Narrator narrator)
      throws ConfigException, IOException, InterruptedException {
    long bobSeed = new SecureRandom().nextLong();
    narrator.aboutTo(
        "run the seed 004 replica on 127.0.0.1 (server, alice, bob) through a relay that records"
            + " every byte; bob's client draws its RSA key from java.util.Random seeded with "
            + bobSeed
            + ", which the attack remembers");
    List<LegacyVictims.Line> lines =
        List.of(
            new LegacyVictims.Line("alice", "bob", secret),
            new LegacyVictims.Line("bob", "alice", reply));
    List<RecordedConnection> recorded;
    try (LegacyVictims victims =
        LegacyVictims.start(name -> name.equals("bob") ? new Random(bobSeed) : new Random())) {
      recorded = LegacyWiretap.relay(victims, lines);
    }
    narrator.saw(FsNarration.recorded(recorded, secret));
    narrator.aboutTo(
        "leak bob's private key: LegacyRsaKeyPair.generate(new Random("
            + bobSeed
            + ")), the key his client made; then decrypt each recorded encrypted_key with it");
    LegacyRsaKeyPair bobKey = LegacyRsaKeyPair.generate(new Random(bobSeed));
    List<Attempt> attempts = new ArrayList<>();
    attempts.add(Attempt.fact(sameKeyAsRegistered(recorded, bobKey)));
    attempts.addAll(openAll(recorded, bobKey));
    attempts.forEach(attempt -> narrator.saw(attempt.description()));
    return verdict(attempts, secret);
  }

  /** Whether the regenerated key is the one bob registered: the recording shows his public key. */
  private static String sameKeyAsRegistered(
      List<RecordedConnection> recorded, LegacyRsaKeyPair bobKey) {
    String mine = bobKey.publicKey().toKeyText();
    for (RecordedConnection connection : recorded) {
      for (Seed004Message message : LegacyFrames.read(connection.clientToServer()).messages()) {
        if (message instanceof Register register && register.username().equals("bob")) {
          return register.publicKey().equals(mine)
              ? "the leaked key's public half is the public_key bob registered on the wire"
              : "the leaked key is NOT the one bob registered";
        }
      }
    }
    return "bob's register frame is not in the recording";
  }

  /** Every distinct package in the recording, its encrypted_key tried with bob's key. */
  static List<Attempt> openAll(List<RecordedConnection> recorded, LegacyRsaKeyPair key) {
    Set<String> seen = new LinkedHashSet<>();
    List<Attempt> attempts = new ArrayList<>();
    for (RecordedConnection connection : recorded) {
      List<Seed004Message> messages = new ArrayList<>();
      messages.addAll(LegacyFrames.read(connection.clientToServer()).messages());
      messages.addAll(LegacyFrames.read(connection.serverToClient()).messages());
      for (Seed004Message message : messages) {
        if (message instanceof ChatMessage chat && seen.add(chat.encryptedPackage())) {
          attempts.add(open(chat, key));
        }
      }
    }
    return attempts;
  }

  private static Attempt open(ChatMessage chat, LegacyRsaKeyPair key) {
    String about = "package to " + chat.recipient();
    try {
      LegacyEncryptedPackage sealed = LegacyEncryptedPackage.parse(chat.encryptedPackage());
      // K = encrypted_key^d mod n: the recipient's own decryption, with the leaked d.
      byte[] desKey = LegacyTextbookRsa.decrypt(sealed.encryptedKey(), key, LegacyDesEcb.KEY_BYTES);
      byte[] text = LegacyDesEcb.decrypt(desKey, sealed.encryptedContent());
      return Attempt.tested(
          about + ": OPENED: \"" + new String(text, java.nio.charset.StandardCharsets.UTF_8) + "\"",
          true);
    } catch (RecordException e) {
      return Attempt.tested(about + ": stays closed (" + e.getMessage() + ")", false);
    } catch (Seed004FormatException e) {
      return Attempt.fact(about + ": not a package (" + e.getMessage() + ")");
    }
  }

  private static Verdict verdict(List<Attempt> attempts, String secret) {
    long opened = attempts.stream().filter(Attempt::opened).count();
    boolean found = attempts.stream().anyMatch(a -> a.opened() && a.description().contains(secret));
    Map<String, Number> figures = new LinkedHashMap<>();
    figures.put("packages", attempts.stream().filter(Attempt::derivedSecret).count());
    figures.put("packages_opened", opened);
    List<String> evidence = attempts.stream().map(Attempt::description).toList();
    Optional<String> headline =
        found
            ? Optional.of("bob's leaked RSA key opened the recorded package: \"" + secret + "\"")
            : Optional.empty();
    return new Verdict(
        "fs",
        TARGET,
        found ? Outcome.SUCCEEDED : Outcome.REFUSED,
        headline.orElse("bob's leaked RSA key opened no recorded package that holds the secret"),
        WHY,
        evidence,
        figures);
  }
}
