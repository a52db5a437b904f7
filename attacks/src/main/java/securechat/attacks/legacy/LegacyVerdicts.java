package securechat.attacks.legacy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import securechat.attacks.Outcome;
import securechat.attacks.Verdict;

/** The verdict of {@code lab attack legacy} on what {@link LegacyRecovery} found. */
final class LegacyVerdicts {
  static final String ATTACK = "legacy";

  static final String WHY_SUCCEEDED =
      "Seed 004 \"signs\" each message's DES key K with textbook RSA, signed_key = K^d mod n, and"
          + " puts the sender's public key (n, e) in the same package. A signature is made to be"
          + " checked by anyone, so it hides nothing: signed_key^e mod n = K for everyone who reads"
          + " the wire, one modular exponentiation by e = 65537, and DES-ECB under K gives the"
          + " text. No private key and no guessing were needed, and the server that was not meant"
          + " to read the messages can read them too. A proper scheme gives the content key to the"
          + " recipient only, with an encryption made for it (RSA-OAEP, or HPKE to an X25519 key,"
          + " as the e2e stage's envelopes do); signs the ciphertext, not the key, with a real"
          + " signature scheme (Ed25519, RSA-PSS); checks that signature with the sender's key"
          + " from a directory it trusts, never with a key the package brings; and encrypts with"
          + " an authenticated cipher (AES-GCM), not 56-bit DES in ECB mode.";

  static final String WHY_NOTHING =
      "No seed 004 package is in these bytes (seed 004 sends an 8-byte big-endian length, then"
          + " a JSON object such as {\"type\":\"message\",...}), so there is no signed_key to raise"
          + " to e and nothing to recover. This says only that the traffic is not seed 004's. The"
          + " lab's real e2e stage gives the same answer for a better reason: over TLS the network"
          + " sees records only, and over --transport plain it sees envelopes sealed with HPKE to"
          + " each recipient's X25519 key and signed with Ed25519, and nothing in them turns into a"
          + " content key with public values alone. Seed 004's flaw lives in its packages: a"
          + " capture without them gives this attack nothing.";

  private LegacyVerdicts() {}

  static Verdict of(LegacyRecovery.Result result, String target) {
    List<String> evidence = new ArrayList<>();
    result.messages().forEach(message -> evidence.add(message.describe()));
    evidence.addAll(result.problems());
    Map<String, Number> figures = new LinkedHashMap<>();
    figures.put("messages", result.messages().size());
    figures.put("keys", result.distinctKeys());
    figures.put("seed004_connections", result.seed004Connections());
    figures.put("other_connections", result.otherConnections());
    if (!result.messages().isEmpty()) {
      return new Verdict(
          ATTACK, target, Outcome.SUCCEEDED, succeeded(result), WHY_SUCCEEDED, evidence, figures);
    }
    return new Verdict(
        ATTACK, target, Outcome.REFUSED, nothing(result), WHY_NOTHING, evidence, figures);
  }

  private static String succeeded(LegacyRecovery.Result result) {
    int messages = result.messages().size();
    return "recovered "
        + plural(messages, "message")
        + " and "
        + plural(result.distinctKeys(), "DES key")
        + " from the recorded bytes alone, with no private key";
  }

  private static String nothing(LegacyRecovery.Result result) {
    int all = result.seed004Connections() + result.otherConnections();
    if (all == 0) {
      return "the recording holds no TCP connection: nothing to recover";
    }
    if (result.seed004Connections() == 0) {
      return (all == 1
              ? "the one TCP connection recorded holds no seed 004 frame"
              : "none of the " + all + " TCP connections recorded holds a seed 004 frame")
          + ": nothing to recover";
    }
    return plural(result.seed004Connections(), "seed 004 connection")
        + " but no package that gave its key away: nothing recovered";
  }

  static String plural(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}
